package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.ui.flow.StepKind;

/** Terminal size and resizing, NO_COLOR, ASCII-only terminals, and how the style is chosen. */
class WizardTerminalTest {
    @TempDir
    Path dir;

    private WizardDriver driver(DisplayStyle style, int columns, int rows) {
        return new WizardDriver(WizardFixture.of(dir, "debian-fresh.cf").model(), style,
                new TerminalSize(columns, rows));
    }

    /**
     * Walks through every kind of screen (Detect, Task, Key, Host names with a problem, Generate,
     * Review with scroll bars, a quit question, Confirm, Done) and hands each to {@code check}.
     */
    private static void everyScreen(WizardDriver d, Consumer<WizardDriver> check) {
        check.accept(d);
        d.press(KeyType.Enter);
        check.accept(d);
        d.press(KeyType.Enter);
        check.accept(d);
        d.press(KeyType.ArrowDown, 3).press(KeyType.Enter).type("\nbad_name");
        check.accept(d);
        for (int i = 0; i <= "bad_name".length(); i++) {
            d.press(KeyType.Backspace);
        }
        d.hostNamesNext();
        check.accept(d);
        d.runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        check.accept(d);
        d.press(KeyType.Escape);
        check.accept(d);
        d.press(KeyType.Escape).press(KeyType.Enter);
        assertEquals(StepKind.CONFIRM, d.step(), d.text());
        check.accept(d);
        d.confirm().runJobs();
        assertEquals(StepKind.DONE, d.step(), d.text());
        check.accept(d);
    }

    private static List<TextCharacter> cells(WizardDriver d) {
        List<TextCharacter> out = new ArrayList<>();
        TerminalSize size = d.terminal.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            for (int c = 0; c < size.getColumns(); c++) {
                out.add(d.terminal.getCharacter(c, r));
            }
        }
        return out;
    }

    @Test
    void aTooSmallTerminalIsExplainedAndTheStepComesBackWhenItGrows() {
        WizardDriver d = driver(new DisplayStyle(true, true), 80, 24).press(KeyType.Enter);
        assertEquals(StepKind.TASK, d.step());
        d.resize(60, 16);
        assertTrue(d.text().contains("The terminal is 60x16; the wizard needs at least 80x24."), d.text());
        assertFalse(d.text().contains("Enable TLS in the SMTP server"), d.text());
        d.resize(100, 30);
        assertTrue(d.row("Enable TLS in the SMTP server").contains("<o>"), d.text());
        assertEquals(100, d.row("Step 2 of 8").length());
        d.press(KeyType.ArrowDown).press(KeyType.Enter); // the list still has the focus
        assertEquals(StepKind.CLIENT_TLS, d.step(), "Enable client was chosen: " + d.text());
    }

    @Test
    void escStillAsksWhenTheTerminalIsTooSmall() {
        WizardDriver d = driver(new DisplayStyle(true, true), 70, 20);
        assertTrue(d.text().contains("The terminal is 70x20"), d.text());
        d.press(KeyType.Escape);
        assertTrue(d.text().contains("Quit the wizard?"), d.text());
    }

    @Test
    void textIsFoldedAgainForTheNewWidthWhenTheTerminalIsResized() {
        WizardDriver d = driver(new DisplayStyle(true, true), 80, 24).press(KeyType.Enter).press(KeyType.Enter)
                .press(KeyType.ArrowDown, 5).press(KeyType.Enter).hostNamesNext()
                .runJobs();
        assertEquals(StepKind.REVIEW, d.step());
        String command = "enable-server -a ecdsa -b secp256r1 mail.example.org";
        assertFalse(d.text().contains(command), "folded at 80 columns: " + d.text());
        d.resize(160, 40);
        assertTrue(d.text().contains(dir + " " + command), "one line at 160 columns: " + d.text());
    }

    @Test
    void noColorUsesTheTerminalsDefaultColoursAndReverseVideoForTheFocus() {
        WizardDriver d = driver(new DisplayStyle(true, false), 80, 24);
        everyScreen(d, screen -> {
            for (TextCharacter tc : cells(screen)) {
                assertEquals(TextColor.ANSI.DEFAULT, tc.getForegroundColor(), () -> tc + " on\n" + screen.text());
                assertEquals(TextColor.ANSI.DEFAULT, tc.getBackgroundColor(), () -> tc + " on\n" + screen.text());
            }
        });
        WizardDriver first = driver(new DisplayStyle(true, false), 80, 24);
        String row = first.row("Next");
        int row1 = first.rows().indexOf(row);
        int col = row.indexOf("Next");
        assertTrue(first.terminal.getCharacter(col, row1).getModifiers().contains(SGR.REVERSE),
                "the focused button is shown in reverse video");
    }

    @Test
    void anAsciiTerminalGetsNoCharacterAbove127() {
        WizardDriver d = driver(new DisplayStyle(false, true), 80, 24);
        everyScreen(d, screen -> {
            for (TextCharacter tc : cells(screen)) {
                for (char c : tc.getCharacterString().toCharArray()) {
                    assertTrue(c < 0x80, () -> "'" + c + "' (U+" + Integer.toHexString(c) + ") on\n" + screen.text());
                }
            }
        });
        assertTrue(d.text().contains("pftls - Step 8 of 8: Done"), d.text());
        WizardDriver again = driver(new DisplayStyle(false, true), 80, 24);
        everyScreen(again, screen -> {
            List<String> rows = screen.rows();
            String help = rows.get(rows.size() - 2);
            assertTrue(help.startsWith("|") && help.endsWith("  |"), "the help bar fits: " + help);
        });
        assertTrue(d.text().contains("+-"), "ASCII frame: " + d.text());
    }

    @Test
    void theStyleFollowsTheLocaleAndNoColor() {
        assertEquals(new DisplayStyle(false, true), DisplayStyle.from(Map.of()));
        assertEquals(new DisplayStyle(false, true), DisplayStyle.from(Map.of("LANG", "C")));
        assertEquals(new DisplayStyle(true, true), DisplayStyle.from(Map.of("LANG", "en_US.UTF-8")));
        assertEquals(new DisplayStyle(true, true), DisplayStyle.from(Map.of("LC_CTYPE", "C.utf8", "LANG", "C")));
        assertEquals(new DisplayStyle(false, true), DisplayStyle.from(Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8")));
        assertEquals(new DisplayStyle(true, true), DisplayStyle.from(Map.of("LC_ALL", "", "LANG", "de_DE.UTF-8")));
        assertEquals(new DisplayStyle(true, false), DisplayStyle.from(Map.of("LANG", "C.UTF-8", "NO_COLOR", "1")));
        assertEquals(new DisplayStyle(true, true), DisplayStyle.from(Map.of("LANG", "C.UTF-8", "NO_COLOR", "")));
    }
}
