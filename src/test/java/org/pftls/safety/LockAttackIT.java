package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.plan.InstanceLock;
import org.pftls.testing.Sandbox;

/**
 * Issue #13, finding 3: no unprivileged user can block, hang or redirect pftls's instance lock.
 * The attacker (nobody) does what worked against the lock file in the world-writable /run/lock:
 * holds an fcntl lock on the lock file's name, puts a FIFO there, or a symlink; it tries the same
 * at the lock's place now ({@code /run/pftls}, root's alone) and cannot. Meanwhile root's pftls
 * runs as if nobody were there. A pftls run by a normal user keeps its lock in
 * {@code /tmp/pftls-UID}; a directory another user made there in advance (open to all, or a
 * symlink) is refused with one line saying to remove it, and pftls never waits.
 */
class LockAttackIT {
    private static final String HOLD_LOCK = "import fcntl, os, sys, time\n"
            + "try:\n"
            + "    fd = os.open(sys.argv[1], os.O_CREAT | os.O_WRONLY, 0o666)\n"
            + "    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
            + "    print('held', flush=True)\n"
            + "except OSError as e:\n"
            + "    print('refused', e.strerror, flush=True)\n"
            + "time.sleep(120)\n";

    @TempDir
    Path work;

    @BeforeAll
    static void tools() {
        Attacker.requireRootAndTools();
        assertTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "/usr/bin/python3 is missing: apt-get install"
                + " python3 (the attacker holds an fcntl lock with it)");
        Launcher.require("mkfifo", "coreutils");
        Launcher.require("postconf", "postfix"); // and with it the postfix user, a normal user here
    }

    @Test
    void anotherUserHoldingTheLockBlocksNothing() throws Exception {
        Path dir = instance(work);
        Path lock = InstanceLock.lockFile(dir);
        List<Process> holders = new ArrayList<>();
        try {
            Process old = holdLock(oldLockFile(dir));
            holders.add(old);
            assertEquals("held", firstLine(old), "the attacker holds a lock where pftls used to lock");
            Process now = holdLock(lock);
            holders.add(now);
            assertTrue(firstLine(now).startsWith("refused"), "the attacker cannot open " + lock);
            Launcher.Result r = Launcher.run(dir, "enable-client");
            assertEquals(0, r.status(), r.err());
            Refusals.assertNoCrash(r);
        } finally {
            holders.forEach(Process::destroyForcibly);
            Files.deleteIfExists(oldLockFile(dir));
        }
    }

    @Test
    void aFifoOrSymlinkAtTheLockNameNeitherHangsNorRedirects() throws Exception {
        Path dir = instance(work);
        Path lock = InstanceLock.lockFile(dir);
        Path victim = Files.writeString(work.resolve("victim"), "secret\n");
        Path old = oldLockFile(dir);
        try {
            assertEquals(0, asNobody("mkfifo", old.toString()), "the attacker can put a FIFO in /run/lock");
            assertNotEquals(0, asNobody("mkfifo", lock.toString()), "but not where the lock is now");
            long start = System.nanoTime();
            Launcher.Result r = Launcher.run(dir, "enable-client");
            assertEquals(0, r.status(), r.err());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "pftls did not wait");
            Files.delete(old);

            assertEquals(0, asNobody("ln", "-s", victim.toString(), old.toString()));
            assertNotEquals(0, asNobody("ln", "-s", victim.toString(), lock.toString()));
            r = Launcher.run(dir, "enable-server", "-a", "ecdsa");
            assertEquals(0, r.status(), r.err());
            assertEquals("secret\n", Files.readString(victim));
            assertTrue(!Files.exists(lock, LinkOption.NOFOLLOW_LINKS), "the lock file is gone after the run");
        } finally {
            Files.deleteIfExists(old);
        }
        Map<String, Object> a = Files.readAttributes(lock.getParent(), "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        assertEquals("40700 0", Integer.toOctalString((Integer) a.get("mode")) + " " + a.get("uid"),
                "the lock directory is root's alone");
    }

    /**
     * A normal user's pftls (here: the postfix user, on a directory of its own) keeps its lock in
     * /tmp/pftls-UID; another user's directory, or symlink, at that name is refused at once.
     */
    @Test
    void aNormalUsersLockDirectoryMadeByAnotherUserIsRefused() throws Exception {
        Path app = PublicLauncher.install(work.resolve("app"));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = instance(work);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Attacker.owner(p, "postfix");
                Attacker.group(p, "postfix");
            }
        }
        int uid = (Integer) Files.getAttribute(dir, "unix:uid");
        Path lockDirectory = Path.of("/tmp/pftls-" + uid);
        Path nobodys = Path.of("/tmp/pftls-attack-" + ProcessHandle.current().pid());
        try {
            deleteTree(lockDirectory);
            assertEquals(0, asNobody("mkdir", "-m", "777", lockDirectory.toString()));
            Refusals.assertRefused(asPostfix(app, dir, "enable-client"), "the lock directory " + lockDirectory
                    + " is not pftls's own (owner nobody, mode 0777; it must be a directory of the user running pftls,"
                    + " closed to others): another user may have made it to block or redirect pftls; remove it (rm -r "
                    + lockDirectory + ") and run again");
            deleteTree(lockDirectory);

            assertEquals(0, asNobody("mkdir", "-m", "700", nobodys.toString()));
            assertEquals(0, asNobody("ln", "-s", nobodys.toString(), lockDirectory.toString()));
            Refusals.assertRefused(asPostfix(app, dir, "enable-client"), "the lock directory " + lockDirectory
                    + " is not pftls's own (a symlink, owner nobody");
            deleteTree(lockDirectory);

            Launcher.Result ok = asPostfix(app, dir, "enable-client");
            assertEquals(0, ok.status(), ok.err());
            Map<String, Object> a = Files.readAttributes(lockDirectory, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
            assertEquals("40700 " + uid, Integer.toOctalString((Integer) a.get("mode")) + " " + a.get("uid"));
        } finally {
            deleteTree(lockDirectory);
            deleteTree(nobodys);
        }
    }

    /** Where pftls used to lock: /run/lock/pftls-dev-DEV-ino-INODE.lock (world-writable, sticky). */
    private static Path oldLockFile(Path dir) throws IOException {
        Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        String id = key.toString().replaceAll("[^0-9A-Za-z]+", "-").replaceAll("^-|-$", "");
        Path runLock = Path.of("/run/lock");
        assertTrue(Files.isDirectory(runLock), "/run/lock is missing");
        return runLock.resolve("pftls-" + id + ".lock");
    }

    private static Process holdLock(Path file) throws IOException {
        List<String> cmd = new ArrayList<>(Attacker.asNobody());
        cmd.addAll(List.of("/usr/bin/python3", "-c", HOLD_LOCK, file.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String firstLine(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        return line == null ? "" : line;
    }

    private static int asNobody(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(Attacker.asNobody());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor();
    }

    private static Launcher.Result asPostfix(Path app, Path dir, String... args) throws Exception {
        List<String> prefix = List.of("setpriv", "--reuid=postfix", "--regid=postfix", "--clear-groups", "--", "sh");
        return Launcher.run(Launcher.builder(prefix, app, dir, Map.of("HOME", "/tmp"), args));
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(p)) {
                for (Path c : (Iterable<Path>) s::iterator) {
                    deleteTree(c);
                }
            }
        }
        Files.delete(p);
    }

    private static Path instance(Path parent) throws IOException {
        Path dir = Files.createDirectory(parent.resolve("postfix"));
        Files.write(dir.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        Files.setLastModifiedTime(dir.resolve("main.cf"), FileTime.from(Instant.now().minusSeconds(3600)));
        return dir;
    }
}
