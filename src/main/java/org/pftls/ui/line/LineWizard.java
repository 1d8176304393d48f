package org.pftls.ui.line;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.pftls.ui.flow.WizardFlow;
import org.pftls.ui.flow.WizardModel;

/**
 * The line-mode (JLine) wizard: the same steps, questions, defaults, checks and Review as the
 * full-screen one (both render {@link WizardFlow}), as numbered prompts on plain lines. It never
 * moves the cursor, so it works on serial consoles, dumb terminals, with screen readers and with
 * answers piped from a file.
 *
 * <p>On the process's own terminal it uses JLine's system terminal (line editing and Tab
 * completion where the terminal can, plain cooked input on a dumb one). Otherwise (a pipe, a
 * file, a test) it reads plain lines through a JLine dumb terminal, which writes no escape
 * sequences, and prints each answer after its prompt so that the output reads like a session.
 * End of input at any question quits: nothing is changed and the status is 1. Ctrl-C at a
 * question is {@code quit}; anywhere else (while keys are made, while a change is applied) it is
 * ignored, so that it never cuts an apply in half.
 */
public final class LineWizard {
    private LineWizard() {
    }

    /**
     * Runs the wizard on plain lines; returns the exit status (0 done, 1 cancelled or failed).
     *
     * @param model       the wizard, on the chosen instance
     * @param in          the answers: the process's terminal, or any stream of lines (a pipe, a file, a test)
     * @param out         where the questions go (with {@code in} a terminal: the terminal itself)
     * @param ownTerminal whether {@code in} and {@code out} are the process's own terminal
     */
    public static int run(WizardModel model, InputStream in, PrintStream out, boolean ownTerminal) {
        ExecutorService keys = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pftls-keys");
            t.setDaemon(true);
            return t;
        });
        WizardFlow flow = new WizardFlow(model, keys);
        try (JLineLogging quiet = JLineLogging.silence();
             Terminal terminal = ownTerminal ? systemTerminal() : streamTerminal(in, out);
             InterruptKey interrupts = ownTerminal ? InterruptKey.route(terminal) : InterruptKey.none()) {
            Prompter prompter = new Prompter(terminal, !ownTerminal, new ConfigFileCompleter(model));
            int status = new LineSession(flow, prompter).run();
            terminal.flush();
            return status;
        } catch (IOException e) {
            out.println("pftls: fatal: cannot read answers from the terminal: " + e.getMessage()
                    + "; give a subcommand instead (pftls --help)");
            return 1;
        } finally {
            keys.shutdownNow();
        }
    }

    private static Terminal systemTerminal() throws IOException {
        return TerminalBuilder.builder().system(true).dumb(true).build();
    }

    /** A dumb terminal over the streams; closing it leaves the streams open for the caller. */
    private static Terminal streamTerminal(InputStream in, PrintStream out) throws IOException {
        return new DumbTerminal("pftls", Terminal.TYPE_DUMB, CloseShieldInputStream.wrap(in),
                CloseShieldOutputStream.wrap(out), Charset.defaultCharset());
    }
}
