package org.pftls.ui.line;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps JLine's java.util.logging warnings (for example the stack trace it logs for an unknown
 * TERM, or "creating a dumb terminal") off the operator's screen while a terminal is in use.
 * Holding the logger here also keeps it from being garbage-collected, which would lose the level.
 */
public final class JLineLogging implements AutoCloseable {
    private final Logger logger = Logger.getLogger("org.jline");
    private final Level previous;

    private JLineLogging() {
        previous = logger.getLevel();
        logger.setLevel(Level.OFF);
    }

    /** Silences JLine until {@link #close()}. */
    public static JLineLogging silence() {
        return new JLineLogging();
    }

    @Override
    public void close() {
        logger.setLevel(previous);
    }
}
