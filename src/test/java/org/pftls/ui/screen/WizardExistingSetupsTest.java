package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Snakeoil;
import org.pftls.ui.flow.ReviewSection.Kind;
import org.pftls.ui.flow.StepKind;

/**
 * Issue #14 in the full-screen wizard: Enable server and Enable client on instances whose TLS
 * settings are not all default (the stock Debian snakeoil setup) merge as --merge does, every
 * parameter change has a check box on the Review and only the ticked ones are applied; RSA and
 * ECDSA are preselected; smtpd_tls_chain_files is offered (and said to be in force); master.cf
 * overrides are findings on Detect, Review and Confirm. The results are compared with the command
 * line's from the same start.
 */
class WizardExistingSetupsTest {
    private static final String STAMP = "20261125-120000";

    @TempDir
    Path tmp;

    private Sandbox sandbox(String name) throws Exception {
        return Snakeoil.sandbox(Files.createDirectories(tmp.resolve(name)));
    }

    /** Detect, Enable server (a merge here), both keys, Host names: the Review. */
    private static WizardDriver toMergeReview(WizardFixture f) {
        WizardDriver d = new WizardDriver(f.model()).press(KeyType.Enter);
        assertTrue(d.row("New key and certificate").contains("<o>"), d.text());
        d.press(KeyType.ArrowUp, 2);
        assertTrue(d.text().contains("Server TLS is configured already"), d.text());
        d.press(KeyType.Enter);
        assertEquals(StepKind.KEY, d.step(), d.text());
        assertTrue(d.row("RSA 2048 and ECDSA secp256r1").contains("<o>"), "both keys, preselected: " + d.text());
        d.press(KeyType.Enter).hostNamesNext().runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        return d;
    }

    @Test
    void theSnakeoilCaseEndsWithBothNewKeysDeployedAsEnableServerMergeDoes() throws Exception {
        Sandbox w = sandbox("wizard");
        byte[] oldKey = Files.readAllBytes(w.dir().resolve(Snakeoil.KEY));
        byte[] oldCert = Files.readAllBytes(w.dir().resolve(Snakeoil.CERT));
        WizardFixture f = new WizardFixture(w, false);
        WizardDriver d = toMergeReview(f);

        assertEquals(List.of(Kind.COMMAND, Kind.NEW_FILES, Kind.DECISIONS, Kind.MAIN_CF, Kind.CERTIFICATE,
                Kind.CERTIFICATE, Kind.ROLLOVER), d.wizard.reviewKinds());
        String review = d.wizard.scrolledText().replaceAll("\\s+", " ");
        assertTrue(review.contains("enable-server -a rsa,ecdsa -b 2048,secp256r1 --merge mail.example.org"), review);
        assertTrue(review.contains("main.cf parameters, as enable-server --merge decides them:"), review);
        assertTrue(review.contains("smtpd_tls_cert_file: changed \"" + w.dir().resolve(Snakeoil.CERT) + "\" -> \""
                + w.dir().resolve("cert-" + STAMP + ".pem") + "\" (the new RSA key and certificate replace the"
                + " deployed ones; the old files stay on disk, untouched)"), review);
        assertTrue(review.contains("smtpd_tls_security_level: kept \"may\" (already opportunistic TLS)"), review);
        assertTrue(review.contains("[x] 1) smtpd_tls_received_header: added \"yes\""), review);
        assertTrue(review.contains("[x] 2) smtpd_tls_loglevel: added \"1\""), review);
        assertTrue(review.contains("[x] 3) tls_random_source: added"), review);
        assertFalse(review.contains("4) "), "only the added and changed parameters that are not the keys': " + review);
        assertTrue(review.contains("; current rsa: " + w.dir().resolve(Snakeoil.KEY)), review);
        assertTrue(review.contains("; next: " + w.dir().resolve("eckey-" + STAMP + ".pem")), review);

        d.press(KeyType.Enter);
        assertEquals(StepKind.CONFIRM, d.step());
        assertTrue(d.text().contains("Create 4 new files"), d.text());
        assertTrue(d.text().replaceAll("\\s+", " ").contains("set 7 parameters in"), d.text());
        d.confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        String done = d.wizard.scrolledText().replaceAll("\\s+", " ");
        assertTrue(done.contains("What replaced what (the old files stay on disk, untouched): RSA: "
                + w.dir().resolve("cert-" + STAMP + ".pem") + " and " + w.dir().resolve("key-" + STAMP + ".pem")
                + " replace " + w.dir().resolve(Snakeoil.CERT) + " and " + w.dir().resolve(Snakeoil.KEY) + " ECDSA: "
                + w.dir().resolve("eccert-" + STAMP + ".pem") + " and " + w.dir().resolve("eckey-" + STAMP + ".pem")
                + " added (no ECDSA certificate was deployed)"), done);
        assertArrayEquals(oldKey, Files.readAllBytes(w.dir().resolve(Snakeoil.KEY)), "the snakeoil key is untouched");
        assertArrayEquals(oldCert, Files.readAllBytes(w.dir().resolve(Snakeoil.CERT)));
        assertTrue(w.mainCfText().contains("smtpd_tls_security_level=may\n"), "TLS stays on: " + w.mainCfText());
        d.press(KeyType.Enter);
        assertEquals(0, d.wizard.result().status());

        Sandbox cli = sandbox("cli");
        SameAsCli.assertSame(f, cli, cli.run("enable-server", "--merge", "-a", "rsa,ecdsa"));
        Sandbox.Run status = w.run("status");
        assertTrue(status.out().contains("ECDSA key:  " + w.dir().resolve("eckey-" + STAMP + ".pem")), status.out());
    }

