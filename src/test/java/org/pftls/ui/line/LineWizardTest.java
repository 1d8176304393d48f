package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Bookkeeping;
import org.pftls.testing.Sandbox;
import org.pftls.ui.line.ScriptedWizard.Result;

/**
 * The line-mode wizard driven by scripted answers through a JLine dumb terminal: every task, both
 * algorithms, invalid answers, back, quit and end of input. Where a task changes something, the
 * result is compared byte for byte with the command line's on a twin sandbox (same main.cf, same
 * fixed clock, same seeded randomness): the wizard and the CLI make the same files and main.cf.
 */
public class LineWizardTest {
    private static final String STAMP = "20261125-120000";
    private static final String HOST = "mail.example.org";

    @TempDir
    Path dir;
    @TempDir
    Path twinDir;

    private Sandbox wizardSide() {
        return Sandbox.withSample(dir, "debian-fresh.cf");
    }

    private Sandbox cliSide() {
        return Sandbox.withSample(twinDir, "debian-fresh.cf");
    }

    // ---- every task, compared with the command line ----

    @Test
    void enableServerWithEveryDefaultEqualsTheCommandLine() throws Exception {
        Sandbox w = wizardSide();
        Result r = new ScriptedWizard(w).run("", "", "", "", "", "yes");
        Sandbox c = cliSide();
        Sandbox.Run cli = c.run("enable-server", "-a", "rsa,ecdsa");
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        assertSameResult(c);
        assertEquals("rw-------", mode(dir.resolve("key-" + STAMP + ".pem")));
        assertEquals(cliMessages(cli), r.logged(), "the wizard logs the same lines as the CLI prints");
        String o = r.output();
        assertContainsInOrder(o, "Step 1 of 8: Detect", "Step 2 of 8: Task", "Step 3 of 8: Key",
                "1) RSA 2048 and ECDSA secp256r1 - recommended", "Choose 1-8 [1]: ",
                "Deploy through smtpd_tls_chain_files? yes or no [no]: ",
                "Step 4 of 8: Host names", "Host names [" + HOST + "]: ", "Step 5 of 8: Generate",
                "Making new RSA 2048 and ECDSA secp256r1 keys, self-signed certificates for " + HOST,
                "Step 6 of 8: Review", "Equivalent command:", "enable-server -a rsa,ecdsa -b 2048,secp256r1 " + HOST,
                "0600  ", "private key  " + dir.resolve("key-" + STAMP + ".pem"),
                "+smtpd_tls_security_level = may", "Subject:    CN=" + HOST, "SHA-256:",
                "_25._tcp." + HOST + ". IN TLSA 3 1 1 ", "3) Next", "Choose 1-3 [3]: ",
                "Step 7 of 8: Confirm", "Apply these changes now? Type yes to apply or no to cancel [no]: yes",
                "Step 8 of 8: Done", "What changed:", "created " + dir.resolve("key-" + STAMP + ".pem"),
                "  Enabled opportunistic TLS in the Postfix SMTP server", "Next steps:");
        assertFalse(o.contains("postfix tls"), "the wizard names pftls commands: " + o);
        assertFalse(o.contains("postfix reload\" now"), "no reload offered without a Postfix to reload");
        assertPlainText(o);
    }

    @Test
    void enableServerEcdsaWithTwoNamesEqualsTheCommandLine() throws Exception {
        Sandbox w = wizardSide();
        Result r = new ScriptedWizard(w).run("1", "7", "", "mx.example.com smtp.example.com", "", "yes");
        Sandbox c = cliSide();
        Sandbox.Run cli = c.run("enable-server", "-a", "ecdsa", "-b", "secp384r1", "mx.example.com", "smtp.example.com");
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        assertSameResult(c);
        assertTrue(Files.exists(dir.resolve("eckey-" + STAMP + ".pem")));
        assertTrue(r.output().contains("Key:        ECDSA secp384r1"), r.output());
        assertTrue(r.output().contains("DNS names:  mx.example.com, smtp.example.com"), r.output());
        assertTrue(r.output().contains("enable-server -a ecdsa -b secp384r1 mx.example.com smtp.example.com"));
        assertEquals(cliMessages(cli), r.logged());
        assertPlainText(r.output());
    }

