package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pftls.ui.line.LineWizardTest.assertContainsInOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Snakeoil;
import org.pftls.ui.line.ScriptedWizard.Result;

/**
 * Issue #14 in the line-mode wizard: the snakeoil case with both keys through one run (the same
 * files, main.cf and log lines as enable-server --merge -a rsa,ecdsa), a change unticked by number
 * and not applied, smtpd_tls_chain_files chosen, master.cf overrides on Detect and the Review.
 */
class LineExistingSetupsTest {
    private static final String STAMP = "20261125-120000";

    @TempDir
    Path dir;
    @TempDir
    Path twinDir;

    @Test
    void theSnakeoilCaseWithBothKeysEqualsEnableServerMerge() throws Exception {
        Sandbox w = Snakeoil.sandbox(dir);
        byte[] oldKey = Files.readAllBytes(dir.resolve(Snakeoil.KEY));
        Result r = new ScriptedWizard(w).run("1", "", "", "", "", "", "yes");
        Sandbox c = Snakeoil.sandbox(twinDir);
        Sandbox.Run cli = c.run("enable-server", "--merge", "-a", "rsa,ecdsa");
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        CliTwin.assertSameResult(dir, twinDir);
        assertEquals(CliTwin.messages(cli, twinDir, dir), r.logged());
        assertArrayEquals(oldKey, Files.readAllBytes(dir.resolve(Snakeoil.KEY)), "the snakeoil key is untouched");
        assertContainsInOrder(r.output(), "1) Enable TLS in the SMTP server - Server TLS is configured already",
                "Choose 1-7 [3]: 1", "1) RSA 2048 and ECDSA secp256r1", "Choose 1-8 [1]: ",
                "main.cf parameters, as enable-server --merge decides them:", "smtpd_tls_cert_file: changed",
                "smtpd_tls_security_level: kept \"may\" (already opportunistic TLS)",
                "[x] 1) smtpd_tls_received_header: added \"yes\"", "[x] 2) smtpd_tls_loglevel: added \"1\"",
                "Untick (or tick again) by number, e.g. 2 3; Enter keeps them as shown: ",
                "Step 7 of 8: Confirm", "Step 8 of 8: Done", "What replaced what", "RSA: " + dir.resolve("cert-"
                        + STAMP + ".pem"), "replace", dir.resolve(Snakeoil.CERT).toString(), "ECDSA: ", "added (no ECDSA"
                        + " certificate was deployed)");
    }

    @Test
    void aChangeUntickedByNumberIsNotApplied() throws Exception {
        Sandbox w = Snakeoil.sandbox(dir);
        Result r = new ScriptedWizard(w).run("1", "", "", "", "2", "", "", "yes");
        Sandbox c = Snakeoil.sandbox(twinDir);
        assertEquals(0, c.run("enable-server", "--merge", "-a", "rsa,ecdsa").status());

        assertEquals(0, r.status(), r.output());
        CliTwin.assertSameResult(dir, twinDir, cf -> cf.replace("smtpd_tls_loglevel = 1\n", ""));
        assertFalse(w.mainCfText().contains("smtpd_tls_loglevel"), w.mainCfText());
        assertContainsInOrder(r.output(), "[x] 2) smtpd_tls_loglevel", "Enter keeps them as shown: 2",
                "[ ] 2) smtpd_tls_loglevel: added \"1\"", "Enter keeps them as shown: ",
                "Step 7 of 8: Confirm", "and set\n6 parameters", "smtpd_tls_loglevel: left unset (unticked)");
        assertTrue(r.logged().contains("INFO smtpd_tls_loglevel: left unset (unticked)"), r.logged().toString());
    }

    @Test
    void smtpdTlsChainFilesChosenEqualsTheCommandLine() throws Exception {
        Sandbox w = Sandbox.withSample(dir, "debian-fresh.cf");
        Result r = new ScriptedWizard(w).run("1", "", "yes", "", "", "yes");
        Sandbox c = Sandbox.withSample(twinDir, "debian-fresh.cf");
        Sandbox.Run cli = c.run("enable-server", "-a", "rsa,ecdsa", "--chain-files");
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        CliTwin.assertSameResult(dir, twinDir);
        assertEquals(CliTwin.messages(cli, twinDir, dir), r.logged());
        assertContainsInOrder(r.output(), "Deploy through smtpd_tls_chain_files (Postfix 3.4+)? Each key followed by",
                "Deploy through smtpd_tls_chain_files? yes or no [no]: yes", "--chain-files",
                "+smtpd_tls_chain_files = ");

        Result again = new ScriptedWizard(w).run("quit", "yes");
        assertTrue(again.output().contains("Server certificates:     smtpd_tls_chain_files"), again.output());
    }

    @Test
    void masterCfOverridesAreShownOnDetectAndTheReview() throws Exception {
        Sandbox w = Snakeoil.sandbox(dir);
        Files.writeString(dir.resolve("master.cf"), "submission inet n - y - - smtpd\n"
                + "  -o smtpd_tls_cert_file=/etc/other/cert.pem\n");
        Result r = new ScriptedWizard(w).run("1", "", "", "", "", "", "no", "");
        assertEquals(1, r.status(), r.output());
        assertContainsInOrder(r.output(), "master.cf override:      submission (port 587, line 1): -o",
                "master.cf overrides main.cf for some services (pftls never edits master.cf):",
                "! PROBLEM: master.cf line 1 (service submission, port 587) sets -o",
                "Step 7 of 8: Confirm", "! PROBLEM: master.cf line 1", "Not applied.");
    }
}
