package org.pftls.ui.screen;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.pftls.ui.flow.StepKind;
import org.pftls.ui.flow.WizardFlow;
import org.pftls.ui.flow.WizardModel;

/**
 * Runs the real wizard window on Lanterna's virtual terminal: keystrokes in, screen text out. The
 * background work (Generate, Apply, reload) is queued and runs only when the test says so, so a
 * test can look at the screen while the work is "still running".
 */
final class WizardDriver {
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final MultiWindowTextGUI gui;
    final Queue<Runnable> jobs = new ArrayDeque<>();
    final WizardWindow wizard;
    /** Every step shown so far, in order (a step shown again after another is listed again). */
    final List<StepKind> shown = new ArrayList<>();

    WizardDriver(WizardModel model, DisplayStyle style, TerminalSize size) {
        try {
            terminal = new DefaultVirtualTerminal(size);
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            gui = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen);
            gui.setTheme(WizardTheme.of(style));
            wizard = new WizardWindow(gui, new WizardFlow(model, jobs::add), style, jobs::add);
            gui.addWindow(wizard.window());
            pump();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WizardDriver(WizardModel model) {
        this(model, new DisplayStyle(true, true), new TerminalSize(80, 24));
    }

    /** Lets the GUI handle the queued input and posted tasks, and redraw. */
    WizardDriver pump() {
        try {
            for (int i = 0; i < 3; i++) {
                gui.getGUIThread().processEventsAndUpdate();
                if (shown.isEmpty() || shown.get(shown.size() - 1) != wizard.current()) {
                    shown.add(wizard.current());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    WizardDriver press(KeyType... keys) {
        for (KeyType k : keys) {
            terminal.addInput(new KeyStroke(k));
            pump();
        }
        return pump();
    }

    WizardDriver press(KeyType key, int times) {
        for (int i = 0; i < times; i++) {
            terminal.addInput(new KeyStroke(key));
        }
        return pump();
    }

    WizardDriver type(String text) {
        for (char c : text.toCharArray()) {
            terminal.addInput(c == '\n' ? new KeyStroke(KeyType.Enter) : new KeyStroke(c, false, false));
        }
        return pump();
    }

    /** On the Host names step: Tab (to Next) and Enter. */
    WizardDriver hostNamesNext() {
        return press(KeyType.Tab, KeyType.Enter);
    }

    /** On the Confirm step: past Back and Quit to the apply button, and press it. */
    WizardDriver confirm() {
        return press(KeyType.Tab, KeyType.Tab, KeyType.Enter);
    }

    /** A control key: Ctrl and the letter. */
    WizardDriver ctrl(char letter) {
        terminal.addInput(new KeyStroke(letter, true, false));
        return pump();
    }

    WizardDriver ctrlC() {
        terminal.addInput(new KeyStroke('c', true, false));
        return pump();
    }

    /** Runs the queued background jobs (as the worker thread would) and lets the GUI show the results. */
    WizardDriver runJobs() {
        while (!jobs.isEmpty()) {
            jobs.poll().run();
            pump();
        }
        return this;
    }

    WizardDriver resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
        return pump();
    }

    StepKind step() {
        return wizard.current();
    }

    boolean closed() {
        return wizard.window().getTextGUI() == null;
    }

    /** The screen, row by row. */
    List<String> rows() {
        List<String> rows = new ArrayList<>();
        TerminalSize size = terminal.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter tc = terminal.getCharacter(c, r);
                b.append(tc.getCharacterString());
                if (tc.isDoubleWidth()) {
                    c++;
                }
            }
            rows.add(b.toString());
        }
        return rows;
    }

    /** The screen as one string, rows separated by newlines. */
    String text() {
        return String.join("\n", rows());
    }

    /** The row containing {@code text} (for asserting on one line), or fails. */
    String row(String text) {
        return rows().stream().filter(r -> r.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row contains \"" + text + "\" on screen:\n" + text()));
    }
}
