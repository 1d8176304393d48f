package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.pftls.ui.flow.Ending;
import org.pftls.ui.flow.WizardFlow;
import org.pftls.ui.flow.WizardModel;

/**
 * The full-screen (Lanterna) wizard. Entry point used by the command line when it has chosen
 * the full-screen front end.
 */
public final class FullScreenWizard {
    /** How long to let an apply that is under way finish when the terminal goes away. */
    private static final long APPLY_WAIT_SECONDS = 120;

    private FullScreenWizard() {
    }

    /**
     * Runs the wizard on the terminal behind {@code in}/{@code out} until the operator finishes or
     * quits, restores the terminal, prints the plain-text summary to {@code out}, and returns the
     * exit status (0 done, 1 cancelled or failed).
     */
    public static int run(WizardModel model, InputStream in, PrintStream out, Map<String, String> env) {
        DisplayStyle style = DisplayStyle.from(env);
        ExecutorService keys = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pftls-keys");
            t.setDaemon(true);
            return t;
        });
        // Lanterna draws box characters from the charset: UTF-8 only when the locale says so.
        Charset charset = style.unicode() ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pftls-wizard-worker");
            t.setDaemon(true);
            return t;
        });
        Ending result;
        Terminal terminal = null;
        WizardWindow[] wizard = new WizardWindow[1];
        // A hang-up or kill while a change is being applied must not cut the apply short.
        Thread finishApply = new Thread(() -> awaitApply(wizard[0], worker), "pftls-finish-apply");
        Runtime.getRuntime().addShutdownHook(finishApply);
        try {
            terminal = new SttyTerminal(in, out, charset);
            // Wait a little for the rest of an escape sequence: over SSH, arrow keys arrive in pieces.
            ((SttyTerminal) terminal).getInputDecoder().setTimeoutUnits(1);
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            try {
                MultiWindowTextGUI gui = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen);
                gui.setTheme(WizardTheme.of(style));
                wizard[0] = new WizardWindow(gui, new WizardFlow(model, keys), style, worker);
                gui.addWindowAndWait(wizard[0].window());
                // The loop also ends when the input ends (the SSH connection went away): let an
                // apply that is under way finish.
                awaitApply(wizard[0], worker);
                result = wizard[0].result();
            } finally {
                screen.stopScreen();
            }
        } catch (IOException | RuntimeException e) {
            result = new Ending(1, List.of("pftls: fatal: the full-screen wizard stopped: " + e
                    + "; nothing more was changed. Try the line-mode wizard: pftls --plain"));
        } finally {
            if (terminal != null) {
                try {
                    terminal.close(); // restores echo, line mode and Ctrl-C (stopScreen does not)
                } catch (IOException e) {
                    out.println("pftls: warning: could not restore the terminal (" + e.getMessage()
                            + "); type: stty sane");
                }
            }
            worker.shutdownNow();
            keys.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(finishApply);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs
            }
        }
        result.lines().forEach(out::println);
        out.flush();
        return result.status();
    }

    private static void awaitApply(WizardWindow wizard, ExecutorService worker) {
        if (wizard != null && wizard.applyRunning()) {
            worker.shutdown();
            try {
                worker.awaitTermination(APPLY_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
