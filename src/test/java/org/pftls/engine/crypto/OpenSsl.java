package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the real /usr/bin/openssl for compatibility checks. */
final class OpenSsl {
    static final Path BINARY = Path.of("/usr/bin/openssl");

    record Result(int exit, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private OpenSsl() {
    }

    static Result run(byte[] stdin, String... args) {
        if (!Files.isExecutable(BINARY)) {
            fail("these tests compare with the real OpenSSL: install openssl (" + BINARY + " not found)");
        }
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            int exit = process.waitFor();
            return new Result(exit, out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs openssl without input and insists on success. */
    static Result ok(String... args) {
        return ok(null, args);
    }

    static Result ok(byte[] stdin, String... args) {
        Result result = run(stdin, args);
        assertEquals(0, result.exit(), () -> "openssl " + String.join(" ", args) + " failed: " + result.err());
        return result;
    }

    static String text(String... args) {
        return ok(args).text();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
