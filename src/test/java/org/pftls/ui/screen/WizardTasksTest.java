package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.ui.flow.StepKind;

/**
 * Every task, driven with keystrokes on a virtual terminal, both key algorithms; after Confirm the
 * files, main.cf and log lines are compared with what the command line makes from the same
 * starting point (same main.cf, clock and random seed).
 */
class WizardTasksTest {
    private static final String KEY = "eckey-20261125-120000.pem";
    private static final String CERT = "eccert-20261125-120000.pem";

    @TempDir
    Path tmp;

    private Sandbox sandbox(String name, String sample) throws Exception {
        return Sandbox.withSample(Files.createDirectories(tmp.resolve(name)), sample);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void enableServerWithEcdsaDoesWhatTheCommandLineDoes() throws Exception {
        WizardFixture f = new WizardFixture(sandbox("wizard", "debian-fresh.cf"), false);
        String before = f.sandbox.mainCfText();
        WizardDriver d = new WizardDriver(f.model());

        assertTrue(d.text().contains("pftls \u2014 Step 1 of 8: Detect"), d.text());
        assertTrue(d.text().contains("SMTP server TLS:         all default (enable-server applies)"), d.text());
        assertTrue(d.text().contains("myhostname:              mail.example.org"));
        d.press(KeyType.Enter);
        assertEquals(StepKind.TASK, d.step());
        assertTrue(d.row("Enable TLS in the SMTP server").contains("<o>"), "the default task is preselected");
        d.press(KeyType.Enter);
        assertTrue(d.text().contains("Step 3 of 8: Key"), d.text());
        assertTrue(d.row("RSA 2048 and ECDSA secp256r1").contains("<o>"), "both keys are the default");
        assertTrue(d.text().contains("Not all clients support ECDSA"), "the man page's advice is shown");
        d.press(KeyType.ArrowDown, 5).press(KeyType.Enter);
        assertEquals(StepKind.HOST_NAMES, d.step());
        assertTrue(d.text().contains("mail.example.org"), "prefilled with myhostname");
        assertTrue(d.text().contains("ok: 1 name; CommonName mail.example.org"), d.text());
        d.hostNamesNext();
        assertEquals(StepKind.GENERATE, d.step());
        assertTrue(d.text().contains("Making a new ECDSA secp256r1 key"), d.text());
        d.runJobs();

        assertEquals(StepKind.REVIEW, d.step());
        String review = d.text();
        assertTrue(review.contains("enable-server -a ecdsa -b"), review);
        assertTrue(review.contains("0600  root  private key") || review.contains("0600  " + System.getProperty("user.name")),
                review);
        assertEquals(before, f.sandbox.mainCfText(), "nothing is written before Confirm");
        assertFalse(Files.exists(f.dir().resolve(KEY)));
        d.press(KeyType.Enter);
        assertEquals(StepKind.CONFIRM, d.step());
        d.confirm();
        d.runJobs();

        assertEquals(StepKind.DONE, d.step());
        assertTrue(d.text().contains("created " + f.dir().resolve(KEY)), d.text());
        assertTrue(d.text().contains("Enabled opportunistic TLS in the Postfix SMTP server"), d.text());
        d.press(KeyType.Enter);
        assertTrue(d.closed());
        assertEquals(0, d.wizard.result().status());
        assertTrue(d.wizard.result().lines().contains("pftls: Enabled opportunistic TLS in the Postfix SMTP server"));
        assertEquals("rw-------", mode(f.dir().resolve(KEY)));
        assertEquals("rw-r--r--", mode(f.dir().resolve(CERT)));

        Sandbox cli = sandbox("cli", "debian-fresh.cf");
        SameAsCli.assertSame(f, cli, cli.run("enable-server", "-a", "ecdsa", "-b", "secp256r1", "mail.example.org"));
    }

    @Test
    void enableClientDoesWhatTheCommandLineDoes() throws Exception {
        WizardFixture f = new WizardFixture(sandbox("wizard", "debian-fresh.cf"), false);
        WizardDriver d = new WizardDriver(f.model());
        d.press(KeyType.Enter).press(KeyType.ArrowDown).press(KeyType.Enter);
        assertEquals(StepKind.CLIENT_TLS, d.step());
        assertTrue(d.text().contains("Step 3 of 7: Client TLS"), d.text());
        assertTrue(d.row("Opportunistic TLS").contains("<o>"), "preselected: " + d.text());
        d.press(KeyType.Enter);
        assertEquals(StepKind.GENERATE, d.step());
        assertTrue(d.text().contains("Step 4 of 7: Generate"), d.text());
        d.runJobs();
        assertTrue(d.text().contains("+smtp_tls_security_level = may"), d.text());
        assertTrue(d.text().contains("No new files are created."), d.text());
        d.press(KeyType.Enter).confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        d.press(KeyType.Enter);
        assertEquals(0, d.wizard.result().status());

        Sandbox cli = sandbox("cli", "debian-fresh.cf");
        SameAsCli.assertSame(f, cli, cli.run("enable-client"));
    }

    @Test
    void newKeyWithRsaAndTwoHostNamesDoesWhatTheCommandLineDoes() throws Exception {
        WizardFixture f = new WizardFixture(sandbox("wizard", "debian-fresh.cf"), false);
        WizardDriver d = new WizardDriver(f.model());
        d.press(KeyType.Enter).press(KeyType.ArrowDown, 2).press(KeyType.Enter);
        assertTrue(d.text().contains("Step 3 of 8: Key"), d.text());
        d.press(KeyType.ArrowDown, 2).press(KeyType.Enter); // RSA 2048
        d.type("\nmx.example.org");
        assertTrue(d.text().contains("ok: 2 names; CommonName mail.example.org"), d.text());
        d.hostNamesNext().runJobs();
        String review = d.text();
        assertTrue(review.contains("main.cf does not change."), review);
        assertTrue(review.contains("DNS names:  mail.example.org, mx.example.org"), review);
        d.press(KeyType.ReverseTab, KeyType.ReverseTab).press(KeyType.Enter); // Show CSR
        assertTrue(d.text().contains("Certificate signing request for the new key (PEM)"), d.text());
        assertTrue(d.text().contains("-----BEGIN CERTIFICATE REQUEST-----"), d.text());
        d.press(KeyType.Tab, KeyType.Tab, KeyType.Enter); // past Save CSR... to Next
        assertTrue(d.row("Create the files").contains("Create the files"));
        d.confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        d.press(KeyType.Enter);
        assertEquals("rw-------", mode(f.dir().resolve("key-20261125-120000.pem")));

        Sandbox cli = sandbox("cli", "debian-fresh.cf");
        SameAsCli.assertSame(f, cli, cli.run("new-server-key", "-a", "rsa", "-b", "2048", "mail.example.org",
                "mx.example.org"));
    }

    @Test
    void newCertificateReusesTheDeployedEcdsaKeyAsTheCommandLineDoes() throws Exception {
        Sandbox w = sandbox("wizard", "debian-fresh.cf");
        assertEquals(0, w.clock(java.time.Clock.fixed(Sandbox.NOW.minusSeconds(86400), java.time.ZoneOffset.UTC))
                .run("enable-server", "-a", "ecdsa").status());
        w.clock(java.time.Clock.fixed(Sandbox.NOW, java.time.ZoneOffset.UTC));
        WizardFixture f = new WizardFixture(w, false);
        WizardDriver d = new WizardDriver(f.model());
        assertTrue(d.text().contains("ECDSA key:"), d.text());
        d.press(KeyType.Enter).press(KeyType.ArrowDown, 2).press(KeyType.Enter); // from Enable client
        assertTrue(d.text().contains("Step 3 of 8: Key"), d.text());
        assertTrue(d.row("<o> RSA 2048 bits").contains("one key"), "one RSA key is the default: " + d.text());
        assertTrue(d.row("> ECDSA secp256r1").contains("the deployed ecdsa key is reused"), d.text());
        assertTrue(d.row("RSA 2048 and ECDSA secp256r1").contains("the deployed ecdsa key is reused"), d.text());
        d.press(KeyType.ArrowDown, 3).press(KeyType.Enter);
        d.hostNamesNext().runJobs();
        assertEquals(StepKind.REVIEW, d.step());
        d.press(KeyType.Enter).confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        d.press(KeyType.Enter);
        byte[] oldKey = Files.readAllBytes(w.dir().resolve("eckey-20261124-120000.pem"));
        byte[] newKey = Files.readAllBytes(w.dir().resolve(KEY));
        assertTrue(new String(oldKey).contains(new String(newKey)), "the key is a copy of the deployed one");

        Sandbox cli = sandbox("cli", "debian-fresh.cf");
        cli.clock(java.time.Clock.fixed(Sandbox.NOW.minusSeconds(86400), java.time.ZoneOffset.UTC))
                .run("enable-server", "-a", "ecdsa");
        cli.clock(java.time.Clock.fixed(Sandbox.NOW, java.time.ZoneOffset.UTC));
        SameAsCli.assertSame(f, cli, cli.run("new-server-cert", "-a", "ecdsa", "-b", "secp256r1", "mail.example.org"));
    }

    @Test
    void deployWithTheFilePickerDoesWhatTheCommandLineDoes() throws Exception {
        Sandbox w = sandbox("wizard", "debian-fresh.cf");
        assertEquals(0, w.run("new-server-key", "-a", "ecdsa").status());
        Files.createDirectories(w.dir().resolve("certs"));
        WizardFixture f = new WizardFixture(w, false);
        WizardDriver d = new WizardDriver(f.model());
        d.press(KeyType.Enter).press(KeyType.ArrowDown, 4).press(KeyType.Enter);
        assertEquals(StepKind.FILES, d.step());
        assertTrue(d.text().contains("! choose a certificate file"), d.text());
        // Browse... for the certificate: the picker lists the configuration directory.
        d.press(KeyType.Tab, KeyType.Enter);
        assertTrue(d.text().contains("Choose the certificate file"), d.text());
        assertTrue(d.text().contains("certs/"), d.text());
        assertTrue(d.text().contains(CERT), d.text());
        assertTrue(d.text().contains("In " + f.dir() + ":"), "it opens in the configuration directory: " + d.text());
        d.press(KeyType.ArrowDown).press(KeyType.Enter); // ../ (up), certs/: into certs/
        assertTrue(d.text().contains("In " + f.dir().resolve("certs") + ":"), d.text());
        assertTrue(d.text().contains("../  (up)"), d.text());
        d.press(KeyType.Enter); // back up
        d.press(KeyType.ArrowDown, 2).press(KeyType.Enter); // ../, certs/, eccert-..., eckey-...: take eccert
        assertTrue(d.row(CERT).contains(CERT), d.text());
        assertTrue(d.text().contains("ok: a usable certificate chain"), d.text());
        d.press(KeyType.Tab).type("nonexistent.pem");
        assertTrue(d.text().contains("! no private key found in file:"), d.text());
        for (int i = 0; i < "nonexistent.pem".length(); i++) {
            d.press(KeyType.Backspace);
        }
        d.type(KEY);
        assertTrue(d.text().contains("ok: a usable private key"), d.text());
        d.press(KeyType.Enter).runJobs();
        assertEquals(StepKind.REVIEW, d.step());
        String review = d.text();
        assertTrue(review.contains("Files to deploy, as they are"), review);
        assertTrue(review.contains("0600  " + System.getProperty("user.name")), review);
        assertTrue(review.contains("(private key)"), review);
        // Page Down scrolls the text while Next keeps the focus.
        StringBuilder scrolled = new StringBuilder(review);
        for (int i = 0; i < 4; i++) {
            scrolled.append(d.press(KeyType.PageDown).text());
        }
        assertTrue(scrolled.toString().contains("+smtpd_tls_eccert_file"), scrolled.toString());
        assertTrue(scrolled.toString().contains("Subject:    CN=mail.example.org"), scrolled.toString());
        assertTrue(scrolled.toString().contains("; " + f.dir().resolve(KEY)), "the TLSA record of the key to deploy");
        d.press(KeyType.Enter).confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        d.press(KeyType.Enter);

        Sandbox cli = sandbox("cli", "debian-fresh.cf");
        cli.run("new-server-key", "-a", "ecdsa");
        Files.createDirectories(cli.dir().resolve("certs"));
        SameAsCli.assertSame(f, cli, cli.run("deploy-server-cert", CERT, KEY));
    }

    @Test
    void csrForTheDeployedRsaKeyIsTheCommandLinesAndCanBeSaved() throws Exception {
        Sandbox w = sandbox("wizard", "debian-fresh.cf");
        assertEquals(0, w.run("enable-server").status());
        WizardFixture f = new WizardFixture(w, false);
        WizardDriver d = new WizardDriver(f.model());
        d.press(KeyType.Enter).press(KeyType.ArrowDown, 4); // from Enable client, the first available task
        assertTrue(d.text().contains("A CSR for a deployed key"), d.text());
        d.press(KeyType.Enter);
        assertEquals(StepKind.CSR_KEY, d.step());
        assertTrue(d.row("ECDSA key").contains("not available: no ecdsa key is deployed"), d.text());
        d.press(KeyType.Enter);
        assertEquals(StepKind.HOST_NAMES, d.step());
        assertTrue(d.text().contains("The names the CSR asks for"), d.text());
        d.hostNamesNext().runJobs();
        assertEquals(StepKind.REVIEW, d.step());
        assertTrue(d.text().contains("-----BEGIN CERTIFICATE REQUEST-----"), d.text());
        // Save CSR...: Back, Save CSR..., Finish; the focus starts on Finish.
        d.press(KeyType.ReverseTab).press(KeyType.Enter);
        assertTrue(d.text().contains("Save the CSR"), d.text());
        d.press(KeyType.Enter);
        Path saved = w.dir().resolve("csr-mail.example.org.pem");
        assertTrue(Files.exists(saved));
        assertEquals("rw-r--r--", mode(saved));
        assertTrue(d.text().contains("The CSR was saved to"), d.text());
        assertTrue(d.text().contains("csr-mail.example.org.pem."), d.text());
        d.press(KeyType.Tab).press(KeyType.Enter);
        assertEquals(StepKind.DONE, d.step());
        d.press(KeyType.Enter);
        assertEquals(0, d.wizard.result().status());

        Sandbox.Run cli = w.run("output-server-csr", "-k", "rsa", "mail.example.org");
        assertEquals(0, cli.status(), cli.err());
        assertEquals(cli.out(), Files.readString(saved), "the saved CSR is what output-server-csr prints");
        List<String> summary = d.wizard.result().lines();
        assertEquals(cli.out().lines().toList(), summary.subList(0, (int) cli.out().lines().count()),
                "the CSR is left in the scrollback");
        assertTrue(summary.contains("pftls: the CSR was saved to " + saved), summary.toString());
    }

    @Test
    void tlsaRecordsAreTheCommandLines() throws Exception {
        Sandbox w = sandbox("wizard", "debian-fresh.cf");
        assertEquals(0, w.run("enable-server", "-a", "ecdsa").status());
        WizardFixture f = new WizardFixture(w, false);
        var before = w.snapshot();
        WizardDriver d = new WizardDriver(f.model());
        d.press(KeyType.Enter).press(KeyType.ArrowDown, 5).press(KeyType.Enter);
        assertEquals(StepKind.TLSA_HOST, d.step());
        assertTrue(d.text().contains("Step 3 of 6: Host name"), d.text());
        d.type("_bad");
        assertTrue(d.text().contains("! "), d.text());
        d.press(KeyType.Enter);
        assertEquals(StepKind.TLSA_HOST, d.step(), "an invalid host name keeps the operator on the step");
        for (int i = 0; i < 4; i++) {
            d.press(KeyType.Backspace);
        }
        d.press(KeyType.Enter).runJobs();
        assertEquals(StepKind.REVIEW, d.step());
        d.press(KeyType.Enter);
        assertEquals(StepKind.DONE, d.step());
        assertTrue(d.text().contains("Nothing was changed."), d.text());
        d.press(KeyType.Enter);

        Sandbox.Run cli = w.run("output-server-tlsa");
        assertEquals(0, cli.status(), cli.err());
        assertEquals(cli.out().lines().toList(), d.wizard.result().lines());
        assertEquals(before, w.snapshot(), "output tasks change nothing");
    }
}
