package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for end-to-end tests: one tmux server on its own socket in the test's temporary
 * directory (so parallel runs and other tmux users are never touched), one window of a given size running one command (under a
 * small sh that writes its exit status to a file), kept on screen after the command exits so that
 * its output can be read. Everything the program writes is also logged raw (pipe-pane), to check
 * for escape sequences. Polls the screen instead of sleeping fixed times.
 */
public final class Tmux implements AutoCloseable {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final String socket;
    private final Path config;
    private final Path raw;
    private final Path status;

    private Tmux(Path workDir) throws IOException {
        this.socket = workDir.resolve("tmux.socket").toString();
        this.config = workDir.resolve("tmux.conf");
        this.raw = workDir.resolve("pane.raw");
        this.status = workDir.resolve("exit.status");
        Files.writeString(config, "set -g remain-on-exit on\nset -g history-limit 10000\n");
    }

    /** Starts {@code command} in a new {@code columns}x{@code rows} window. */
    public static Tmux start(Path workDir, int columns, int rows, List<String> command) throws IOException {
        requireTmux();
        Tmux t = new Tmux(workDir);
        // The exit status goes to a file (tmux started from a JVM does not always collect it). Ctrl-C
        // typed in the pane signals the whole foreground process group, this sh included: its trap
        // keeps it alive to write the status (a trap is not inherited, the program gets Ctrl-C as usual).
        List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", "it", "-x", String.valueOf(columns),
                "-y", String.valueOf(rows), "--", "/bin/sh", "-c",
                "trap : INT; \"$@\"; echo $? > '" + t.status + "'", "sh"));
        args.addAll(command);
        t.tmux(args.toArray(String[]::new));
        t.tmux("pipe-pane", "-t", "it", "-o", "cat >> '" + t.raw + "'");
        return t;
    }

    private static void requireTmux() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail("tmux is needed for the end-to-end terminal tests: install it (apt-get install tmux)");
    }

    /** Everything on the screen and in the scrollback, as text. */
    public String screen() {
        return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "it");
    }

    /** Waits until the screen shows {@code text}; fails with the screen if it does not in time. */
    public String waitFor(String text, Duration timeout) {
        return waitUntil(s -> s.contains(text), "\"" + text + "\"", timeout);
    }

    /** Waits until {@code text} appears at least {@code count} times. */
    String waitForCount(String text, int count, Duration timeout) {
        return waitUntil(s -> occurrences(s, text) >= count, count + " x \"" + text + "\"", timeout);
    }

    /** Waits until the screen satisfies {@code done}; fails with the screen if it does not in time. */
    public String waitUntil(Predicate<String> done, String what, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String s = screen();
        while (!done.test(s)) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for " + what + "; the screen shows:\n" + s + "\n-- raw output, escaped:\n"
                        + escapedRaw());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            s = screen();
        }
        return s;
    }

    static int occurrences(String s, String text) {
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    /** Types {@code text} literally, then Enter. */
    public void answer(String text) {
        if (!text.isEmpty()) {
            tmux("send-keys", "-t", "it", "-l", text);
        }
        tmux("send-keys", "-t", "it", "Enter");
    }

    /** Presses keys by tmux name (C-c, Tab, Enter). */
    public void keys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "it"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Whether the program has exited. */
    boolean exited() {
        return Files.exists(status);
    }

    /** Waits for the command to exit and returns its exit status. */
    public int exitStatus(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String text = "";
        while (!text.endsWith("\n")) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for the program to exit; processes on its terminal:\n" + processesOnPane()
                        + "\nthe screen shows:\n" + screen() + "\n-- raw output, escaped:\n" + escapedRaw());
            }
            try {
                Thread.sleep(50);
                text = Files.exists(status) ? Files.readString(status) : "";
            } catch (IOException e) {
                text = "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        return Integer.parseInt(text.strip());
    }

    /** For a failure message: the processes that have the pane's terminal open or belong to this test. */
    private String processesOnPane() {
        String tty = tmux("display-message", "-p", "-t", "it", "#{pane_tty} pid #{pane_pid}").strip();
        StringBuilder out = new StringBuilder(tty + "\n");
        String device = tty.split(" ")[0];
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try (var fds = Files.list(proc.resolve("fd"))) {
                    boolean holds = fds.anyMatch(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().equals(device);
                        } catch (IOException e) {
                            return false;
                        }
                    });
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (holds || cmdline.contains(status.getParent().toString())) {
                        out.append(proc.getFileName()).append(" [").append(Files.readAllLines(proc.resolve("status"))
                                .get(2).replaceAll("\\s+", " ")).append("]: ").append(cmdline).append('\n');
                    }
                } catch (IOException e) {
                    // gone, or not ours to look at
                }
            }
        } catch (IOException e) {
            out.append("(cannot list /proc: ").append(e.getMessage()).append(")");
        }
        return out.toString();
    }

    private String escapedRaw() {
        try {
            return rawOutput().replace("\u001b", "<ESC>").replace("\r", "<CR>");
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** What the program wrote, byte for byte. */
    String rawOutput() throws IOException {
        return Files.exists(raw) ? Files.readString(raw, StandardCharsets.ISO_8859_1) : "";
    }

    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-S", socket, "-f", config.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("tmux " + String.join(" ", args) + " did not finish");
            }
            if (p.exitValue() != 0) {
                fail("tmux " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            return fail("cannot run tmux: " + e.getMessage() + "; install it (apt-get install tmux)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Kills this test's tmux server (and so the program, if it still runs). */
    @Override
    public void close() {
        try {
            new ProcessBuilder("tmux", "-S", socket, "kill-server").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing left to clean up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
