package org.pftls.adapters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.pftls.engine.ports.Checkpoints;

/**
 * The crash test's hook into the write path (test code: the production jar has no trace of it).
 * The launcher of the crash and lock tests starts {@link org.pftls.testing.CheckpointedMain}
 * instead of {@code org.pftls.Main}, which builds the adapters with these checkpoints, switched on
 * by environment variables of the child process:
 * <ul>
 *   <li>{@code PFTLS_TEST_CRASH_AT=NAME[:N]}: at the N-th time (default 1) checkpoint NAME is
 *       reached, the process sends itself SIGKILL ({@code *} matches every checkpoint);</li>
 *   <li>{@code PFTLS_TEST_PAUSE_AT=NAME[:N]}: there, print {@code pftls-test: paused at NAME} on
 *       stderr and wait for a line (or end of file) on stdin, then go on;</li>
 *   <li>{@code PFTLS_TEST_TRACE=1}: print {@code pftls-test: checkpoint NAME} at every checkpoint.</li>
 * </ul>
 */
public final class TestCheckpoints implements Checkpoints {
    public static final String CRASH = "PFTLS_TEST_CRASH_AT";
    public static final String PAUSE = "PFTLS_TEST_PAUSE_AT";
    public static final String TRACE = "PFTLS_TEST_TRACE";

    /** One "NAME[:N]" target. */
    private static final class Target {
        private final String name;
        private final int occurrence;
        private int seen;

        Target(String spec) {
            int colon = spec.lastIndexOf(':');
            if (colon > 0 && spec.substring(colon + 1).matches("[0-9]+")) {
                name = spec.substring(0, colon);
                occurrence = Integer.parseInt(spec.substring(colon + 1));
            } else {
                name = spec;
                occurrence = 1;
            }
        }

        boolean hit(String checkpoint) {
            return (name.equals("*") || name.equals(checkpoint)) && ++seen == occurrence;
        }
    }

    private final Target crash;
    private final Target pause;
    private final boolean trace;
    private final PrintStream err;
    private final InputStream in;

    private TestCheckpoints(Target crash, Target pause, boolean trace, PrintStream err, InputStream in) {
        this.crash = crash;
        this.pause = pause;
        this.trace = trace;
        this.err = err;
        this.in = in;
    }

    /** The hook the environment asks for, or {@link Checkpoints#NONE}. */
    public static Checkpoints fromEnvironment(Map<String, String> env, PrintStream err, InputStream in) {
        String crash = env.get(CRASH);
        String pause = env.get(PAUSE);
        boolean trace = "1".equals(env.get(TRACE));
        if (empty(crash) && empty(pause) && !trace) {
            return Checkpoints.NONE;
        }
        return new TestCheckpoints(empty(crash) ? null : new Target(crash), empty(pause) ? null : new Target(pause),
                trace, err, in);
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    @Override
    public synchronized void reached(String name) {
        if (trace) {
            err.println("pftls-test: checkpoint " + name);
            err.flush();
        }
        if (pause != null && pause.hit(name)) {
            err.println("pftls-test: paused at " + name);
            err.flush();
            waitForLine();
        }
        if (crash != null && crash.hit(name)) {
            killSelf();
        }
    }

    private void waitForLine() {
        try {
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
        } catch (IOException ignored) {
            // end of input: go on
        }
    }

    /** SIGKILL, as an operator's kill -9 or the OOM killer would: no shutdown hook, no flush. */
    private static void killSelf() {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start();
            while (true) {
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException e) {
            Runtime.getRuntime().halt(137);
        }
    }
}
