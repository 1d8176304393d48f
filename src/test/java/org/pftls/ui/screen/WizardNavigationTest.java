package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.ui.flow.StepKind;

/** Back, quit, cancel after Generate, inline validation, non-default starting points, failures. */
class WizardNavigationTest {
    @TempDir
    Path dir;

    private WizardFixture fresh() {
        return WizardFixture.of(dir, "debian-fresh.cf");
    }

    /** Detect → Task (Enable server) → Key. */
    private static WizardDriver toKey(WizardFixture f) {
        return new WizardDriver(f.model()).press(KeyType.Enter).press(KeyType.Enter);
    }

    /** … → Key (ECDSA secp256r1) → Host names → Generate → Review. */
    private static WizardDriver toReview(WizardFixture f) {
        WizardDriver d = toKey(f).press(KeyType.ArrowDown, 5).press(KeyType.Enter);
        d.hostNamesNext().runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        return d;
    }

    @Test
    void backKeepsEveryAnswer() {
        WizardDriver d = toKey(fresh());
        d.press(KeyType.ArrowDown, 6).press(KeyType.Enter); // ECDSA secp384r1
        d.type("\nmx.example.org");
        d.press(KeyType.Tab, KeyType.ArrowLeft, KeyType.Enter); // Tab goes to Next; Left to Back
        assertEquals(StepKind.KEY, d.step());
        assertTrue(d.text().contains("<o> ECDSA secp384r1"), d.text());
        assertFalse(d.row("RSA 2048 bits").contains("<o>"), d.text());
        assertFalse(d.row("RSA 2048 and ECDSA secp256r1").contains("<o>"), d.text());
        d.press(KeyType.Tab, KeyType.Tab, KeyType.Enter); // past the smtpd_tls_chain_files box: Back again
        assertEquals(StepKind.TASK, d.step());
        assertTrue(d.row("Enable TLS in the SMTP server").contains("<o>"), d.text());
        d.press(KeyType.Enter).press(KeyType.Enter);
        assertEquals(StepKind.HOST_NAMES, d.step());
        assertTrue(d.text().contains("mx.example.org"), d.text());
        assertTrue(d.text().contains("ok: 2 names; CommonName mail.example.org"), d.text());
        d.hostNamesNext();
        assertTrue(d.text().contains("Making a new ECDSA secp384r1 key, a self-signed certificate for"), d.text());
    }

    @Test
    void backFromReviewDiscardsTheGeneratedKeyAndWritesNothing() {
        WizardFixture f = fresh();
        Map<String, String> before = f.sandbox.snapshot();
        WizardDriver d = toReview(f);
        d.press(KeyType.ReverseTab, KeyType.ReverseTab, KeyType.ReverseTab).press(KeyType.Enter);
        assertEquals(StepKind.HOST_NAMES, d.step(), "Back from Review skips Generate");
        assertEquals(before, f.sandbox.snapshot());
    }

    @Test
    void escAsksBeforeQuittingAndContinueGoesOn() {
        WizardFixture f = fresh();
        WizardDriver d = toKey(f);
        d.press(KeyType.Escape);
        assertTrue(d.text().contains("Quit the wizard? Nothing has been changed."), d.text());
        d.press(KeyType.Enter); // Continue has the focus
        assertFalse(d.text().contains("Quit the wizard?"), d.text());
        assertEquals(StepKind.KEY, d.step());
        assertFalse(d.closed());
        d.press(KeyType.Escape).press(KeyType.Escape); // Esc in the question: continue
        assertFalse(d.closed());
        assertEquals(StepKind.KEY, d.step());
    }

    @Test
    void ctrlCAsksAndQuitCancelsWithNothingChanged() {
        WizardFixture f = fresh();
        Map<String, String> before = f.sandbox.snapshot();
        WizardDriver d = new WizardDriver(f.model());
        d.ctrlC();
        assertTrue(d.text().contains("Quit the wizard?"), d.text());
        d.press(KeyType.Tab, KeyType.Enter);
        assertTrue(d.closed());
        assertEquals(1, d.wizard.result().status());
        assertEquals(List.of("pftls: wizard cancelled; nothing was changed."), d.wizard.result().lines());
        assertEquals(before, f.sandbox.snapshot());
    }