    @Test
    void enableClientEqualsTheCommandLine() throws Exception {
        Sandbox w = wizardSide();
        Result r = new ScriptedWizard(w).run("2", "", "yes");
        Sandbox c = cliSide();
        Sandbox.Run cli = c.run("enable-client");
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        assertSameResult(c);
        assertTrue(w.mainCfText().contains("smtp_tls_security_level = may\n"));
        assertContainsInOrder(r.output(), "Step 3 of 7: Client TLS - Which TLS for outgoing mail?",
                "  1) Opportunistic TLS - ", "  2) DANE - ", "Choose 1-2 [1]: ", "Step 4 of 7: Generate",
                "Step 5 of 7: Review", "No new files are created.", "main.cf will change like this",
                "+smtp_tls_security_level = may", "Step 6 of 7: Confirm", "Step 7 of 7: Done");
        assertFalse(r.output().contains("private key  "), "no file is made");
        assertEquals(cliMessages(cli), r.logged());
    }

    @Test
    void newServerKeyEcdsaRefusesBadAnswersThenEqualsTheCommandLine() throws Exception {
        Sandbox w = wizardSide();
        Map<String, String> mainCfBefore = w.snapshot();
        Result r = new ScriptedWizard(w).run("3", "0", "ecdsa", "6", "bad_name", "a.example,b.example", "", "yes");
        Sandbox c = cliSide();
        Sandbox.Run cli = c.run("new-server-key", "-a", "ecdsa", "a.example", "b.example");
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        assertSameResult(c);
        assertEquals(mainCfBefore.get("main.cf"), w.snapshot().get("main.cf"), "new-server-key leaves main.cf");
        String o = r.output();
        assertContainsInOrder(o, "Choose 1-8 [1]: 0",
                "  ! \"0\" is not one of the choices: type a number from 1 to 8 (Enter takes 1),",
                "Choose 1-8 [1]: ecdsa", "  ! \"ecdsa\" is not one of the choices",
                "Choose 1-8 [1]: 6", "Host names [" + HOST + "]: bad_name", "  ! ",
                "Host names [" + HOST + "]: a.example,b.example", "main.cf does not change.");
        assertEquals(cliMessages(cli), r.logged());
    }

    @Test
    void newServerCertReusesTheDeployedKeyAsTheCommandLineDoes() throws Exception {
        Sandbox w = wizardSide();
        assertEquals(0, w.run("enable-server").status());
        Sandbox c = cliSide();
        assertEquals(0, c.run("enable-server").status());

        Result r = new ScriptedWizard(w).run("4", "", "", "", "yes");
        Sandbox.Run cli = c.run("new-server-cert");
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        assertSameResult(c);
        assertTrue(r.output().contains("3) RSA 2048 bits - the deployed rsa key is reused"), r.output());
        assertTrue(r.output().contains("Choose 1-8 [3]: "), "one RSA key is the default here: " + r.output());
        assertEquals(cliMessages(cli), r.logged());
    }

