package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.adapters.PosixFileStore;
import org.pftls.adapters.TestCheckpoints;
import org.pftls.engine.PftlsException;
import org.pftls.engine.plan.ContentHash;
import org.pftls.engine.plan.History;
import org.pftls.engine.plan.InstanceLock;
import org.pftls.engine.plan.HistoryEntry;
import org.pftls.testing.Sandbox;

/**
 * The crash test: the real launcher is killed with SIGKILL at every checkpoint of the write path
 * of {@code enable-server}, {@code enable-client} and {@code deploy-server-cert} (the process kills
 * itself there, {@code PFTLS_TEST_CRASH_AT}), and at random times, from outside, both anywhere in
 * the run and just after the apply starts: over 200 kills, each on a fresh copy of a (large)
 * Debian main.cf. After each: main.cf is accepted by {@code postconf -n} and is exactly the old or
 * the new file; every key and certificate under a final name is complete ({@code openssl}), every
 * file with "key" in its name is 0600; a new main.cf never names a missing file, and the history
 * records it with a backup of the old one.
 */
class CrashIT {
    private static final int WORKERS = 3;
    private static final int RANDOM_KILLS_PER_COMMAND = 47;
    private static final int MIN_KILLS = 200;
    private static final Pattern STAMP = Pattern.compile("[0-9]{8}-[0-9]{6}");
    private static final Pattern FILE_SETTING = Pattern.compile("(?m)^smtpd_tls_\\w*_file = (\\S+)$");

    @TempDir
    Path root;

    /** One command under test, with what a complete run produces. */
    record Scenario(String name, Path template, List<String> args, byte[] oldMainCf, String newMainCf,
                    List<String> checkpoints, long millis) { }

    /** One killed run: how it was killed, whether it died by SIGKILL, and what was wrong after. */
    record Outcome(String scenario, String how, boolean killed, boolean mainCfNew, String problem) { }

    @Test
    void sigkillAnywhereLeavesOldOrNewAndCompleteFiles() throws Exception {
        Launcher.require("postconf", "postfix");
        Launcher.require("openssl", "openssl");
        Path script = Launcher.script();
        long started = System.nanoTime();
        List<Scenario> scenarios = List.of(
                scenario(script, "enable-server", false, "enable-server", "-a", "ecdsa", "mail.example.org"),
                scenario(script, "enable-client", false, "enable-client"),
                scenario(script, "deploy-server-cert", true, "deploy-server-cert", "deploy-cert.pem", "deploy-key.pem"));

        Random random = new Random(20261125);
        List<java.util.concurrent.Callable<Outcome>> runs = new ArrayList<>();
        int n = 0;
        for (Scenario s : scenarios) {
            for (String point : s.checkpoints()) {
                Path dir = root.resolve("run-" + n++);
                runs.add(() -> crashAt(script, s, dir, point));
            }
            for (int i = 0; i < RANDOM_KILLS_PER_COMMAND; i++) {
                Path dir = root.resolve("run-" + n++);
                boolean inApply = i % 2 == 1;
                // Within the run (the reference run's length, which the traced apply makes a little longer).
                long delayMicros = inApply ? random.nextInt(8_000)
                        : 100_000 + (long) (random.nextDouble() * (s.millis() * 800L - 100_000));
                runs.add(() -> killAfter(script, s, dir, inApply, delayMicros));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Outcome> f : pool.invokeAll(runs)) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> problems = outcomes.stream().filter(o -> o.problem() != null)
                .map(o -> o.scenario() + " " + o.how() + ": " + o.problem()).toList();
        Map<String, int[]> summary = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            int[] c = summary.computeIfAbsent(o.scenario(), k -> new int[3]);
            c[0] += o.killed() ? 1 : 0;
            c[1] += o.killed() && !o.mainCfNew() ? 1 : 0;
            c[2] += o.killed() && o.mainCfNew() ? 1 : 0;
        }
        long kills = outcomes.stream().filter(Outcome::killed).count();
        StringBuilder report = new StringBuilder("CrashIT: " + outcomes.size() + " runs, " + kills + " killed by"
                + " SIGKILL, in " + (System.nanoTime() - started) / 1_000_000 + " ms;");
        summary.forEach((k, c) -> report.append(' ').append(k).append(": ").append(c[0]).append(" killed (")
                .append(c[1]).append(" old main.cf, ").append(c[2]).append(" new)"));
        System.out.println(report);
        assertEquals(List.of(), problems.stream().limit(10).toList(), report.toString());
        assertTrue(kills >= MIN_KILLS, report.toString());
        summary.forEach((k, c) -> assertTrue(c[1] > 0 && c[2] > 0, "kills before and after the rename: " + report));
    }

