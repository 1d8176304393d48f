package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real launcher ({@code dist/pftls} with the built {@code target/pftls.jar}) as a child
 * process, for the integration tests that need a separate process: SIGKILL, locks held by another
 * process, another user.
 */
final class Launcher {
    /** What a finished child did. */
    record Result(int status, String out, String err) { }

    private Launcher() {
    }

    static Path project() {
        return Path.of(System.getProperty("user.dir"));
    }

    /** The launcher script; fails with what to do when the jar was not built. */
    static Path script() {
        Path jar = project().resolve("target/pftls.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: integration tests run after mvn package");
        return project().resolve("dist/pftls");
    }

    /** Fails (does not skip) when a tool the test needs is not installed. */
    static void require(String tool, String packageName) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        if (Files.isExecutable(Path.of("/usr/sbin", tool))) {
            return;
        }
        fail(tool + " is not installed: install it (apt-get install " + packageName + ") to run this test");
    }

    /**
     * A process builder for {@code pftls -c DIR args...}; test hooks are only set if given: with a
     * {@code PFTLS_TEST_*} variable, the launcher is {@link #checkpointed} (the production one has
     * no hooks).
     */
    static ProcessBuilder builder(List<String> prefix, Path script, Path dir, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        boolean hooks = env.keySet().stream().anyMatch(k -> k.startsWith("PFTLS_TEST_"));
        cmd.add((hooks ? checkpointed(script) : script).toString());
        cmd.add("-c");
        cmd.add(dir.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("PFTLS_") || k.equals("MAIL_CONFIG"));
        pb.environment().putAll(env);
        return pb;
    }

    /** What dist/pftls starts; the checkpointed launcher starts the test main class instead. */
    private static final String MAIN = "-cp \"$home/pftls.jar\" org.pftls.Main \"$@\"";

    /**
     * dist/pftls, but starting {@code org.pftls.testing.CheckpointedMain} with the test classes
     * added to the class path: the same JVM options, archive and adapters, plus the test
     * checkpoints. Written next to the jar (target/), so that it finds the jar as dist/pftls does.
     */
    static synchronized Path checkpointed(Path script) {
        Path derived = project().resolve("target/pftls-checkpointed");
        try {
            String text = Files.readString(script);
            assertTrue(text.contains(MAIN), script + " no longer starts org.pftls.Main with " + MAIN
                    + ": update Launcher.checkpointed to match it");
            String testClasses = project().resolve("target/test-classes").toString();
            String hooked = text.replace(MAIN, "-cp \"$home/pftls.jar:" + testClasses
                    + "\" org.pftls.testing.CheckpointedMain \"$@\"");
            Path tmp = Files.createTempFile(derived.getParent(), ".pftls-checkpointed", ".tmp");
            Files.writeString(tmp, hooked);
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, derived, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return derived;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + derived, e);
        }
    }

    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        return run(builder(List.of(), script(), dir, Map.of(), args));
    }

    /** Runs to the end (at most a minute), stdin closed. */
    static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("pftls did not finish within a minute: " + pb.command());
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    /** Reads a child's stream to its end on a thread of its own (never the shared pool). */
    static CompletableFuture<String> drain(java.io.InputStream in) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.complete("");
            }
        });
        t.setDaemon(true);
        t.start();
        return result;
    }
}
