package org.pftls.cli;

import java.util.Map;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;

/**
 * Which wizard to run when no subcommand is given. Decided from facts that are injected, so that
 * every rule can be tested without a terminal:
 * <ul>
 * <li>{@code --plain} and {@code --full-screen} together: a usage error;</li>
 * <li>no terminal on stdin/stdout (cron, ssh without -t, a pipe): no wizard (the caller prints the
 * usage and exits non-zero at once), unless {@code --plain} asks for line mode, which then reads
 * the answers from stdin;</li>
 * <li>{@code --plain}: line mode; {@code --full-screen}: full screen, whatever the terminal;</li>
 * <li>otherwise line mode, with a one-line reason, when TERM is unset, {@code dumb} or
 * {@code unknown}, when the terminal is dumb, not described by terminfo, or cannot address the
 * cursor, or when it is smaller than 80x24; full screen on anything else.</li>
 * </ul>
 * The terminal is probed only when the decision needs it.
 */
final class FrontEndChooser {
    /** The smallest terminal the full-screen wizard is used on. */
    static final int MIN_COLUMNS = 80;
    static final int MIN_ROWS = 24;
    private static final Set<String> DUMB_TERMS = Set.of("", "dumb", "unknown");

    enum FrontEnd { FULL_SCREEN, LINE, NONE }

    /**
     * The decision and the one-line reason to print: why line mode was chosen over full screen,
     * or why there is no wizard; empty when the operator asked for the front end.
     */
    record Choice(FrontEnd frontEnd, String reason) { }

    /**
     * What a probe of the terminal found.
     *
     * @param type             the terminal type (TERM)
     * @param described        whether the terminfo database describes the type (else its capabilities
     *                         are unknown)
     * @param cursorAddressing whether the terminfo entry has {@code cup}
     * @param columns          width (0 when unknown)
     * @param rows             height (0 when unknown)
     */
    record TerminalFacts(String type, boolean described, boolean cursorAddressing, int columns, int rows) { }

    /** Looks at the terminal; called only when the decision depends on it. */
    @FunctionalInterface
    interface TerminalProbe {
        TerminalFacts probe();
    }

    private final boolean console;
    private final Map<String, String> env;
    private final TerminalProbe probe;

    /**
     * @param console whether stdin and stdout are a terminal ({@code System.console() != null})
     * @param env     the environment (TERM)
     * @param probe   looks at the terminal
     */
    FrontEndChooser(boolean console, Map<String, String> env, TerminalProbe probe) {
        this.console = console;
        this.env = env;
        this.probe = probe;
    }

    Choice choose(boolean plain, boolean fullScreen) throws PftlsException {
        if (plain && fullScreen) {
            throw new PftlsException(Kind.USAGE, "--plain and --full-screen exclude each other; give only one");
        }
        if (!console) {
            if (plain) {
                return new Choice(FrontEnd.LINE, "");
            }
            return new Choice(FrontEnd.NONE, "no terminal on standard input and output, so no wizard: run it"
                    + " in a terminal (ssh -t), give a subcommand, or use --plain to read answers from stdin");
        }
        if (plain) {
            return new Choice(FrontEnd.LINE, "");
        }
        if (fullScreen) {
            return new Choice(FrontEnd.FULL_SCREEN, "");
        }
        String term = env.getOrDefault("TERM", "").trim();
        if (DUMB_TERMS.contains(term)) {
            return line(term.isEmpty() ? "TERM is not set" : "TERM=" + term + " cannot do full screen");
        }
        TerminalFacts facts = probe.probe();
        if (facts.type() == null || facts.type().startsWith("dumb")) {
            return line("the terminal (TERM=" + term + ") is not known here or is dumb");
        }
        if (!facts.described()) {
            return line("TERM=" + term + " is not in the terminfo database here, so what it can do is unknown");
        }
        if (!facts.cursorAddressing()) {
            return line("TERM=" + term + " cannot move the cursor");
        }
        if (facts.columns() < MIN_COLUMNS || facts.rows() < MIN_ROWS) {
            String size = facts.columns() == 0 || facts.rows() == 0 ? "of unknown size"
                    : facts.columns() + "x" + facts.rows();
            return line("the terminal is " + size + ", the full screen needs at least "
                    + MIN_COLUMNS + "x" + MIN_ROWS);
        }
        return new Choice(FrontEnd.FULL_SCREEN, "");
    }

    private static Choice line(String why) {
        return new Choice(FrontEnd.LINE, "using the line-mode wizard: " + why + " (--full-screen overrides)");
    }
}