    @Test
    void quitAfterGenerateCanKeepTheFilesUndeployed() throws Exception {
        WizardFixture f = fresh();
        String mainCf = f.sandbox.mainCfText();
        WizardDriver d = toReview(f);
        d.press(KeyType.Escape);
        assertTrue(d.text().contains("exist only in memory"), d.text());
        d.press(KeyType.Tab, KeyType.Tab, KeyType.Enter); // Keep the files and quit
        assertTrue(d.closed());
        assertEquals(1, d.wizard.result().status());
        Path key = dir.resolve("eckey-20261125-120000.pem");
        Path cert = dir.resolve("eccert-20261125-120000.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(cert)));
        assertEquals(mainCf, f.sandbox.mainCfText(), "main.cf is not touched");
        String summary = String.join("\n", d.wizard.result().lines());
        assertTrue(summary.contains("created " + key + " (not deployed)"), summary);
        assertTrue(summary.contains("deploy-server-cert"), summary);
    }

    @Test
    void quitAfterGenerateCanDiscardTheFiles() {
        WizardFixture f = fresh();
        Map<String, String> before = f.sandbox.snapshot();
        WizardDriver d = toReview(f);
        d.press(KeyType.Enter); // Next has the focus
        assertEquals(StepKind.CONFIRM, d.step());
        d.press(KeyType.Tab).press(KeyType.Enter); // the Quit button
        assertTrue(d.text().contains("Keep them as files"), d.text());
        d.press(KeyType.Tab, KeyType.Enter); // Discard and quit
        assertTrue(d.closed());
        assertEquals(1, d.wizard.result().status());
        assertTrue(d.wizard.result().lines().get(0).contains("discarded"), d.wizard.result().lines().toString());
        assertEquals(before, f.sandbox.snapshot(), "nothing was written");
    }

    @Test
    void confirmNeverHasTheApplyButtonFocused() {
        WizardFixture f = fresh();
        String mainCf = f.sandbox.mainCfText();
        WizardDriver d = toReview(f).press(KeyType.Enter);
        assertEquals(StepKind.CONFIRM, d.step());
        assertTrue(d.text().contains("Nothing has been written yet."), d.text());
        d.press(KeyType.Enter); // Enter on the focused button: Back
        assertEquals(StepKind.REVIEW, d.step());
        assertEquals(mainCf, f.sandbox.mainCfText());
    }

    @Test
    void serverTlsAlreadyOnOffersEnableServerAsAMergeAndSaysSo() {
        WizardFixture f = WizardFixture.of(dir, "debian-snakeoil.cf");
        WizardDriver d = new WizardDriver(f.model());
        assertTrue(d.text().contains("SMTP server TLS:         configured:"), d.text());
        d.press(KeyType.Enter);
        assertFalse(d.row("Enable TLS in the SMTP server").contains("(not available here)"), d.text());
        assertFalse(d.row("Enable TLS in the SMTP client").contains("(not available here)"), d.text());
        assertTrue(d.row("New key and certificate").contains("<o>"), "the first task that needs no merge is the"
                + " default");
        d.press(KeyType.ArrowUp, 2);
        assertTrue(d.text().contains("Server TLS is configured already (smtpd_tls_security_level = may,"), d.text());
        assertTrue(d.text().contains("as enable-server --merge does"), d.text());
        d.press(KeyType.Enter);
        assertEquals(StepKind.KEY, d.step());
        assertTrue(d.row("RSA 2048 and ECDSA secp256r1").contains("<o>"), "both keys, preselected: " + d.text());
    }

    @Test
    void hostNamesAreCheckedAsTheyAreTyped() {
        WizardDriver d = toKey(fresh()).press(KeyType.Enter);
        assertEquals(StepKind.HOST_NAMES, d.step());
        d.type("\nbad_name");
        assertTrue(d.text().contains("! name 2 (bad_name):"), d.text());
        d.hostNamesNext();
        assertEquals(StepKind.HOST_NAMES, d.step(), "Next is refused while a name is bad");
        d.press(KeyType.ReverseTab, KeyType.ReverseTab);
        for (int i = 0; i <= "bad_name".length(); i++) {
            d.press(KeyType.Backspace);
        }
        assertTrue(d.text().contains("ok: 1 name; CommonName mail.example.org"), d.text());
        d.type("\nmail.example.org");
        assertTrue(d.text().contains("! "), "a duplicate is refused: " + d.text());
    }

    @Test
    void theScreenStaysResponsiveWhileGeneratingAndALateResultIsDropped() {
        WizardDriver d = toKey(fresh()).press(KeyType.Enter).hostNamesNext();
        assertEquals(StepKind.GENERATE, d.step());
        assertEquals(3, d.jobs.size(), "the RSA and the ECDSA key (started when the Key step was answered) and the"
                + " plan are made in the background");
        d.press(KeyType.Escape);
        assertTrue(d.text().contains("Quit the wizard?"), d.text());
        d.press(KeyType.Escape);
        d.press(KeyType.Enter); // Back
        assertEquals(StepKind.HOST_NAMES, d.step());
        d.runJobs();
        assertEquals(StepKind.HOST_NAMES, d.step(), "the result of the abandoned run does not move the wizard");
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsRefusedOnTheFilesStepAsDeployWordsIt() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
        assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status()); // the next second's files
        WizardFixture f = new WizardFixture(s, false);
        WizardDriver d = new WizardDriver(f.model()).press(KeyType.Enter).press(KeyType.ArrowDown, 4)
                .press(KeyType.Enter);
        d.type("eccert-20261125-120000.pem").press(KeyType.Tab, KeyType.Tab).type("eckey-20261125-120001.pem");
        assertTrue(d.text().contains("ok: a usable private key"), "each file alone is fine: " + d.text());
        Sandbox.Run cli = s.run("deploy-server-cert", "eccert-20261125-120000.pem", "eckey-20261125-120001.pem");
        assertEquals(1, cli.status());
        String refusal = cli.err().strip().substring("pftls: fatal: ".length());
        assertTrue(d.text().contains("! PROBLEM: Certificate in"), d.text());
        assertTrue(d.wizard.scrolledText().replaceAll("\\s+", " ").contains("! PROBLEM: " + refusal),
                "the pair is refused as deploy-server-cert words it: " + refusal + "\n" + d.wizard.scrolledText());
        d.press(KeyType.Enter).runJobs();
        assertEquals(StepKind.FILES, d.step(), "a problem keeps the operator on the step");
        assertTrue(d.text().contains("eckey-20261125-120001.pem"), "the answers are kept: " + d.text());
    }

