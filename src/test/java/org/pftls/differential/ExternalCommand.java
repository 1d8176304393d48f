package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one external program with a time limit, collecting both outputs; stdin is /dev/null unless given. */
final class ExternalCommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Exit status, stdout bytes and stderr text of one run. */
    record Result(int status, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private ExternalCommand() {
    }

    static Result run(List<String> command) {
        return run(command, Map.of(), null);
    }

    static Result run(List<String> command, Map<String, String> environment, byte[] stdin) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        // One thread per stream (not the common pool, which has a single thread on a two-CPU machine
        // and would serialise all the commands that run in parallel).
        CompletableFuture<byte[]> out = reader(process.getInputStream());
        CompletableFuture<byte[]> err = reader(process.getErrorStream());
        try {
            if (stdin != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out after " + TIMEOUT.toSeconds() + " s: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
        return new Result(process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    }

    /** Runs the command and insists on exit status 0. */
    static Result ok(List<String> command) {
        return ok(command, null);
    }

    static Result ok(List<String> command, byte[] stdin) {
        Result result = run(command, Map.of(), stdin);
        if (result.status() != 0) {
            fail(String.join(" ", command) + " failed (" + result.status() + "): " + result.err());
        }
        return result;
    }

    private static CompletableFuture<byte[]> reader(InputStream in) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(readAll(in));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "external-command-reader");
        t.setDaemon(true);
        t.start();
        return result;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
