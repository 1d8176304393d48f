package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.adapters.PosixFileStore;
import org.pftls.engine.ports.FileStore;

/**
 * Issue #13, finding 1, against the file store itself: root writes in a directory that an
 * unprivileged attacker can write, while the attacker, woken by inotify, swaps every temporary
 * file for a symlink to a root-owned 0600 victim. Before the fix, mode and owner were set by
 * name after the temporary file was written and synced, and root chmod-ed the victim to 0644 or
 * chown-ed it to postfix in most iterations. Now modes and owners are set on the open file and a
 * swapped temporary file is never linked or renamed into place: whatever the attacker does, the
 * victim keeps mode, owner and content, and a final name is either pftls's own complete file or
 * absent (the write failed). pftls refuses such directories before it writes anything
 * ({@code UntrustedConfigurationIT}); this proves the write path holds even without that check.
 */
class TemporaryFileRaceIT {
    private static final int ROUNDS = 40;
    private static final byte[] SECRET = "secret: only root may read this\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    @BeforeAll
    static void tools() {
        Attacker.requireRootAndTools();
    }

    @Test
    void swappedTemporaryFilesNeverMakeRootChangeAnotherFile() throws Exception {
        Path victim = root.resolve("victim");
        Path dir = Files.createDirectory(root.resolve("postfix"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(dir, "unix:uid", Attacker.UID); // the attacker can write here
        Path mainCf = dir.resolve("main.cf");
        byte[] original = "# main.cf\nmyhostname = mail.example.org\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(mainCf, original);
        Attacker.group(mainCf, "postfix"); // the temporary file must be chgrp-ed
        Files.setPosixFilePermissions(mainCf, PosixFilePermissions.fromString("rw-r-----"));
        FileStore files = new PosixFileStore(new SecureRandom());

        List<String> damage = new ArrayList<>();
        int failedWrites = 0;
        try (Attacker attacker = Attacker.swapTemporaries(dir, victim)) {
            for (int round = 0; round < ROUNDS; round++) {
                resetVictim(victim);
                byte[] now = Files.readAllBytes(mainCf);
                byte[] next = ("# round " + round + "\n").getBytes(StandardCharsets.US_ASCII);
                Path cert = dir.resolve("cert-" + round + ".pem");
                Path backup = dir.resolve("main.cf.pftls-" + round);
                failedWrites += attempt(() -> files.createNew(cert, next, 0644));
                failedWrites += attempt(() -> files.createNewLike(backup, now, mainCf));
                failedWrites += attempt(() -> files.replaceIfUnchanged(mainCf, now, next));
                victimUnchanged(victim, round).ifPresent(damage::add);
                for (Path p : List.of(cert, backup, mainCf)) {
                    if (Files.isSymbolicLink(p)) {
                        damage.add("round " + round + ": " + p.getFileName() + " is the attacker's symlink");
                        Files.delete(p);
                    }
                }
                if (!Files.isRegularFile(mainCf, LinkOption.NOFOLLOW_LINKS)) {
                    Files.write(mainCf, original);
                }
            }
            assertTrue(attacker.swaps() > 0, "the attack never got a temporary file: the test proves nothing");
            System.out.println("TemporaryFileRaceIT: " + attacker.swaps() + " temporary files swapped in " + ROUNDS
                    + " rounds, " + failedWrites + " writes refused, victim chmod/chown-ed in "
                    + damage.stream().filter(d -> d.contains(": mode ")).count() + " rounds, " + damage.size()
                    + " damages in all: "
                    + damage.stream().limit(6).toList());
        }
        assertEquals(List.of(), damage, "root changed the victim");
    }

    /** Runs a write; 1 when it failed (refused because of the attack), 0 when it succeeded. */
    private static int attempt(Write w) {
        try {
            w.run();
            return 0;
        } catch (IOException refused) {
            return 1;
        }
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private static void resetVictim(Path victim) throws IOException {
        Files.write(victim, SECRET);
        Files.setAttribute(victim, "unix:uid", 0);
        Files.setAttribute(victim, "unix:gid", 0);
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
    }

    private static java.util.Optional<String> victimUnchanged(Path victim, int round) throws IOException {
        Map<String, Object> a = Files.readAttributes(victim, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        String state = String.format("mode %04o uid %s gid %s", (Integer) a.get("mode") & 07777, a.get("uid"),
                a.get("gid"));
        boolean same = state.equals("mode 0600 uid 0 gid 0");
        try {
            assertArrayEquals(SECRET, Files.readAllBytes(victim));
        } catch (AssertionError e) {
            same = false;
            state += ", content changed";
        }
        return same ? java.util.Optional.empty() : java.util.Optional.of("round " + round + ": " + state);
    }
}
