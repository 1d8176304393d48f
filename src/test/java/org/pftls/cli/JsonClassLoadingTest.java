package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;

/**
 * jackson (and pftls's JSON classes) are loaded only with {@code --json}: the nine script
 * subcommands without it start as before (the CDS archive and dist/benchmark.sh measure them). In
 * a real JVM with {@code -Xlog:class+load}, as ScriptFastPathTest checks for picocli.
 */
class JsonClassLoadingTest {
    @TempDir
    Path dir;

    private record Loaded(int status, String err, int classes, List<String> json) {
    }

    /** {@code java -Xlog:class+load -cp <this test's class path> org.pftls.Main -c DIR args...}. */
    private Loaded run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), "org.pftls.Main",
                "-c", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null")).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PFTLS_") || k.equals("MAIL_CONFIG")
                || k.startsWith("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within two minutes");
        }
        int classes = 0;
        List<String> json = new ArrayList<>();
        for (String line : out.join().lines().toList()) {
            if (line.contains("[class,load]")) {
                classes++;
                if (line.contains("[class,load] com.fasterxml.") || line.contains("[class,load] org.pftls.cli.json.")) {
                    json.add(line);
                }
            }
        }
        return new Loaded(process.exitValue(), err.join(), classes, json);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Test
    void theScriptsSubcommandsLoadNoJsonClassWithoutJson() throws Exception {
        Sandbox.withSample(dir, "debian-fresh.cf");
        List<List<String>> steps = List.of(
                List.of("all-default-server"),
                List.of("enable-client", "--dry-run"),
                List.of("enable-server", "-a", "ecdsa", "mx.example.org"),
                List.of("enable-server", "--merge", "--keep-usable", "-a", "ecdsa"),
                List.of("all-default-client"),
                List.of("enable-client"),
                List.of("new-server-key", "--dry-run", "-a", "ecdsa"),
                List.of("new-server-cert", "-a", "ecdsa"),
                List.of("output-server-tlsa"),
                List.of("output-server-csr", "-k", "ecdsa"),
                List.of("enable-server", "-a", "dsa"));
        for (List<String> step : steps) {
            Loaded r = run(step.toArray(new String[0]));
            assertTrue(r.classes() > 100, step + ": class loading was not logged");
            assertEquals(List.of(), r.json(), step + " (exit " + r.status() + ": " + r.err() + ")");
        }
        // The same check sees them where they are used.
        Loaded json = run("output-server-tlsa", "--json");
        assertEquals(0, json.status(), json.err());
        assertTrue(json.json().stream().anyMatch(l -> l.contains("com.fasterxml.jackson.core.JsonGenerator")),
                json.json().toString());
        Loaded error = run("enable-server", "--json", "-a", "dsa");
        assertEquals(1, error.status());
        assertTrue(error.json().stream().anyMatch(l -> l.contains("org.pftls.cli.json.ErrorJson")), error.json().toString());
    }
}
