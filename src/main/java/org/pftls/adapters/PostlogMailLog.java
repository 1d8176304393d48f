package org.pftls.adapters;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pftls.engine.ports.MessageSink.Level;

/**
 * Logs to the Postfix mail log through {@code postlog -c CONFIG -t TAG -p LEVEL}, one process per
 * level fed on its standard input, as postfix-tls-script does. Processes can be started before
 * main.cf is edited ({@link #prestartInBackground}), because postlog waits for a just-edited ("hot") main.cf.
 * Logging never fails the command: every error here is swallowed.
 */
public final class PostlogMailLog implements AutoCloseable {
    private final Path postlog;
    private final Path configDirectory;
    private final String tag;
    private final Map<Level, Process> processes = new EnumMap<>(Level.class);
    private boolean closed;

    public PostlogMailLog(Path postlog, Path configDirectory, String tag) {
        this.postlog = postlog;
        this.configDirectory = configDirectory;
        this.tag = tag;
    }

    /**
     * Starts the logger for {@code level} now, so that later lines need not wait for main.cf, on a
     * daemon thread: starting a process costs a JVM
     * several milliseconds (process classes, the reaper thread, the exec), which then overlap with
     * the command's own work. The first line logged waits for it.
     */
    public void prestartInBackground(Level level) {
        Thread starter = new Thread(() -> process(level), "postlog-start");
        starter.setDaemon(true);
        starter.start();
    }

    public void log(Level level, String text) {
        Process p = process(level);
        if (p == null) {
            return;
        }
        try {
            OutputStream in = p.getOutputStream();
            in.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException ignored) {
            // the mail log is a courtesy; the message was printed on stderr already
        }
    }

    private synchronized Process process(Level level) {
        if (closed) {
            return null; // a background start that came too late: nothing more is logged
        }
        if (processes.containsKey(level)) {
            return processes.get(level);
        }
        Process p = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(postlog.toString(), "-c", configDirectory.toString(),
                    "-t", tag, "-p", level.name().toLowerCase(java.util.Locale.ROOT)));
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD); // not a tty: postlog 3.7 then echoes nothing
            p = pb.start();
        } catch (IOException | RuntimeException ignored) {
            // no postlog: nothing to log to
        }
        processes.put(level, p);
        return p;
    }

    /** Ends input to every logger; does not wait (postlog sleeps a second after a fatal record). */
    @Override
    public synchronized void close() {
        closed = true;
        for (Process p : processes.values()) {
            if (p != null) {
                try {
                    p.getOutputStream().close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
        processes.clear();
    }
}
