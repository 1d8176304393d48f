package org.pftls.ui.line;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows that slow work (an RSA 4096 key takes seconds) is going on: a dot per second on the
 * current line, from a daemon thread, until closed. Plain text, so fine on any terminal.
 */
final class ProgressDots implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pftls-progress");
        t.setDaemon(true);
        return t;
    });

    ProgressDots(Prompter io) {
        timer.scheduleAtFixedRate(() -> {
            io.out().print('.');
            io.flush();
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