    /** Makes the template directory, runs the command once to the end, and records its checkpoints. */
    private Scenario scenario(Path script, String name, boolean withPair, String... args) throws Exception {
        Path template = Files.createDirectory(root.resolve("template-" + name));
        StringBuilder padded = new StringBuilder(new String(Sandbox.resource("/samples/debian-fresh.cf"),
                StandardCharsets.ISO_8859_1));
        for (int i = 0; padded.length() < 12_000; i++) {
            padded.append("# a long main.cf, so that writing it takes several write calls (").append(i).append(")\n");
        }
        Files.writeString(template.resolve("main.cf"), padded, StandardCharsets.ISO_8859_1);
        Files.createFile(template.resolve("master.cf"));
        if (withPair) {
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "deploy-key.pem", "-out", "deploy-cert.pem",
                    "-subj", "/CN=mail.example.org", "-addext", "subjectAltName=DNS:mail.example.org", "-days", "3650").directory(template.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, p.waitFor());
            Files.setPosixFilePermissions(template.resolve("deploy-key.pem"),
                    java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        // Not "hot": postconf and postlog would wait until main.cf is 2 seconds old.
        Files.setLastModifiedTime(template.resolve("main.cf"), FileTime.from(Instant.now().minusSeconds(3600)));

        Path ref = root.resolve("reference-" + name);
        copyTree(template, ref);
        long t0 = System.nanoTime();
        Launcher.Result r = Launcher.run(Launcher.builder(List.of(), script, ref,
                Map.of(TestCheckpoints.TRACE, "1"), args));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, r.status(), r.err());
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> points = new ArrayList<>();
        for (String line : r.err().lines().toList()) {
            if (line.startsWith("pftls-test: checkpoint ")) {
                String point = line.substring("pftls-test: checkpoint ".length());
                points.add(point + ":" + seen.merge(point, 1, Integer::sum));
            }
        }
        assertTrue(points.contains("replace-renamed:1") && points.contains("copy-temp-partial:1"), points.toString());
        byte[] old = Files.readAllBytes(template.resolve("main.cf"));
        String neu = normalize(Files.readAllBytes(ref.resolve("main.cf")), ref);
        assertTrue(!neu.equals(normalize(old, template)), name + " changes main.cf");
        return new Scenario(name, template, List.of(args), old, neu, points, millis);
    }

    private Outcome crashAt(Path script, Scenario s, Path dir, String point) throws Exception {
        copyTree(s.template(), dir);
        ProcessBuilder pb = Launcher.builder(List.of(), script, dir, Map.of(TestCheckpoints.CRASH, point),
                s.args().toArray(String[]::new)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        p.getOutputStream().close();
        boolean killed = waitFor(p) == 137;
        return check(s, dir, "killed at " + point, killed, killed ? null : "checkpoint " + point + " not reached");
    }

    private Outcome killAfter(Path script, Scenario s, Path dir, boolean inApply, long delayMicros) throws Exception {
        copyTree(s.template(), dir);
        ProcessBuilder pb = Launcher.builder(List.of(), script, dir,
                inApply ? Map.of(TestCheckpoints.TRACE, "1") : Map.of(), s.args().toArray(String[]::new))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (!inApply) {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        if (inApply) {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = err.readLine()) != null && !line.startsWith("pftls-test: checkpoint ")) {
                // wait for the apply to start
            }
            Launcher.drain(p.getErrorStream());
        }
        LockSupport.parkNanos(delayMicros * 1000);
        p.destroyForcibly(); // SIGKILL
        boolean killed = waitFor(p) == 137;
        String how = (inApply ? "killed " + delayMicros + " us into the apply" : "killed at " + delayMicros / 1000
                + " ms");
        return check(s, dir, how, killed, null);
    }

