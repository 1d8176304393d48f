package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pftls.engine.plan.InstanceLock;
import org.pftls.testing.Sandbox.Run;

/**
 * {@code --dry-run} on every changing subcommand: prints the plan, changes no byte, no mode, no
 * inode and no timestamp in the configuration directory (the directory's own included; no backup,
 * no history line, no lock), and exits as the real run then does. The real run makes exactly the
 * files the plan listed, and main.cf gets every line the plan's diff adds.
 */
class DryRunTest {
    @TempDir
    Path dir;

    /** Brings the directory to the state the case starts from. */
    interface Setup {
        void prepare(Scratch s);
    }

    static Arguments dry(String sample, Setup setup, String... args) {
        return Arguments.of(sample + ": " + String.join(" ", args), sample, setup, args);
    }

    static void ok(Run r) {
        assertEquals(0, r.status(), r.err());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                dry("debian-fresh.cf", s -> { }, "enable-client"),
                dry("debian-fresh.cf", s -> { }, "enable-client", "-r", "dev:/dev/urandom"),
                dry("debian-fresh.cf", s -> { }, "enable-server", "-a", "ecdsa", "mail.example.org"),
                dry("debian-fresh.cf", s -> { }, "enable-server"),
                dry("legacy-client.cf", s -> { }, "enable-client"),
                dry("debian-snakeoil.cf", s -> { }, "enable-server", "-a", "ecdsa"),
                dry("debian-fresh.cf", s -> { }, "new-server-key", "-a", "ecdsa", "-b", "secp384r1"),
                dry("debian-fresh.cf", s -> ok(s.run("enable-server", "-a", "ecdsa")), "new-server-cert", "-a",
                        "ecdsa"),
                dry("debian-fresh.cf", s -> ok(s.run("new-server-key", "-a", "ecdsa")), "deploy-server-cert",
                        "eccert-20261125-120000.pem", "eckey-20261125-120000.pem"),
                dry("debian-fresh.cf", s -> ok(s.run("enable-client")), "rollback", "--yes"),
                dry("debian-fresh.cf", s -> {
                    ok(s.run("enable-client"));
                    ok(s.later(1).run("enable-server", "-a", "ecdsa"));
                }, "rollback", "--yes", "--to", "main.cf.pftls-20261125-120000"),
                dry("debian-fresh.cf", s -> { }, "rollback", "--yes"),
                dry("debian-fresh.cf", s -> ok(s.run("enable-client")), "enable-client"),
                dry("debian-fresh.cf", s -> { }, "enable-server", "-b", "1024"),
                dry("debian-fresh.cf", s -> { }, "deploy-server-cert", "missing.pem", "missing.key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void changesNothingAndExitsAsTheRealRun(String title, String sample, Setup setup, String[] args) {
        Scratch s = Scratch.withSample(dir, sample);
        setup.prepare(s);
        s.later(60);
        Map<String, String> before = s.snapshot();
        List<String> namesBefore = s.names();

        String[] dryArgs = new String[args.length + 1];
        dryArgs[0] = args[0];
        dryArgs[1] = "--dry-run";
        System.arraycopy(args, 1, dryArgs, 2, args.length - 1);
        Run dry = s.run(dryArgs);
        assertEquals(before, s.snapshot(), "the dry run changed something; stderr: " + dry.err());

        Run real = s.run(args);
        assertEquals(real.status(), dry.status(), "dry run exit status; dry: " + dry.err() + " real: " + real.err());
        if (dry.status() != 0) {
            assertEquals(real.err(), dry.err(), "the dry run fails with the real run's message");
            assertEquals(before, s.snapshot());
            return;
        }
        assertTrue(dry.out().contains("(dry run: nothing was changed)"), dry.out());
        List<String> created = new ArrayList<>(s.names());
        created.removeAll(namesBefore);
        List<String> listed = new ArrayList<>();
        for (String line : dry.out().lines().toList()) {
            if (line.matches("  0[0-7]{3}  .*")) {
                String mode = line.substring(2, 6);
                String path = line.substring(line.lastIndexOf(' ') + 1);
                listed.add(Path.of(path).getFileName().toString());
                assertEquals(path.contains("key-") ? "0600" : "0644", mode, line);
            }
        }
        for (String name : listed) {
            assertTrue(created.contains(name), "planned " + name + ", created " + created);
        }
        String mainCf = new String(s.mainCfBytes(), StandardCharsets.ISO_8859_1);
        for (String line : dry.out().lines().toList()) {
            if (line.startsWith("+") && !line.startsWith("+++")) {
                assertTrue(mainCf.lines().anyMatch(l -> l.equals(line.substring(1))), "main.cf lacks " + line);
            }
        }
        boolean mainCfPlanned = dry.out().contains("--- " + s.mainCf() + " (now)");
        assertEquals(mainCfPlanned, !before.get("main.cf").equals(s.snapshot().get("main.cf")),
                "main.cf replaced exactly when the plan says so");
        assertEquals(mainCfPlanned, created.stream().anyMatch(n -> n.startsWith("main.cf.pftls-")),
                "a backup exactly when main.cf is replaced: " + created);
    }

    @Test
    void dryRunNeedsNoLockWhileTheRealRunIsRefused() throws Exception {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        Map<String, String> before = s.snapshot();
        try (InstanceLock held = InstanceLock.acquire(dir)) {
            Run dry = s.run("enable-server", "--dry-run", "-a", "ecdsa");
            assertEquals(0, dry.status(), dry.err());
            Run real = s.run("enable-server", "-a", "ecdsa");
            assertEquals(1, real.status());
            assertEquals("pftls: fatal: another pftls is changing the Postfix instance in " + dir + " right now;"
                    + " wait for it to finish, then run this command again\n", real.err());
        }
        assertEquals(before, s.snapshot());
    }
}
