package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.TestWizards;
import org.pftls.ui.flow.StepKind;

/**
 * The keys a new user tries: the quit question's y, q, n, Esc and a second Ctrl-C; the help bar of
 * the Host names step and its first Tab; scrolling the Review whatever has the focus and the CSR
 * shown where one looks; line editing and Tab completion in file fields; the file picker going up,
 * opening a typed directory, starting in the typed one, and offering certbot's certificates.
 */
class WizardKeysTest {
    @TempDir
    Path dir;

    private WizardFixture fresh() {
        return WizardFixture.of(dir, "debian-fresh.cf");
    }

    private static String help(WizardDriver d) {
        List<String> rows = d.rows();
        return rows.get(rows.size() - 2);
    }

    @Test
    void theQuitQuestionTakesYAndQAndNAndEscAndASecondCtrlC() {
        for (char quit : new char[] {'y', 'q'}) {
            WizardFixture f = fresh();
            WizardDriver d = new WizardDriver(f.model());
            d.press(KeyType.Escape);
            assertTrue(d.text().contains("y or q: quit   n or Esc: continue"), d.text());
            d.type("n");
            assertFalse(d.closed());
            assertFalse(d.text().contains("Quit the wizard?"), d.text());
            d.press(KeyType.Escape).press(KeyType.Escape);
            assertFalse(d.closed(), "Esc in the question goes on");
            d.press(KeyType.Escape).type(String.valueOf(quit));
            assertTrue(d.closed(), "'" + quit + "' quits");
            assertEquals(List.of("pftls: wizard cancelled; nothing was changed."), d.wizard.result().lines());
        }
        WizardDriver twice = new WizardDriver(fresh().model());
        twice.ctrlC();
        assertFalse(twice.closed());
        twice.ctrlC();
        assertTrue(twice.closed(), "Ctrl-C twice quits, as in line mode");
    }

    @Test
    void afterGenerateYDiscardsAndNeverDeletesAFile() {
        WizardFixture f = fresh();
        Map<String, String> before = f.sandbox.snapshot();
        WizardDriver d = new WizardDriver(f.model()).press(KeyType.Enter).press(KeyType.Enter)
                .press(KeyType.ArrowDown, 3).press(KeyType.Enter).hostNamesNext().runJobs();
        assertEquals(StepKind.REVIEW, d.step());
        d.press(KeyType.Escape);
        assertTrue(d.text().contains("y or q: discard and quit"), d.text());
        d.type("y");
        assertTrue(d.closed());
        assertTrue(d.wizard.result().lines().get(0).contains("discarded"), d.wizard.result().lines().toString());
        assertEquals(before, f.sandbox.snapshot());
    }

    @Test
    void buttonsDrawNoHotkeyLetter() {
        WizardDriver d = new WizardDriver(fresh().model());
        String row = d.row("< Next >");
        int col = row.indexOf("< Quit >") + 2; // the Q of the button without the focus
        var q = d.terminal.getCharacter(col, d.rows().indexOf(row));
        var u = d.terminal.getCharacter(col + 1, d.rows().indexOf(row));
        assertEquals("Q", q.getCharacterString());
        assertEquals(u.getForegroundColor(), q.getForegroundColor(), "the first letter looks like the others");
        assertEquals(u.getModifiers(), q.getModifiers());
        int next = row.indexOf("< Next >") + 2; // the button with the focus
        var n = d.terminal.getCharacter(next, d.rows().indexOf(row));
        var e = d.terminal.getCharacter(next + 1, d.rows().indexOf(row));
        assertEquals("N", n.getCharacterString());
        assertEquals(e.getForegroundColor(), n.getForegroundColor(), "also on the button with the focus");
        assertEquals(e.getBackgroundColor(), n.getBackgroundColor());
        assertEquals(e.getModifiers(), n.getModifiers());
    }