    @Test
    void deployChecksFilesRefusesAMismatchAndThenEqualsTheCommandLine() throws Exception {
        Sandbox w = wizardSide();
        Sandbox c = cliSide();
        for (Sandbox s : List.of(w, c)) {
            assertEquals(0, s.run("new-server-key").status());
            assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
        }
        String cert = "cert-" + STAMP + ".pem";
        String key = "key-" + STAMP + ".pem";
        String ecKey = "eckey-" + STAMP + ".pem";

        Result r = new ScriptedWizard(w).run("5", "?", "missing.pem", cert, "back", cert, ecKey,
                "", key, "", "yes");
        Sandbox.Run cli = c.run("deploy-server-cert", cert, key);
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        assertSameResult(c);
        String o = r.output();
        assertContainsInOrder(o, "Step 3 of 7: Files", "Tab",
                "Certificate file: ?", "Files in " + dir + ":", "    " + cert, "    main.cf",
                "Certificate file: missing.pem", "  ! cannot read certificate file " + dir.resolve("missing.pem"),
                "Certificate file: " + cert, "Private key file: back",
                "Certificate file [" + cert + "]: " + cert, "Private key file: " + ecKey,
                "  ! PROBLEM: Certificate in", dir.resolve(cert).toString(), "does not match", "key",
                "in", dir.resolve(ecKey).toString(), // words, not phrases: where the lines wrap depends on dir's length
                "deploy-server-cert refuses these files: choose others.", "Certificate file [" + cert + "]: ",
                "Private key file [" + ecKey + "]: " + key,
                "Deploy through smtpd_tls_chain_files? yes or no [no]: ",
                "Step 4 of 7: Generate",
                "Step 5 of 7: Review", "Files to deploy, as they are", "(private key)",
                "+smtpd_tls_cert_file = " + dir.resolve(cert), "Certificate:", "Subject:    CN=" + HOST, "SHA-256:",
                "; " + dir.resolve(key), "_25._tcp." + HOST + ". IN TLSA 3 1 1 ", "Step 7 of 7: Done");
        assertEquals(cliMessages(cli), r.logged());
    }

    @Test
    void csrIsShownAndSavedAsTheCommandLinePrintsIt() throws Exception {
        Sandbox w = wizardSide();
        assertEquals(0, w.run("enable-server").status());
        Sandbox c = cliSide();
        assertEquals(0, c.run("enable-server").status());
        Map<String, String> before = w.snapshot();

        Result r = new ScriptedWizard(w).run("6", "", "", "1", "csr.pem", "");
        Sandbox.Run cli = c.run("output-server-csr", "-k", "rsa", HOST);
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        String csr = cli.out();
        assertTrue(csr.startsWith("-----BEGIN CERTIFICATE REQUEST-----"), csr);
        assertTrue(r.output().contains(csr.strip()), r.output());
        assertEquals(csr.strip(), Files.readString(dir.resolve("csr.pem")).strip());
        assertEquals("rw-r--r--", mode(dir.resolve("csr.pem")));
        Map<String, String> after = w.snapshot();
        after.remove("csr.pem");
        after.remove("");
        before.remove("");
        assertEquals(before, after, "only the CSR file is new");
        assertContainsInOrder(r.output(), "Step 3 of 7: Key", "RSA key", "Step 4 of 7: Host names",
                "Step 6 of 7: Review", "output-server-csr -k rsa " + HOST, "\n-----BEGIN CERTIFICATE REQUEST-----",
                "1) Save the CSR to a file", "2) Finish", "Choose 1-2 [2]: 1",
                "[csr-" + HOST + ".pem]: csr.pem", "Saved the CSR to " + dir.resolve("csr.pem"),
                "Choose 1-2 [2]: ", "Step 7 of 7: Done",
                "Nothing was changed except that the CSR was saved to " + dir.resolve("csr.pem"));
        assertTrue(r.logged().isEmpty(), "a CSR changes nothing and logs nothing");
    }

    @Test
    void tlsaRecordsForAnotherHostEqualTheCommandLines() throws Exception {
        Sandbox w = wizardSide();
        Sandbox c = cliSide();
        for (Sandbox s : List.of(w, c)) {
            assertEquals(0, s.run("enable-server", "-a", "ecdsa").status());
        }
        Map<String, String> before = w.snapshot();
        Result r = new ScriptedWizard(w).run("7", "bad host", "mx.example.com");
        Sandbox.Run cli = c.run("output-server-tlsa", "-h", "mx.example.com");
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        for (String line : cli.out().replace(twinDir.toString(), dir.toString()).lines().toList()) {
            assertTrue(r.output().contains("  " + line + "\n"), line + " in\n" + r.output());
        }
        assertContainsInOrder(r.output(), "Step 3 of 6: Host name", "Host name [" + HOST + "]: bad host", "  ! ",
                "Host name [" + HOST + "]: mx.example.com", "_25._tcp.mx.example.com. IN TLSA 3 1 1 ",
                "Step 6 of 6: Done", "Nothing was changed.", "publish the records in DNS");
        assertEquals(before, w.snapshot());
    }

