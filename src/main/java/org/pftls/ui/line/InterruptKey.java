package org.pftls.ui.line;

import org.jline.terminal.Terminal;
import org.jline.utils.Signals;

/**
 * Routes SIGINT (Ctrl-C on a terminal in cooked mode, as a dumb terminal always is) to the JLine
 * terminal instead of letting it end the JVM: during a prompt the line reader turns it into
 * "quit" (asked for confirmation); at any other time the terminal's default handler ignores it,
 * so an apply is never interrupted half-way. The previous handler is put back on close.
 */
final class InterruptKey implements AutoCloseable {
    private static final String SIGINT = "INT";
    private final Object previous;

    private InterruptKey(Object previous) {
        this.previous = previous;
    }

    /** Sends SIGINT to {@code terminal} until closed. */
    static InterruptKey route(Terminal terminal) {
        return new InterruptKey(Signals.register(SIGINT, () -> terminal.raise(Terminal.Signal.INT)));
    }

    /** Leaves SIGINT alone (input that is not the process's terminal). */
    static InterruptKey none() {
        return new InterruptKey(null);
    }

    @Override
    public void close() {
        if (previous != null) {
            Signals.unregister(SIGINT, previous);
        }
    }
}