    @Test
    void hostNamesHelpSaysWhatTheFocusedFieldDoesAndTheFirstTabGoesToNext() {
        WizardDriver d = new WizardDriver(fresh().model()).press(KeyType.Enter).press(KeyType.Enter)
                .press(KeyType.Enter);
        assertEquals(StepKind.HOST_NAMES, d.step());
        assertTrue(help(d).contains("Enter: new line   Tab: to Next"), help(d));
        d.press(KeyType.Tab);
        assertTrue(help(d).contains("Enter: next"), "Next has the focus: " + help(d));
        d.press(KeyType.ArrowLeft);
        assertTrue(help(d).contains("Enter: back"), "Back has the focus: " + help(d));
        d.press(KeyType.Tab, KeyType.Enter);
        assertEquals(StepKind.GENERATE, d.step());
    }

    @Test
    void theReviewScrollsWhateverHasTheFocusAndShowCsrShowsItOnTop() {
        WizardDriver d = new WizardDriver(fresh().model()).press(KeyType.Enter).press(KeyType.Enter)
                .press(KeyType.ArrowDown, 3).press(KeyType.Enter).hostNamesNext().runJobs();
        String top = d.text();
        assertTrue(top.contains("Equivalent command:"), top);
        d.press(KeyType.PageDown, 3);
        assertFalse(d.text().contains("Equivalent command:"), "scrolled while Next has the focus: " + d.text());
        d.press(KeyType.ArrowUp, 40);
        assertTrue(d.text().contains("Equivalent command:"), d.text());
        d.press(KeyType.PageDown, 3).press(KeyType.ReverseTab, KeyType.ReverseTab).press(KeyType.Enter); // Show CSR
        assertTrue(d.text().contains("-----BEGIN CERTIFICATE REQUEST-----"), "shown on top: " + d.text());
    }