    // ---- choices that are not available, back, quit, end of input ----

    @Test
    void unavailableTasksAreExplainedAndRefused() throws Exception {
        Sandbox w = wizardSide();
        assertEquals(0, w.run("enable-client").status());
        Map<String, String> before = w.snapshot();
        Result r = new ScriptedWizard(w).run("6", "quit", "yes");
        assertEquals(1, r.status());
        assertContainsInOrder(r.output(), "2) Enable TLS in the SMTP client - Client TLS is configured already",
                "as enable-client --merge does", "6) Output a certificate signing request (CSR)",
                "(not available: no server key is deployed yet",
                "Choose 1-7 [1]: 6", "  ! 6 (Output a certificate signing request (CSR)) is not available: no server",
                "key is deployed yet", "Quit the wizard? Nothing has been changed. [no]: yes",
                "pftls: wizard cancelled; nothing was changed.");
        assertEquals(before, w.snapshot());
    }

    @Test
    void backKeepsAnswersAndConfirmBackRegeneratesWithTheNewAnswers() throws Exception {
        Sandbox w = wizardSide();
        Result r = new ScriptedWizard(w).run("3", "7", "back", "back", "back", "", "",
                "old.example", "back", "", "", "back", "back", "new.example", "", "yes");
        assertEquals(0, r.status(), r.output());
        assertContainsInOrder(r.output(), "Step 3 of 8: Key", "Choose 1-8 [1]: 7", "Host names [" + HOST + "]: back",
                "Step 3 of 8: Key", "Choose 1-8 [7]: back", "Step 2 of 8: Task", "Choose 1-7 [3]: back",
                "Step 1 of 8: Detect", "Step 2 of 8: Task", "Choose 1-7 [3]: ", "Choose 1-8 [7]: ",
                "Host names [" + HOST + "]: old.example", "Step 6 of 8: Review", "Choose 1-3 [3]: back",
                "Step 4 of 8: Host names", "Host names [old.example]: ", "Step 6 of 8: Review", "Choose 1-3 [3]: ",
                "Step 7 of 8: Confirm", "[no]: back", "Step 6 of 8: Review", "Choose 1-3 [3]: back",
                "Step 4 of 8: Host names",
                "Host names [old.example]: new.example", "Step 6 of 8: Review", "Step 7 of 8: Confirm");
        assertEquals(List.of(dir.resolve("eckey-" + STAMP + ".pem")), list(dir, "eckey-"),
                "only the confirmed key is written");
        assertTrue(r.output().contains("DNS names:  new.example\n"), r.output());
        Sandbox.Run status = w.run("status");
        assertEquals(0, status.status());
    }

    @Test
    void quitNeedsConfirmationAndChangesNothing() throws Exception {
        Sandbox w = wizardSide();
        Map<String, String> before = w.snapshot();
        Result r = new ScriptedWizard(w).run("quit", "maybe", "no", "1", "QUIT", "y");
        assertEquals(1, r.status());
        assertContainsInOrder(r.output(), "Choose 1-7 [1]: quit", "Quit the wizard? Nothing has been changed. [no]: maybe",
                "  ! please type yes or no", "[no]: no", "Choose 1-7 [1]: 1", "Choose 1-8 [1]: QUIT",
                "[no]: y", "pftls: wizard cancelled; nothing was changed.");
        assertEquals(before, w.snapshot());
    }

    @Test
    void confirmDefaultsToNoAndGeneratedFilesAreDiscardedByDefault() throws Exception {
        Sandbox w = wizardSide();
        Map<String, String> before = w.snapshot();
        Result r = new ScriptedWizard(w).run("", "6", "", "", "", "", "");
        assertEquals(1, r.status());
        assertContainsInOrder(r.output(), "[no]: \n", "Not applied.",
                "The new key and certificate exist only in memory: nothing has been written.", "1) Continue",
                "2) Discard and quit", "3) Keep the files and quit", "Choose 1-3 [2]: ",
                "pftls: wizard cancelled; the generated key and certificate were discarded");
        assertEquals(before, w.snapshot());
    }

