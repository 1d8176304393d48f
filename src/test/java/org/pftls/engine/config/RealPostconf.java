package org.pftls.engine.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.io.IOUtils;

/** Runs the installed postconf on scratch config directories; fails loudly when it is missing. */
final class RealPostconf {
    static final Path POSTCONF = Path.of("/usr/sbin/postconf");

    record Result(int exitStatus, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.ISO_8859_1);
        }

        /** The fatal error text, without the "postconf: fatal: " prefix; "" when none. */
        String fatal() {
            for (String line : stderr.split("\n")) {
                int at = line.indexOf(": fatal: ");
                if (at >= 0) {
                    return line.substring(at + ": fatal: ".length());
                }
            }
            return "";
        }

        List<String> warnings() {
            List<String> result = new ArrayList<>();
            for (String line : stderr.split("\n")) {
                int at = line.indexOf(": warning: ");
                if (at >= 0 && !line.contains("master.cf")) {
                    result.add(line.substring(at + ": warning: ".length()));
                }
            }
            return result;
        }

        /** Parses "name = value" / "name =" lines. */
        Map<String, String> settings() {
            Map<String, String> result = new LinkedHashMap<>();
            for (String line : out().split("\n")) {
                int eq = line.indexOf(" =");
                if (eq > 0) {
                    String rest = line.substring(eq + 2);
                    result.put(line.substring(0, eq), rest.isEmpty() ? "" : rest.substring(1));
                }
            }
            return result;
        }
    }

    private RealPostconf() {
    }

    static void requireInstalled() {
        assertTrue(Files.isExecutable(POSTCONF), POSTCONF + " is missing: install postfix: see README");
    }

    /** Writes main.cf into dir with an mtime in the past, so postconf does not wait for a "hot" file. */
    static Path writeMainCf(Path dir, byte[] content) throws IOException {
        Path mainCf = dir.resolve("main.cf");
        Files.write(mainCf, content);
        backdate(mainCf);
        return mainCf;
    }

    static void backdate(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    static Result run(Path configDir, String... arguments) throws IOException, InterruptedException {
        requireInstalled();
        List<String> command = new ArrayList<>(List.of(POSTCONF.toString(), "-c", configDir.toString()));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        byte[] out = readAll(process.getInputStream());
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "postconf timed out: " + command);
        return new Result(process.exitValue(), out, new String(err.join(), StandardCharsets.ISO_8859_1));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return IOUtils.toByteArray(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The kernel host name, as gethostname() returns it. */
    static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
