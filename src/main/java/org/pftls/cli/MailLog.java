package org.pftls.cli;

import java.util.Optional;
import java.util.function.Supplier;
import org.pftls.adapters.PostlogMailLog;
import org.pftls.engine.ports.MessageSink;

/**
 * The mail log's life: made when the first message is logged (or ahead of a change, so that the
 * logger is running before main.cf is edited: postlog waits for a just-edited main.cf), and
 * closed when the command ends. Nothing is logged for the demo sandbox or without Postfix.
 */
final class MailLog implements MessageSink, AutoCloseable {
    private final Supplier<Optional<PostlogMailLog>> factory;
    private Optional<PostlogMailLog> log;

    MailLog(Supplier<Optional<PostlogMailLog>> factory) {
        this.factory = factory;
    }

    private synchronized Optional<PostlogMailLog> log() {
        if (log == null) {
            log = factory.get();
        }
        return log;
    }

    /** Starts the info logger now, in the background, while the command does its own work. */
    void prestart() {
        log().ifPresent(l -> l.prestartInBackground(Level.INFO));
    }

    @Override
    public void message(Level level, String text) {
        log().ifPresent(l -> l.log(level, text));
    }

    @Override
    public synchronized void close() {
        if (log != null) {
            log.ifPresent(PostlogMailLog::close);
        }
    }
}