    @Test
    void aMainCfChangedAfterReviewIsRefusedAndNothingIsApplied() throws Exception {
        WizardFixture f = fresh();
        WizardDriver d = toReview(f).press(KeyType.Enter);
        Files.writeString(f.sandbox.mainCf(), "# edited by someone else\n", StandardOpenOption.APPEND);
        String edited = f.sandbox.mainCfText();
        d.confirm().runJobs();
        assertEquals(StepKind.CONFIRM, d.step());
        assertTrue(d.text().contains("! Not applied:"), d.text());
        assertEquals(edited, f.sandbox.mainCfText());
        assertFalse(Files.exists(dir.resolve("eckey-20261125-120000.pem")));

        d.press(KeyType.Enter); // Back: a new plan, on main.cf as it is now
        assertEquals(StepKind.HOST_NAMES, d.step(), d.text());
        d.hostNamesNext().runJobs().press(KeyType.Enter);
        d.confirm().runJobs();
        assertEquals(StepKind.DONE, d.step(), d.text());
        String mainCf = f.sandbox.mainCfText();
        assertTrue(mainCf.contains("# edited by someone else\nsmtpd_tls_eccert_file = "), mainCf);
    }

    @Test
    void theDemoSandboxIsLabelledOnEveryScreen() {
        WizardFixture f = fresh();
        WizardDriver d = new WizardDriver(f.model(true));
        int screens = 0;
        for (KeyType[] keys : new KeyType[][] {{}, {KeyType.Enter}, {KeyType.Enter}, {KeyType.Enter},
            {KeyType.Tab, KeyType.Enter}}) {
            d.press(keys);
            assertTrue(d.text().contains("[DEMO SANDBOX]"), d.text());
            assertTrue(d.text().contains("DEMO SANDBOX: a throw-away configuration; nothing else is touched."), d.text());
            screens++;
        }
        d.runJobs().press(KeyType.Enter);
        assertTrue(d.text().contains("This is the demo sandbox"), d.text());
        d.confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        assertTrue(d.text().contains("[DEMO SANDBOX]"), d.text());
        assertFalse(d.text().contains("Reload Postfix now"), d.text());
        assertEquals(5, screens);
    }

    @Test
    void postfixReloadIsOfferedAndRunOnlyWhenChosen() {
        WizardFixture f = new WizardFixture(Sandbox.withSample(dir, "debian-fresh.cf"), true);
        WizardDriver d = toReview(f).press(KeyType.Enter).confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        assertTrue(d.text().contains("Reload Postfix now"), d.text());
        assertEquals(List.of(), f.reloads, "not run before it is chosen");
        d.press(KeyType.ReverseTab).press(KeyType.Enter).runJobs();
        assertEquals(List.of("reload " + dir), f.reloads);
        assertTrue(d.text().contains("postfix reload: done."), d.text());
        d.press(KeyType.Tab).press(KeyType.Enter);
        assertTrue(d.closed());
        assertTrue(d.wizard.result().lines().stream().anyMatch(l -> l.startsWith("pftls: postfix reload: done.")),
                d.wizard.result().lines().toString());
    }

    @Test
    void aChangeAppliedWhenTheTerminalGoesAwayIsStillReported() {
        WizardFixture f = fresh();
        WizardDriver d = toReview(f).press(KeyType.Enter).confirm();
        assertTrue(d.wizard.applyRunning(), "the apply is under way");
        d.jobs.poll().run(); // the worker finishes; the GUI loop has ended, so nothing more is shown
        assertFalse(d.wizard.applyRunning());
        assertEquals(0, d.wizard.result().status());
        assertTrue(d.wizard.result().lines().contains("pftls: Enabled opportunistic TLS in the Postfix SMTP server"),
                d.wizard.result().lines().toString());
    }
}
