package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.PftlsException;
import org.pftls.engine.plan.InstanceLock;
import org.pftls.testing.Sandbox;

/**
 * The instance lock: exclusive, the same for every path to the directory, never a file in the
 * configuration directory, and its lock file gone once released. (Two processes: {@code LockIT}.)
 */
class InstanceLockTest {
    @TempDir
    Path dir;

    @Test
    void exclusiveForEveryPathAndTidy() throws Exception {
        Files.write(dir.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        Path other = Files.createSymbolicLink(dir.resolveSibling(dir.getFileName() + "-link"), dir);
        try {
            Map<String, String> before = Scratch.snapshot(dir, true);
            try (InstanceLock held = InstanceLock.acquire(dir)) {
                PftlsException busy = assertThrows(PftlsException.class, () -> InstanceLock.acquire(other));
                assertEquals(PftlsException.Kind.CONFLICT, busy.kind());
                assertTrue(busy.getMessage().startsWith("another pftls is changing the Postfix instance in " + other));
                Files.readAllBytes(dir.resolve("main.cf")); // reading main.cf must not drop the lock
                assertThrows(PftlsException.class, () -> InstanceLock.acquire(dir));
            }
            assertEquals(before, Scratch.snapshot(dir, true), "the configuration directory is not touched");
            try (InstanceLock again = InstanceLock.acquire(other)) {
                assertFalse(dir.resolve("pftls.lock").toFile().exists());
            }
            Path lockFile = InstanceLock.lockFile(dir);
            assertFalse(Files.exists(lockFile, java.nio.file.LinkOption.NOFOLLOW_LINKS),
                    "the lock file is removed on release: " + lockFile);
            assertEquals(lockFile, InstanceLock.lockFile(other));
        } finally {
            Files.delete(other);
        }
    }
}
