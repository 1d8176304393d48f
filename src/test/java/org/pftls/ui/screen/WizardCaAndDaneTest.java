package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.testing.Sandbox;
import org.pftls.testing.ServingProbe;
import org.pftls.testing.Snakeoil;
import org.pftls.testing.TestPki;
import org.pftls.testing.TestWizards;
import org.pftls.testing.TlsaAnswers;
import org.pftls.ui.flow.ReviewSection.Kind;
import org.pftls.ui.flow.StepKind;

/**
 * Issues #15 and #16 in the full-screen wizard: the chain check's warnings on Files, Review and
 * Confirm worded as deploy-server-cert words them, the chain as a tree on the Review, certbot's
 * renewal advice and deploy hook on Done, "Reload Postfix and verify", and the deploy's DNS guard.
 */
class WizardCaAndDaneTest {
    static final String HOST = "mail.example.org";

    @TempDir
    static Path shared;
    static TestPki pki;
    static TestPki.Issued leaf;

    @TempDir
    Path tmp;

    @BeforeAll
    static void ca() {
        pki = TestPki.create(shared.resolve("pki"), Sandbox.NOW);
        leaf = pki.goodLeaf("leaf", HOST);
    }

    /** A fresh instance with the leaf (and the given issuers after it) as leaf.pem and its key as leaf.key. */
    static Sandbox withLeaf(Path dir, Path... issuers) throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Path[] parts = new Path[issuers.length + 1];
        parts[0] = leaf.cert();
        System.arraycopy(issuers, 0, parts, 1, issuers.length);
        TestPki.concat(dir.resolve("leaf.pem"), parts);
        Files.copy(leaf.key(), dir.resolve("leaf.key"));
        Files.setPosixFilePermissions(dir.resolve("leaf.key"), PosixFilePermissions.fromString("rw-------"));
        return s;
    }

    /** The warning lines deploy-server-cert printed, without "pftls: warning: ". */
    static List<String> warnings(Sandbox.Run run) {
        return run.err().lines().filter(l -> l.startsWith("pftls: warning: "))
                .map(l -> l.substring("pftls: warning: ".length())).toList();
    }

    /** Whether {@code text} (screen or scrolled text, wrapped at any width) holds {@code expected}. */
    private static boolean has(String text, String expected) {
        return squeeze(text).contains(squeeze(expected));
    }

    private static String squeeze(String text) {
        return text.replace("\u2502", "").replaceAll("\\s+", "");
    }

    private static WizardDriver toFiles(WizardFixture f, Optional<DnsLookup> dns) {
        WizardDriver d = new WizardDriver(f.model(dns, Optional.empty())).press(KeyType.Enter)
                .press(KeyType.Home).press(KeyType.ArrowDown, 4).press(KeyType.Enter);
        assertEquals(StepKind.FILES, d.step(), d.text());
        return d;
    }

    @Test
    void aLeafWithoutItsIntermediateIsWarnedAboutOnFilesReviewAndConfirmAsDeployWordsIt() throws Exception {
        Sandbox cli = withLeaf(Files.createDirectories(tmp.resolve("cli")));
        Sandbox.Run run = cli.run("deploy-server-cert", "leaf.pem", "leaf.key");
        assertEquals(0, run.status(), run.err());
        List<String> cliWarnings = warnings(run);
        assertEquals(1, cliWarnings.size(), run.err());
        String warning = cliWarnings.get(0).replace(cli.dir().toString(), "DIR");

        Sandbox w = withLeaf(Files.createDirectories(tmp.resolve("wizard")));
        WizardFixture f = new WizardFixture(w, false);
        WizardDriver d = toFiles(f, Optional.empty());
        d.type("leaf.pem").press(KeyType.Tab, KeyType.Tab).type("leaf.key");
        String expected = "! warning: " + warning.replace("DIR", w.dir().toString());
        assertTrue(has(d.wizard.scrolledText(), expected), expected + "\n" + d.wizard.scrolledText());
        d.press(KeyType.Enter).runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        assertEquals(List.of(Kind.COMMAND, Kind.EXISTING_FILES, Kind.CHAIN, Kind.MAIN_CF, Kind.CERTIFICATE, Kind.TLSA),
                d.wizard.reviewKinds());
        String review = d.wizard.scrolledText();
        assertTrue(has(review, "Certificate chain, as deploy-server-cert checks it: 1. server certificate: CN="
                + HOST + " Issuer: CN=Test Intermediate CA"), review);
        assertTrue(has(review, "Check: issued by CN=Test Intermediate CA, which is not in the file"), review);
        assertTrue(has(review, expected), review);
        d.press(KeyType.Enter);
        assertEquals(StepKind.CONFIRM, d.step());
        assertTrue(has(d.text(), "! warning: the certificate in " + w.dir().resolve("leaf.pem")), d.text());
        d.confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        SameAsCli.assertSame(f, cli, run);
    }

    @Test
    void theReviewShowsTheWholeChainAsATree() throws Exception {
        Sandbox w = withLeaf(tmp, pki.intermediate().cert(), pki.root().cert());
        WizardDriver d = toFiles(new WizardFixture(w, false), Optional.empty());
        d.type("leaf.pem").press(KeyType.Tab, KeyType.Tab).type("leaf.key").press(KeyType.Enter).runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        List<String> lines = d.wizard.scrolledText().lines().toList();
        int at = lines.indexOf("Certificate chain, as deploy-server-cert checks it:");
        assertTrue(at >= 0, d.wizard.scrolledText());
        assertEquals("  1. server certificate: CN=" + HOST, lines.get(at + 1));
        assertTrue(lines.get(at + 2).startsWith("    Issuer:  CN=Test Intermediate CA"), lines.get(at + 2));
        assertTrue(lines.get(at + 3).startsWith("    Valid:   "), lines.get(at + 3));
        assertTrue(lines.get(at + 5).startsWith("    Check:   signed by certificate 2 (signature verified)"),
                lines.get(at + 5));
        assertEquals("    \u2514\u2500 2. intermediate CA: CN=Test Intermediate CA", lines.get(at + 6));
        assertTrue(lines.get(at + 7).startsWith("         Issuer:  CN=Test Root CA"), lines.get(at + 7));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\u2514\u2500 3. root CA: CN=Test Root CA")),
                d.wizard.scrolledText());
        assertTrue(lines.stream().anyMatch(l -> l.contains("Check:   self-signed (a root: clients use their own"
                + " copy)")), d.wizard.scrolledText());
    }

    /** certbot's layout in the sandbox: live/NAME/ links to archive/NAME/, and the deploy hook directory. */
    static Path certbot(Sandbox s) throws Exception {
        Path root = TestWizards.letsEncryptLive(s.dir()).getParent();
        Path archive = Files.createDirectories(root.resolve("archive").resolve(HOST));
        Path live = Files.createDirectories(root.resolve("live").resolve(HOST));
        TestPki.concat(archive.resolve("fullchain1.pem"), leaf.cert(), pki.intermediate().cert());
        Files.copy(leaf.key(), archive.resolve("privkey1.pem"));
        Files.setPosixFilePermissions(archive.resolve("privkey1.pem"), PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(live.resolve("fullchain.pem"), Path.of("../../archive", HOST, "fullchain1.pem"));
        Files.createSymbolicLink(live.resolve("privkey.pem"), Path.of("../../archive", HOST, "privkey1.pem"));
        Files.createDirectories(root.resolve("renewal-hooks/deploy"));
        return live;
    }

    @Test
    void aCertificateFromCertbotGetsTheRenewalAdviceAndTheDeployHookOnDone() throws Exception {
        Sandbox w = Sandbox.withSample(Files.createDirectories(tmp.resolve("wizard")), "debian-fresh.cf");
        Path live = certbot(w);
        WizardFixture f = new WizardFixture(w, false);
        WizardDriver d = toFiles(f, Optional.empty());
        d.type(live.resolve("fullchain.pem").toString()).press(KeyType.Tab, KeyType.Tab)
                .type(live.resolve("privkey.pem").toString());
        assertTrue(d.wizard.scrolledText().replaceAll("\\s+", "").contains(("! warning: the certificate comes from"
                + " certbot (" + live.getParent().resolve(HOST) + "): Postfix reads it only when it starts or reloads, so"
                + " it must be reloaded after each renewal; install a certbot deploy hook that does it: pftls -c "
                + w.dir() + " certbot-hook --install --letsencrypt-dir " + live.getParent().getParent())
                .replaceAll("\\s+", "")), d.wizard.scrolledText());
        d.press(KeyType.Enter).runJobs().press(KeyType.Enter).confirm().runJobs();
        assertEquals(StepKind.DONE, d.step(), d.text());
        assertTrue(w.mainCfText().contains("smtpd_tls_eccert_file = " + live.resolve("fullchain.pem")),
                "the live/ name, never archive/: " + w.mainCfText());
        Path hook = live.getParent().getParent().resolve("renewal-hooks/deploy/pftls-postfix"
                + w.dir().toString().replace('/', '-'));
        String done = d.wizard.scrolledText();
        assertTrue(has(done, "the certificate comes from certbot (" + HOST + "): Postfix reads it only when it"
                + " starts or reloads, so it must be reloaded after each renewal; pftls offers to install certbot's"
                + " deploy hook " + hook + " that does it (the same as pftls certbot-hook --install)"), done);
        assertTrue(d.text().contains("<Install certbot hook>"), d.text());
        assertFalse(Files.exists(hook), "nothing before it is chosen");
        d.press(KeyType.ReverseTab).press(KeyType.Enter).runJobs();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hook)));
        assertTrue(has(d.wizard.scrolledText(), "Installed the certbot deploy hook " + hook + "."),
                d.wizard.scrolledText());

        Sandbox cli = Sandbox.withSample(Files.createDirectories(tmp.resolve("cli")), "debian-fresh.cf");
        Path cliRoot = Files.createDirectories(cli.dir().resolve(".letsencrypt/renewal-hooks/deploy")).getParent()
                .getParent();
        Sandbox.Run run = cli.run("certbot-hook", "--install", "--letsencrypt-dir", cliRoot.toString());
        assertEquals(0, run.status(), run.err());
        Path cliHook = cliRoot.resolve("renewal-hooks/deploy/pftls-postfix" + cli.dir().toString().replace('/', '-'));
        assertEquals(Files.readString(cliHook).replace(cli.dir().toString(), "DIR"),
                Files.readString(hook).replace(w.dir().toString(), "DIR"), "the hook certbot-hook --install writes");
        d.press(KeyType.Enter); // the hook's button is off now, Finish has the focus
        assertTrue(d.closed());
        assertTrue(d.wizard.result().lines().stream().anyMatch(l -> l.startsWith("pftls: Installed the certbot deploy"
                + " hook " + hook + ".")), d.wizard.result().lines().toString());
        assertTrue(d.wizard.result().lines().contains("  - the certificate comes from certbot (" + HOST + "); the deploy"
                + " hook " + hook + " reloads Postfix after each renewal"), d.wizard.result().lines().toString());
    }

    @Test
    void reloadPostfixAndVerifyShowsWhatTheRunningServerServes() throws Exception {
        Sandbox w = Snakeoil.sandbox(tmp);
        WizardFixture f = new WizardFixture(w, true);
        ServingProbe probe = new ServingProbe(w.dir(), w.ports());
        WizardDriver d = new WizardDriver(f.model(Optional.empty(), Optional.of(probe))).press(KeyType.Enter)
                .press(KeyType.ArrowUp, 2).press(KeyType.Enter).press(KeyType.Enter).hostNamesNext().runJobs()
                .press(KeyType.Enter).confirm().runJobs();
        assertEquals(StepKind.DONE, d.step(), d.text());
        assertTrue(d.text().contains("<Reload Postfix and verify>"), d.text());
        assertEquals(List.of(), f.reloads);
        d.press(KeyType.ReverseTab).press(KeyType.Enter).runJobs();
        assertEquals(List.of("reload " + w.dir()), f.reloads);
        String done = d.wizard.scrolledText();
        assertTrue(has(done, "pftls verify: 127.0.0.1:25"), done);
        assertTrue(has(done, "  rsa    ok: serves the deployed key, certificate and chain (TLSv1.3,"), done);
        assertTrue(has(done, "  ecdsa  ok: serves the deployed key, certificate and chain (TLSv1.3,"), done);
        assertTrue(has(done, "  OK: the running server serves what is deployed."), done);
        assertTrue(d.text().contains("ok: the running server serves what is deployed."), d.text());
        assertTrue(d.text().contains("  OK: the running server serves what is deployed."), "the end is in view: "
                + d.text());
        Sandbox.Run status = w.run("status");
        assertTrue(status.out().contains("Running server: last verified"), "recorded in the history: " + status.out());
    }

    @Test
    void aServerThatWasNotReloadedIsAProblemWithItsFix() throws Exception {
        Sandbox w = Snakeoil.sandbox(tmp);
        WizardFixture f = new WizardFixture(w, true);
        ServingProbe probe = new ServingProbe(w.dir(), w.ports()).stale();
        WizardDriver d = new WizardDriver(f.model(Optional.empty(), Optional.of(probe))).press(KeyType.Enter)
                .press(KeyType.ArrowUp, 2).press(KeyType.Enter).press(KeyType.Enter).hostNamesNext().runJobs()
                .press(KeyType.Enter).confirm().runJobs();
        d.press(KeyType.ReverseTab).press(KeyType.Enter).runJobs();
        String done = d.wizard.scrolledText();
        assertTrue(has(done, "rsa serves something else than main.cf deploys"), done);
        assertTrue(has(done, "! PROBLEM: "), done);
        assertTrue(has(done, "[not-reloaded]"), done);
        assertTrue(has(done, "FAILED: "), done);
        assertTrue(d.text().contains("! FAILED: "), d.text());
        assertTrue(probe.asked.size() >= 6, "asked again after the reload: " + probe.asked);
    }

    /** An instance whose myhostname is a public name, an RSA key deployed and a new one made. */
    private static Sandbox staged(Path dir) throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.writeMainCf((s.mainCfText() + "myhostname = mx.pftls-test.org\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(0, s.run("enable-server", "-a", "rsa").status());
        s.clock(java.time.Clock.fixed(Sandbox.NOW.plusSeconds(60), java.time.ZoneOffset.UTC));
        assertEquals(0, s.run("new-server-key", "-a", "rsa").status());
        return s;
    }

    @Test
    void deployRefusesANewKeyThatNoPublishedTlsaRecordMatchesAsTheCommandLineDoes() throws Exception {
        Sandbox w = staged(tmp);
        var before = w.snapshot();
        TlsaAnswers dns = TlsaAnswers.published("3 1 1 " + "00".repeat(32));
        WizardDriver d = toFiles(new WizardFixture(w, false), Optional.of(dns));
        d.type("cert-20261125-120100.pem").press(KeyType.Tab, KeyType.Tab).type("key-20261125-120100.pem")
                .press(KeyType.Enter).runJobs();
        assertEquals(List.of("_25._tcp.mx.pftls-test.org"), dns.asked);
        assertEquals(StepKind.GENERATE, d.step(), d.text());
        assertTrue(has(d.text(), "! none of the 1 TLSA record(s) of _25._tcp.mx.pftls-test.org matches"),
                d.text());
        assertEquals(before, w.snapshot(), "nothing was changed");
        d.press(KeyType.Enter);
        assertEquals(StepKind.FILES, d.step(), "Back to the files");
    }

    @Test
    void deployGoesOnWithAWarningWhenDnsCannotBeAsked() throws Exception {
        Sandbox w = staged(tmp);
        TlsaAnswers dns = TlsaAnswers.timeout();
        WizardDriver d = toFiles(new WizardFixture(w, false), Optional.of(dns));
        d.type("cert-20261125-120100.pem").press(KeyType.Tab, KeyType.Tab).type("key-20261125-120100.pem")
                .press(KeyType.Enter).runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        assertTrue(d.wizard.reviewKinds().contains(Kind.NOTES), d.wizard.reviewKinds().toString());
        assertTrue(has(d.wizard.scrolledText(), "! warning: cannot look up the TLSA records of"
                + " _25._tcp.mx.pftls-test.org at test resolver (no answer: no answer within 2.0 s)"),
                d.wizard.scrolledText());
        d.press(KeyType.Enter);
        assertTrue(has(d.text(), "! warning: cannot look up the TLSA records"), d.text());
        d.confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        assertTrue(w.mainCfText().contains("smtpd_tls_key_file = " + w.dir().resolve("key-20261125-120100.pem")),
                w.mainCfText());
    }

    @Test
    void aPublishedRecordForTheNewKeyLetsTheDeployGoOnWithoutAWord() throws Exception {
        Sandbox w = staged(tmp);
        byte[] key = Files.readAllBytes(w.dir().resolve("key-20261125-120100.pem"));
        String record = org.pftls.engine.dane.TlsaData.of(org.pftls.engine.crypto.KeyFiles.readPrivateKey(key, "k")
                .keyPair().getPublic()).presentation();
        WizardDriver d = toFiles(new WizardFixture(w, false), Optional.of(TlsaAnswers.published(record)));
        d.type("cert-20261125-120100.pem").press(KeyType.Tab, KeyType.Tab).type("key-20261125-120100.pem")
                .press(KeyType.Enter).runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        assertFalse(d.wizard.scrolledText().contains("TLSA records of _25._tcp"), d.wizard.scrolledText());
        assertArrayEquals(key, Files.readAllBytes(w.dir().resolve("key-20261125-120100.pem")));
    }
}