    @Test
    void anUntickedChangeIsNotAppliedAndTheReviewConfirmAndDoneSaySo() throws Exception {
        Sandbox w = sandbox("wizard");
        WizardFixture f = new WizardFixture(w, false);
        WizardDriver d = toMergeReview(f);
        d.press(KeyType.ReverseTab).press(KeyType.Enter); // Choose changes...
        assertTrue(d.text().contains("Choose the changes"), d.text());
        assertTrue(d.text().contains("[x] smtpd_tls_loglevel: added \"1\""), d.text());
        assertFalse(d.text().contains("[x] smtpd_tls_cert_file"), "the keys' parameters have no box: " + d.text());
        d.press(KeyType.ArrowDown).type(" ").press(KeyType.Tab, KeyType.Enter); // untick the second; Done
        assertFalse(d.text().contains("Choose the changes"), d.text());
        String review = d.wizard.scrolledText().replaceAll("\\s+", " ");
        assertTrue(review.contains("[ ] 2) smtpd_tls_loglevel: added \"1\""), review);
        assertTrue(review.contains("Equivalent commands: The command makes every change; unticked here,"
                + " smtpd_tls_loglevel is left out, as the postconf line after it does:"), review);
        assertTrue(review.contains("postconf -c " + w.dir() + " -X smtpd_tls_loglevel"), review);
        assertTrue(review.contains("+smtpd_tls_received_header = yes"), review);
        assertFalse(review.contains("+smtpd_tls_loglevel"), "the diff is what will be applied: " + review);

        d.press(KeyType.Tab, KeyType.Enter); // Next
        assertEquals(StepKind.CONFIRM, d.step(), d.text());
        assertTrue(d.text().replaceAll("\\s+", " ").contains("set 6 parameters in"), "7 less the unticked one: "
                + d.text());
        d.confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        assertTrue(d.wizard.scrolledText().replaceAll("\\s+", " ").contains("smtpd_tls_loglevel: left unset"
                + " (unticked)"), d.wizard.scrolledText());
        assertFalse(w.mainCfText().contains("smtpd_tls_loglevel"), w.mainCfText());

        Sandbox cli = sandbox("cli");
        Sandbox.Run run = cli.run("enable-server", "--merge", "-a", "rsa,ecdsa");
        assertEquals(0, run.status(), run.err());
        assertEquals(SameAsCli.mainCf(cli).replace("smtpd_tls_loglevel = 1\n", ""), SameAsCli.mainCf(w),
                "the command line's main.cf without the unticked line");
        assertEquals(SameAsCli.files(cli.dir()).keySet(), SameAsCli.files(w.dir()).keySet());
        for (String name : List.of("key-", "cert-", "eckey-", "eccert-")) {
            assertEquals(SameAsCli.files(cli.dir()).get(name + STAMP + ".pem"),
                    SameAsCli.files(w.dir()).get(name + STAMP + ".pem"), name);
        }
    }

