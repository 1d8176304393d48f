package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.adapters.TestCheckpoints;
import org.pftls.engine.plan.InstanceLock;
import org.pftls.testing.Sandbox;

/**
 * Two real pftls processes on one instance: while the first is applying (paused at a checkpoint,
 * holding the lock), a second changing command is refused with a clear line and changes nothing,
 * a dry run still works; when the first finishes or is killed, the lock is free again.
 */
class LockIT {
    @TempDir
    Path dir;

    private Process pausedEnableServer(Path script) throws Exception {
        Files.write(dir.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        Files.setLastModifiedTime(dir.resolve("main.cf"), FileTime.from(Instant.now().minusSeconds(3600)));
        Process a = Launcher.builder(List.of(), script, dir, Map.of(TestCheckpoints.PAUSE, "create-temp-created:1"),
                "enable-server", "-a", "ecdsa").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(a.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null && !line.startsWith("pftls-test: paused at")) {
            // starting up
        }
        assertEquals("pftls-test: paused at create-temp-created", line);
        Launcher.drain(a.getErrorStream());
        return a;
    }

    @Test
    void aSecondProcessIsRefusedWhileTheFirstApplies() throws Exception {
        Path script = Launcher.script();
        Process a = pausedEnableServer(script);
        try {
            var before = Scratch.snapshot(dir, true);
            String busy = "pftls: fatal: another pftls is changing the Postfix instance in " + dir + " right now;"
                    + " wait for it to finish, then run this command again\n";
            for (String[] args : new String[][] {{"enable-client"}, {"enable-server", "-a", "ecdsa"},
                {"rollback", "--yes"}}) {
                Launcher.Result b = Launcher.run(dir, args);
                assertEquals(1, b.status(), b.err());
                assertEquals(busy, b.err());
                assertEquals("", b.out());
            }
            Launcher.Result dry = Launcher.run(dir, "enable-client", "--dry-run");
            assertEquals(0, dry.status(), "a dry run takes no lock: " + dry.err());
            assertEquals(before, Scratch.snapshot(dir, true), "the refused runs changed nothing");

            OutputStream in = a.getOutputStream();
            in.write('\n');
            in.flush();
            assertTrue(a.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, a.exitValue());
        } finally {
            a.destroyForcibly();
        }
        assertTrue(Files.readString(dir.resolve("main.cf")).contains("smtpd_tls_security_level = may"));
        Files.setLastModifiedTime(dir.resolve("main.cf"), FileTime.from(Instant.now().minusSeconds(3600)));
        Launcher.Result b = Launcher.run(dir, "enable-client");
        assertEquals(0, b.status(), "free again once the first finished: " + b.err());
    }

    @Test
    void aKilledHolderFreesTheLock() throws Exception {
        Path script = Launcher.script();
        Process a = pausedEnableServer(script);
        byte[] old = Files.readAllBytes(dir.resolve("main.cf"));
        a.destroyForcibly();
        assertEquals(137, a.waitFor());
        assertEquals(new String(old, StandardCharsets.US_ASCII), Files.readString(dir.resolve("main.cf")));
        assertTrue(Files.exists(InstanceLock.lockFile(dir)), "a killed holder leaves its (empty) lock file");
        Launcher.Result b = Launcher.run(dir, "enable-server", "-a", "ecdsa");
        assertEquals(0, b.status(), "the kernel released the dead process's lock: " + b.err());
        assertTrue(!Files.exists(InstanceLock.lockFile(dir)), "the next holder removes it when done");
    }
}
