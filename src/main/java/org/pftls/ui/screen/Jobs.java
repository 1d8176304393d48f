package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Slow work of a step (reload, verify, installing a hook) on the background worker, its result
 * handed back on the GUI thread: the screen stays live meanwhile.
 */
final class Jobs {
    private final Executor worker;
    private final WindowBasedTextGUI gui;

    Jobs(Executor worker, WindowBasedTextGUI gui) {
        this.worker = worker;
        this.gui = gui;
    }

    /**
     * Runs {@code job} on the worker; {@code then} gets its result (or what {@code failed} makes of
     * an exception) on the GUI thread.
     */
    <T> void run(Callable<T> job, Function<Exception, T> failed, Consumer<T> then) {
        worker.execute(() -> {
            T result;
            try {
                result = job.call();
            } catch (Exception e) {
                result = failed.apply(e);
            }
            T done = result;
            gui.getGUIThread().invokeLater(() -> then.accept(done));
        });
    }
}