    @Test
    void quitAfterGenerateCanKeepTheFilesWithoutDeployingThem() throws Exception {
        Sandbox w = wizardSide();
        String mainCf = w.mainCfText();
        Result r = new ScriptedWizard(w).run("1", "6", "", "", "", "quit", "back", "quit", "3");
        assertEquals(1, r.status());
        assertContainsInOrder(r.output(), "[no]: quit", "Choose 1-3 [1]: back", "Step 7 of 8: Confirm", "[no]: quit",
                "Choose 1-3 [1]: 3", "the new files were kept, main.cf is unchanged.",
                "created " + dir.resolve("eckey-" + STAMP + ".pem") + " (not deployed)",
                "Deploy them later with: pftls -c " + dir + " deploy-server-cert");
        assertEquals("rw-------", mode(dir.resolve("eckey-" + STAMP + ".pem")));
        assertTrue(Files.exists(dir.resolve("eccert-" + STAMP + ".pem")));
        assertEquals(mainCf, w.mainCfText());
    }

    @Test
    void endOfInputQuitsAtOnceWithoutChangingAnything() throws Exception {
        Sandbox w = wizardSide();
        Map<String, String> before = w.snapshot();
        Result r = new ScriptedWizard(w).run("1", "");
        assertEquals(1, r.status());
        assertTrue(r.output().endsWith("pftls: end of input: quitting; nothing was changed.\n"), r.output());
        assertEquals(before, w.snapshot());

        Result none = new ScriptedWizard(w).run();
        assertEquals(1, none.status());
        assertContainsInOrder(none.output(), "Choose 1-7 [1]: \n", "pftls: end of input");
        assertEquals(before, w.snapshot());
    }

    @Test
    void endOfInputAtConfirmWritesNothingEvenAfterGenerate() throws Exception {
        Sandbox w = wizardSide();
        Map<String, String> before = w.snapshot();
        Result r = new ScriptedWizard(w).run("1", "", "", "", "");
        assertEquals(1, r.status());
        assertContainsInOrder(r.output(), "Step 7 of 8: Confirm", "pftls: end of input");
        assertEquals(before, w.snapshot());
    }

    @Test
    void controlCharactersInAnswersAreShownAsQuestionMarksAndRefused() throws Exception {
        Sandbox w = wizardSide();
        Result r = new ScriptedWizard(w).run("\u0003", "2\t", "", "yes");
        assertEquals(0, r.status(), r.output());
        assertContainsInOrder(r.output(), "Choose 1-7 [1]: ?\n", "  ! \"?\" is not one of the choices",
                "Choose 1-7 [1]: 2 \n", "Step 4 of 7: Generate");
    }

    // ---- main.cf changed underneath, demo sandbox, reload ----

    @Test
    void mainCfChangedBeforeConfirmIsRefusedAndNothingIsWritten() throws Exception {
        Sandbox w = wizardSide();
        Result r = new ScriptedWizard(w).before(5, () -> append(w.mainCf(), "# edited meanwhile\n"))
                .run("1", "", "", "", "", "yes");
        assertEquals(1, r.status(), r.output());
        assertContainsInOrder(r.output(), "Applying ... failed.", "  ! Not applied: ", "main.cf was changed",
                "Type back to prepare the change again", "back or quit [back]: ", "pftls: end of input");
        assertTrue(list(dir, "key-").isEmpty(), "no key is left behind");
        assertTrue(list(dir, "cert-").isEmpty());
        assertTrue(w.mainCfText().endsWith("# edited meanwhile\n"));
        assertFalse(w.mainCfText().contains("smtpd_tls"));
    }