    @Test
    void smtpdTlsChainFilesIsOfferedWithTheReasonAndThenSaidToBeInForce() throws Exception {
        WizardFixture f = WizardFixture.of(Files.createDirectories(tmp.resolve("wizard")), "debian-fresh.cf");
        WizardDriver d = new WizardDriver(f.model()).press(KeyType.Enter).press(KeyType.Enter);
        assertTrue(d.text().contains("[ ] Deploy through smtpd_tls_chain_files (Postfix 3.4+)"), d.text());
        assertTrue(d.text().contains("Each key followed by its chain in one parameter"), d.text());
        d.press(KeyType.Tab).type(" ");
        assertTrue(d.text().contains("[x] Deploy through smtpd_tls_chain_files"), d.text());
        d.press(KeyType.Tab, KeyType.Tab, KeyType.Enter); // Back, Next
        assertEquals(StepKind.HOST_NAMES, d.step(), d.text());
        d.hostNamesNext().runJobs();
        assertTrue(d.wizard.scrolledText().contains("--chain-files"), d.wizard.scrolledText());
        d.press(KeyType.Enter).confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        assertTrue(f.sandbox.mainCfText().contains("smtpd_tls_chain_files = "), f.sandbox.mainCfText());

        Sandbox cli = Sandbox.withSample(Files.createDirectories(tmp.resolve("cli")), "debian-fresh.cf");
        SameAsCli.assertSame(f, cli, cli.run("enable-server", "-a", "rsa,ecdsa", "--chain-files"));

        WizardDriver again = new WizardDriver(f.model()).press(KeyType.Enter).press(KeyType.ArrowUp, 2)
                .press(KeyType.Enter);
        assertEquals(StepKind.KEY, again.step(), again.text());
        assertTrue(again.text().contains("Note: smtpd_tls_chain_files is in force here."), again.text());
        assertFalse(again.text().contains("[ ] Deploy through"), again.text());
    }

    @Test
    void enableClientMergesIntoTheStockDebianClientSettingsAsTheCommandLineDoes() throws Exception {
        Sandbox w = sandbox("wizard");
        WizardFixture f = new WizardFixture(w, false);
        WizardDriver d = new WizardDriver(f.model()).press(KeyType.Enter).press(KeyType.ArrowUp).press(KeyType.Enter)
                .press(KeyType.Enter); // opportunistic TLS
        d.runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        assertEquals(List.of(Kind.COMMAND, Kind.NEW_FILES, Kind.DECISIONS, Kind.MAIN_CF, Kind.NOTES),
                d.wizard.reviewKinds());
        String review = d.wizard.scrolledText().replaceAll("\\s+", " ");
        assertTrue(review.contains("smtp_tls_security_level: kept \"may\""), review);
        assertTrue(review.contains("smtp_tls_session_cache_database: kept"), review);
        assertTrue(review.contains("Notes: - "), "the version notes (session cache type): " + review);
        d.press(KeyType.Enter).confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        Sandbox cli = sandbox("cli");
        SameAsCli.assertSame(f, cli, cli.run("enable-client", "--merge"));
    }

    @Test
    void masterCfOverridesAreFindingsOnDetectReviewAndConfirm() throws Exception {
        Sandbox w = sandbox("wizard");
        Files.writeString(w.dir().resolve("master.cf"), String.join("\n",
                "smtp      inet  n       -       y       -       -       smtpd",
                "submission inet n       -       y       -       -       smtpd",
                "  -o smtpd_tls_cert_file=/etc/other/cert.pem",
                ""));
        WizardFixture f = new WizardFixture(w, false);
        WizardDriver d = new WizardDriver(f.model());
        assertTrue(d.wizard.scrolledText().replaceAll("\\s+", " ").contains("master.cf override: submission (port 587,"
                + " line 2): -o smtpd_tls_cert_file=/etc/other/cert.pem"), d.wizard.scrolledText());
        d.press(KeyType.Enter).press(KeyType.ArrowUp, 2).press(KeyType.Enter).press(KeyType.Enter).hostNamesNext()
                .runJobs();
        assertTrue(d.wizard.reviewKinds().contains(Kind.MASTER_CF), d.wizard.reviewKinds().toString());
        String review = d.wizard.scrolledText().replaceAll("\\s+", " ");
        assertTrue(review.contains("master.cf overrides main.cf for some services (pftls never edits master.cf):"
                + " ! PROBLEM: master.cf line 2 (service submission, port 587) sets -o"
                + " smtpd_tls_cert_file=/etc/other/cert.pem: that service serves another certificate than main.cf"
                + " deploys"), review);
        d.press(KeyType.Enter);
        assertEquals(StepKind.CONFIRM, d.step());
        assertTrue(d.text().contains("! PROBLEM: master.cf line 2 (service submission, port 587)"), d.text());
    }
}