    private static int waitFor(Process p) throws InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            return -1;
        }
        return p.exitValue();
    }

    /** The invariants after a kill; returns the outcome with the first problem found, if any. */
    private Outcome check(Scenario s, Path dir, String how, boolean killed, String problem) {
        try {
            byte[] mainCf = Files.readAllBytes(dir.resolve("main.cf"));
            boolean isOld = Arrays.equals(mainCf, s.oldMainCf());
            boolean isNew = normalize(mainCf, dir).equals(s.newMainCf());
            if (problem == null && !isOld && !isNew) {
                problem = "main.cf is neither the old nor the new file";
            }
            if (problem == null) {
                problem = fileProblems(dir);
            }
            if (problem == null) {
                problem = toolProblems(dir);
            }
            if (problem == null && isNew) {
                problem = newMainCfProblems(dir, mainCf, s.oldMainCf());
            }
            Files.deleteIfExists(InstanceLock.lockFile(dir)); // a killed holder cannot remove it
            return new Outcome(s.name(), how, killed, isNew, problem);
        } catch (IOException | InterruptedException | PftlsException | RuntimeException e) {
            return new Outcome(s.name(), how, killed, false, e.toString());
        }
    }

    /** Modes: "key" files (temporary ones too) 0600; nothing writable by others. */
    private static String fileProblems(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                var perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                String name = p.getFileName().toString();
                if (name.contains("key") && !perms.equals(java.util.Set.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE))) {
                    return name + " has mode " + perms;
                }
                if (perms.contains(PosixFilePermission.OTHERS_WRITE) || perms.contains(PosixFilePermission.GROUP_WRITE)) {
                    return name + " is writable by others: " + perms;
                }
            }
        }
        return null;
    }

    /** postconf -n accepts main.cf; openssl reads every key and certificate under a final name. */
    private String toolProblems(Path dir) throws IOException, InterruptedException {
        Path verify = Files.createDirectory(root.resolve("verify-" + dir.getFileName()));
        Files.copy(dir.resolve("main.cf"), verify.resolve("main.cf"));
        Files.createFile(verify.resolve("master.cf"));
        Files.setLastModifiedTime(verify.resolve("main.cf"), FileTime.from(Instant.now().minusSeconds(3600)));
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "rc=0; postconf -c \"$0\" -n >/dev/null"
                + " || { echo 'postconf -n rejects main.cf'; rc=1; }; for f in \"$@\"; do case \"$f\" in"
                + " *key*) openssl pkey -in \"$f\" -noout ;; *) openssl x509 -in \"$f\" -noout ;; esac 2>/dev/null"
                + " || { echo \"incomplete: $f\"; rc=1; }; done; exit $rc", verify.toString()));
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("(ec)?(key|cert)-.*\\.pem|deploy-.*"))
                    .sorted().forEach(n -> cmd.add(dir.resolve(n).toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor() == 0 ? null : out;
    }

    /** A new main.cf names only existing files, and the history records it with the old one's backup. */
    private static String newMainCfProblems(Path dir, byte[] mainCf, byte[] old) throws IOException {
        Matcher m = FILE_SETTING.matcher(new String(mainCf, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            if (!Files.isRegularFile(Path.of(m.group(1)))) {
                return "main.cf names a missing file: " + m.group(1);
            }
        }
        try {
            History.Log log = new History(new PosixFileStore(new SecureRandom()), dir).read();
            Optional<HistoryEntry> last = log.entries().stream().filter(HistoryEntry::changedMainCf)
                    .reduce((a, b) -> b);
            if (last.isEmpty() || !last.get().after().equals(ContentHash.of(mainCf))) {
                return "the new main.cf is not recorded in the history";
            }
            if (!Arrays.equals(old, Files.readAllBytes(dir.resolve(last.get().backup())))) {
                return "the backup is not the old main.cf";
            }
        } catch (PftlsException e) {
            return e.getMessage();
        }
        return null;
    }

    private static String normalize(byte[] mainCf, Path dir) {
        String text = new String(mainCf, StandardCharsets.ISO_8859_1).replace(dir.toString(), "DIR");
        return STAMP.matcher(text).replaceAll("STAMP");
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