    @Test
    void demoSandboxIsMarkedOnEveryStepAndOffersNoReload() throws Exception {
        Sandbox w = wizardSide();
        Result r = new ScriptedWizard(w).demo().withPostfix().run("2", "", "yes");
        assertEquals(0, r.status(), r.output());
        long steps = r.output().lines().filter(l -> l.startsWith("Step ")).count();
        long marked = r.output().lines().filter(l -> l.startsWith("Step ") && l.endsWith("  [DEMO SANDBOX]")).count();
        assertEquals(7, steps);
        assertEquals(steps, marked);
        assertTrue(r.output().startsWith("pftls setup wizard (line mode)  [DEMO SANDBOX]\n"));
        assertFalse(r.output().contains("postfix reload\" now"));
        assertTrue(r.reloads().isEmpty());
    }

    @Test
    void reloadIsOfferedOnlyWhenPostfixCanBeReloadedAndRunsOnYes() throws Exception {
        Sandbox w = wizardSide();
        Result r = new ScriptedWizard(w).withPostfix().run("2", "", "yes", "yes");
        assertEquals(0, r.status(), r.output());
        assertEquals(List.of("reload"), r.reloads());
        assertContainsInOrder(r.output(), "pftls offers to run postfix reload now",
                "Run \"postfix reload\" now, so that Postfix uses the new settings? [no]: yes",
                "pftls: postfix reload: done. It said: postfix/postfix-script: refreshing the Postfix mail system");

        Sandbox other = Sandbox.withSample(twinDir, "debian-fresh.cf");
        Result no = new ScriptedWizard(other).withPostfix().run("2", "", "yes", "");
        assertEquals(0, no.status());
        assertTrue(no.reloads().isEmpty());
    }

    // ---- helpers ----

    /** Same file names and bytes in both directories; main.cf equal once the twin's path is replaced. */
    private void assertSameResult(Sandbox cli) throws IOException {
        Map<String, byte[]> mine = files(dir);
        Map<String, byte[]> theirs = files(twinDir);
        assertEquals(theirs.keySet(), mine.keySet());
        for (String name : mine.keySet()) {
            if (name.equals("main.cf")) {
                String expected = new String(theirs.get(name), StandardCharsets.ISO_8859_1)
                        .replace(twinDir.toString(), dir.toString());
                assertEquals(expected, new String(mine.get(name), StandardCharsets.ISO_8859_1));
            } else if (Bookkeeping.isBookkeeping(name)) {
                assertEquals(Bookkeeping.normalised(name, theirs.get(name), twinDir),
                        Bookkeeping.normalised(name, mine.get(name), dir), name);
            } else {
                assertArrayEquals(theirs.get(name), mine.get(name), name);
                assertEquals(mode(twinDir.resolve(name)), mode(dir.resolve(name)), name);
            }
        }
    }

    private static Map<String, byte[]> files(Path d) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private List<String> cliMessages(Sandbox.Run cli) {
        return cli.err().lines().map(l -> l.startsWith("pftls: warning: ") ? "WARNING " + l.substring(16)
                : "INFO " + l.substring("pftls: ".length())).map(l -> l.replace(twinDir.toString(), dir.toString()))
                .toList();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<Path> list(Path d, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each part occurs after the one before it. Runs of white space, line breaks included, count as
     * one space on both sides: the line wizard wraps at the terminal's width, and where a line breaks
     * depends on the length of the test's temporary directory, which differs from run to run.
     */
    static void assertContainsInOrder(String text, String... parts) {
        String flat = text.replaceAll("\\s+", " ");
        int from = 0;
        for (String part : parts) {
            String want = part.replaceAll("\\s+", " ");
            int at = flat.indexOf(want, from);
            assertTrue(at >= 0, "missing (in order): \"" + part + "\" after position " + from
                    + " of the text with white space collapsed:\n" + text);
            from = at + want.stripTrailing().length();
        }
    }

    /** Plain text only: no escape sequences, no carriage returns, no backspaces. */
    public static void assertPlainText(String text) {
        for (char ch : text.toCharArray()) {
            assertTrue(ch == '\n' || (ch >= ' ' && ch != 127), "control character " + (int) ch + " in:\n" + text);
        }
    }
}
