package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;

/**
 * The picocli-free path of the script's subcommands behaves as the picocli path (same status,
 * output, messages and files), and really loads no picocli class.
 */
class ScriptFastPathTest {
    @TempDir
    Path dir;

    private static final PrintStream DISCARD = new PrintStream(PrintStream.nullOutputStream(), true,
            StandardCharsets.UTF_8);

    /** The steps: each subcommand of the script, well-formed, succeeding and failing. */
    private static final List<List<String>> STEPS = List.of(
            List.of("all-default-server"),
            List.of("all-default-client"),
            List.of("enable-server", "-a", "dsa"),
            List.of("new-server-key", "--dry-run", "-a", "ecdsa", "mx.example.org"),
            List.of("enable-server", "-r", "dev:/dev/urandom", "-a", "ecdsa", "-b", "secp384r1", "mx.example.org"),
            List.of("all-default-server"),
            List.of("output-server-tlsa", "-h", "mx.example.net"),
            List.of("enable-client", "--dry-run"),
            List.of("enable-client", "-r", "dev:/dev/urandom"),
            List.of("all-default-client"),
            List.of("new-server-key"),
            List.of("new-server-cert", "-a", "ecdsa", "mx.example.org"),
            List.of("deploy-server-cert", "cert-20261125-120000.pem", "eckey-20261125-120000.pem"),
            List.of("deploy-server-cert", "--dry-run", "cert-20261125-120000.pem", "key-20261125-120000.pem"),
            List.of("deploy-server-cert", "cert-20261125-120000.pem", "key-20261125-120000.pem"),
            // RSA: its signature, unlike ECDSA's, is the same every time
            List.of("output-server-csr", "-k", "rsa", "mx.example.org"),
            List.of("output-server-tlsa", "missing.pem"));

    /** One step's outcome: status, output, and every file afterwards. */
    private record Step(List<String> args, Run run, Map<String, String> files) {
    }

    /**
     * Plays the steps on a fresh sandbox in {@link #dir}: as {@code -c DIR ...} (the fast path) or as
     * {@code -cDIR ...} (an attached option value, which the fast path leaves to picocli).
     */
    private List<Step> play(boolean fast) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.delete(p);
            }
        }
        Sandbox sandbox = Sandbox.withSample(dir, "debian-fresh.cf");
        CommandContext ctx = new CommandContext(DISCARD, DISCARD, Map.of(), () -> null);
        List<Step> steps = new ArrayList<>();
        for (List<String> step : STEPS) {
            List<String> args = new ArrayList<>(fast ? List.of("-c", dir.toString()) : List.of("-c" + dir));
            args.addAll(step);
            String[] vector = args.toArray(new String[0]);
            assertEquals(fast, ScriptCommandLine.parse(vector, ctx) != null, "fast path taken for " + args);
            steps.add(new Step(step, sandbox.runRaw(vector), files(dir)));
        }
        return steps;
    }

    /** Every file's name, permissions and content. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String v = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                if (Files.isRegularFile(p)) {
                    v += "\n" + Files.readString(p, StandardCharsets.ISO_8859_1);
                }
                m.put(dir.relativize(p).toString(), v);
            }
        }
        return m;
    }

    @Test
    void theScriptsSubcommandsBehaveAsThroughPicocli() throws IOException {
        List<Step> picocli = play(false);
        List<Step> fast = play(true);
        for (int i = 0; i < STEPS.size(); i++) {
            assertEquals(picocli.get(i), fast.get(i), "step " + i + ": " + STEPS.get(i));
        }
        // What the steps did, so that equal is also right (see CliTest for the details).
        List<Integer> statuses = new ArrayList<>();
        for (Step step : fast) {
            statuses.add(step.run().status());
        }
        assertEquals(List.of(0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1), statuses, fast.toString());
        assertTrue(fast.get(2).run().err().startsWith("pftls: fatal: Unsupported private key algorithm: dsa"),
                fast.get(2).run().err());
        assertTrue(fast.get(3).run().out().contains("private key"), fast.get(3).run().out());
        assertTrue(fast.get(4).files().containsKey("eckey-20261125-120000.pem"));
        assertTrue(fast.get(6).run().out().contains("_25._tcp.mx.example.net. IN TLSA 3 1 1 "), fast.get(6).run().out());
        assertTrue(fast.get(7).run().out().contains("+smtp_tls_security_level = may"), fast.get(7).run().out());
        assertTrue(fast.get(12).run().err().contains("does not match key"), fast.get(12).run().err());
        assertTrue(fast.get(14).files().get("main.cf").contains(
                "smtpd_tls_cert_file = " + dir.resolve("cert-20261125-120000.pem")));
        assertTrue(fast.get(15).run().out().startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"), fast.get(15).run().out());
    }

    // ---- no picocli class at all, in a real JVM -----------------------------------------------

    /** {@code java -Xlog:class+load -cp <this test's class path> org.pftls.Main args...}. */
    private static ClassLoadRun runMain(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), "org.pftls.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null")).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PFTLS_") || k.equals("MAIL_CONFIG")
                || k.startsWith("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within a minute");
        }
        List<String> picocli = new ArrayList<>();
        int loaded = 0;
        for (String line : out.join().lines().toList()) {
            if (line.contains("[class,load]")) {
                loaded++;
                if (line.contains("[class,load] picocli.")) {
                    picocli.add(line);
                }
            }
        }
        return new ClassLoadRun(String.join(" ", args), process.exitValue(), err.join(), loaded, picocli);
    }

    private record ClassLoadRun(String args, int status, String err, int classes, List<String> picocli) {
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Test
    void theFastPathLoadsNoPicocliClass() throws Exception {
        Sandbox.withSample(dir, "debian-fresh.cf");
        String config = dir.toString();
        for (String[] args : List.of(new String[] {"-c", config, "all-default-server"},
                new String[] {"-c", config, "new-server-key", "--dry-run", "-a", "ecdsa", "mx.example.org"})) {
            ClassLoadRun r = runMain(dir, args);
            assertEquals(0, r.status(), r.args() + ": " + r.err());
            assertTrue(r.classes() > 100, r.args() + ": class loading was not logged");
            assertEquals(List.of(), r.picocli(), r.args());
        }
        // The same check sees picocli where it is used: --help and the attached -cDIR.
        ClassLoadRun help = runMain(dir, "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.picocli().size() > 20, "picocli classes for --help: " + help.picocli());
        ClassLoadRun attached = runMain(dir, "-c" + config, "all-default-server");
        assertEquals(0, attached.status(), attached.err());
        assertTrue(attached.picocli().size() > 20, "picocli classes for -cDIR: " + attached.picocli());
    }
}