    @Test
    void fileFieldsEditAsLinesDoAndCompleteWithTab() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
        Files.createDirectories(dir.resolve("ssl/private"));
        WizardFixture f = new WizardFixture(s, false);
        WizardDriver d = new WizardDriver(f.model()).press(KeyType.Enter).press(KeyType.ArrowDown, 4)
                .press(KeyType.Enter);
        assertEquals(StepKind.FILES, d.step());
        assertTrue(help(d).contains("Tab: complete/next field"), help(d));
        d.type("eccert");
        d.press(KeyType.Tab);
        assertTrue(d.text().contains("eccert-20261125-120000.pem"), d.text());
        assertTrue(d.text().contains("ok: a usable certificate chain"), d.text());
        d.ctrl('a').type("./").ctrl('e');
        assertTrue(d.text().contains("./eccert-20261125-120000.pem"), d.text());
        d.ctrl('u');
        assertTrue(d.text().contains("! choose a certificate file"), "Ctrl-U clears to the start: " + d.text());
        d.type("e").press(KeyType.Tab);
        assertTrue(d.text().contains("Tab again to move on; matches: eccert-20261125-120000.pem"), d.text());
        assertTrue(d.text().contains("eckey-20261125-120000.pem"), d.text());
        d.type("cert-20261125-120000.pemXYZ").press(KeyType.ArrowLeft, 3).ctrl('k'); // Tab filled in "ec"
        assertTrue(d.text().contains("ok: a usable certificate chain"), "Ctrl-K cut the rest: " + d.text());
        d.press(KeyType.Home).type("x").press(KeyType.End).type("y");
        assertTrue(d.text().contains("xeccert-20261125-120000.pemy"), d.text());
        d.ctrl('w');
        assertTrue(d.text().contains("! choose a certificate file"), "Ctrl-W deletes the word: " + d.text());
        d.type("ss").press(KeyType.Tab).press(KeyType.Tab);
        assertTrue(d.text().contains("ssl/private/"), "into the directory, one Tab at a time: " + d.text());
    }

    @Test
    void browseStartsInTheTypedDirectoryGoesUpAndOpensATypedOne() throws Exception {
        Sandbox s = Sandbox.withSample(Files.createDirectories(dir.resolve("postfix")), "debian-fresh.cf");
        assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
        Path outside = Files.createDirectories(dir.resolve("ca"));
        Files.copy(s.dir().resolve("eccert-20261125-120000.pem"), outside.resolve("chain.pem"));
        Files.createDirectories(s.dir().resolve("certs"));
        WizardFixture f = new WizardFixture(s, false);
        WizardDriver d = new WizardDriver(f.model()).press(KeyType.Enter).press(KeyType.ArrowDown, 4)
                .press(KeyType.Enter);
        d.type("certs/").press(KeyType.Tab).press(KeyType.Enter); // nothing to complete in certs/: Tab to Browse...
        assertTrue(d.text().contains("In " + s.dir().resolve("certs") + ":"), "opens in the typed one: " + d.text());
        d.press(KeyType.Enter).press(KeyType.Enter); // ../ twice: out of the configuration directory
        assertTrue(d.text().contains("In " + dir + ":"), d.text());
        d.press(KeyType.Tab).type("ca").press(KeyType.Enter); // a typed directory
        assertTrue(d.text().contains("In " + outside + ":"), d.text());
        d.press(KeyType.ArrowDown).press(KeyType.Enter); // ../ (up), chain.pem
        assertTrue(d.text().contains(outside.resolve("chain.pem").toString()), "absolute outside: " + d.text());
        assertTrue(d.text().contains("ok: a usable certificate chain"), d.text());
    }

    @Test
    void certbotsLiveCertificatesAreOfferedAndKeptAsTyped() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
        Path live = Files.createDirectories(TestWizards.letsEncryptLive(dir).resolve("mail.example.org"));
        Path archive = Files.createDirectories(dir.resolve(".letsencrypt/archive/mail.example.org"));
        Files.copy(dir.resolve("eccert-20261125-120000.pem"), archive.resolve("fullchain1.pem"));
        Files.createSymbolicLink(live.resolve("fullchain.pem"), Path.of("../../archive/mail.example.org/fullchain1.pem"));
        WizardFixture f = new WizardFixture(s, false);
        WizardDriver d = new WizardDriver(f.model()).press(KeyType.Enter).press(KeyType.ArrowDown, 4)
                .press(KeyType.Enter);
        assertTrue(d.text().contains(".letsencrypt/live/NAME/"), "certbot's directory is named: " + d.text());
        d.press(KeyType.Tab, KeyType.Enter); // Browse...
        assertTrue(d.text().contains("certbot: mail.example.org/"), d.text());
        d.press(KeyType.ArrowDown).press(KeyType.Enter); // ../ (up), then certbot's directory
        assertTrue(d.text().contains("In " + live + ":"), d.text());
        d.press(KeyType.ArrowDown).press(KeyType.Enter); // fullchain.pem
        assertTrue(d.text().contains(".letsencrypt/live/mail.example.org/fullchain.pem"), "kept as typed: " + d.text());
        assertTrue(d.text().contains("ok: a usable certificate chain"), d.text());
        assertFalse(d.text().contains("archive"), "never resolved to archive/: " + d.text());
    }

    @Test
    void aChecklistOfTheReviewIsUntickedWithSpace() {
        WizardDriver d = new WizardDriver(fresh().model());
        var list = new org.pftls.ui.flow.ReviewBlock.Checklist("main.cf", List.of(
                new org.pftls.ui.flow.ReviewBlock.Entry("a", "a = 1", "changed", true),
                new org.pftls.ui.flow.ReviewBlock.Entry("k", "k = 2", "kept", false),
                new org.pftls.ui.flow.ReviewBlock.Entry("b", "b = 3", "added", true)));
        java.util.Set<String> unticked = new java.util.HashSet<>(java.util.Set.of("b"));
        int[] changed = new int[1];
        ChecklistDialog.open(d.gui, new DisplayStyle(true, true), list, unticked, () -> changed[0]++);
        d.pump();
        assertTrue(d.row("a = 1").contains("[x]"), d.text());
        assertTrue(d.row("b = 3").contains("[ ]"), "unticked before: " + d.text());
        assertFalse(d.text().contains("k = 2"), "kept values are not offered");
        d.type(" ").press(KeyType.ArrowDown).type(" ").press(KeyType.Tab, KeyType.Enter);
        assertEquals(java.util.Set.of("a"), unticked);
        assertEquals(1, changed[0], "the Review is drawn again");
    }
}
