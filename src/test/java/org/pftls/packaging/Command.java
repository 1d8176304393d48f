package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a program for the packaging tests: no stdin, both outputs captured, a time limit. */
final class Command {
    /** Exit status and both outputs of one run. */
    record Result(List<String> command, int exit, String out, String err) {
        /** Everything about the run, for assertion messages. */
        String describe() {
            return String.join(" ", command) + " exited " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private Command() {
    }

    /** Runs {@code command} with the given extra environment; fails the test if it hangs. */
    static Result run(Duration limit, Map<String, String> env, String... command) {
        requireTool(command[0]);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + limit.toSeconds() + " s\nstdout so far:\n"
                        + out.getNow("") + "\nstderr so far:\n" + err.getNow(""));
            }
            return new Result(List.of(command), process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Result run(Duration limit, String... command) {
        return run(limit, Map.of(), command);
    }

    /** Fails, naming the Debian package to install, when an absolute-path tool is missing. */
    static void requireTool(String path) {
        if (path.startsWith("/") && !Files.isExecutable(Path.of(path))) {
            fail(path + " is missing: install it (" + packageOf(path) + ")");
        }
    }

    private static String packageOf(String path) {
        return switch (Path.of(path).getFileName().toString()) {
            case "groff" -> "apt-get install groff-base";
            case "man" -> "apt-get install man-db";
            case "dpkg", "dpkg-query", "dpkg-deb" -> "a Debian system with dpkg";
            case "postfix", "postconf" -> "apt-get install postfix";
            case "tmux" -> "apt-get install tmux";
            case "time" -> "apt-get install time";
            case "ansible-galaxy", "ansible-playbook", "ansible-test", "ansible-doc" -> "apt-get install ansible-core";
            default -> "see .ci/run";
        };
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
