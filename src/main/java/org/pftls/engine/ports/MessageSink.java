package org.pftls.engine.ports;

/**
 * Where the engine's messages go: the same texts as postfix-tls-script logs through postlog.
 * The command line prints them on stderr and logs them to the mail log; the wizards show them.
 */
public interface MessageSink {
    enum Level { INFO, WARNING, ERROR, FATAL }

    void message(Level level, String text);

    default void info(String text) {
        message(Level.INFO, text);
    }

    default void warning(String text) {
        message(Level.WARNING, text);
    }

    /** Multi-line text is sent one line at a time, as postlog does with its standard input. */
    default void infoLines(String text) {
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                info(line);
            }
        }
    }
}
