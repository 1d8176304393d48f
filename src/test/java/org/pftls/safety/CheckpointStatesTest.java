package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pftls.adapters.PosixFileStore;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.CertificateFiles;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.plan.ContentHash;
import org.pftls.engine.plan.History;
import org.pftls.engine.plan.HistoryEntry;
import org.pftls.testing.Sandbox.Run;

/**
 * What a crash at each checkpoint of the write path would leave, checked in-process: at every
 * checkpoint the configuration directory is copied as it is on disk at that moment (what SIGKILL
 * leaves behind), and each copy must hold main.cf exactly old or new, only complete key and
 * certificate files under final names (keys 0600), a history that tells which, and it must
 * recover: the command can be run again, and a replaced main.cf can be rolled back. The crash
 * test ({@code CrashIT}) does the same with real SIGKILLs of the real launcher.
 */
class CheckpointStatesTest {
    @TempDir
    Path root;

    /** Brings the directory to the state the case starts from. */
    interface Setup {
        void prepare(Scratch s);
    }

    static Arguments of(Setup setup, String... args) {
        return Arguments.of(String.join(" ", args), setup, args);
    }

    static void ok(Run r) {
        assertEquals(0, r.status(), r.err());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                of(s -> { }, "enable-server", "-a", "ecdsa"),
                of(s -> ok(s.run("enable-server", "-a", "ecdsa")), "enable-client"),
                of(s -> ok(s.run("new-server-key", "-a", "ecdsa")), "deploy-server-cert", "eccert-20261125-120000.pem",
                        "eckey-20261125-120000.pem"),
                of(s -> ok(s.run("enable-client")), "rollback", "--yes"),
                of(s -> { }, "new-server-key", "-a", "ecdsa"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCheckpointLeavesAUsableInstance(String title, Setup setup, String[] args) throws IOException {
        Path work = Files.createDirectory(root.resolve("work"));
        Scratch s = Scratch.withSample(work, "debian-fresh.cf");
        setup.prepare(s);
        s.later(60);
        byte[] old = s.mainCfBytes();
        List<Path> states = new ArrayList<>();
        List<String> names = new ArrayList<>();
        s.checkpoints(name -> {
            Path copy = root.resolve(String.format("%02d-%s", states.size(), name));
            copyTree(work, copy);
            states.add(copy);
            names.add(name);
        });
        ok(s.run(args));
        byte[] neu = s.mainCfBytes();
        assertTrue(states.size() >= 6, "checkpoints reached: " + names);
        boolean mainCfChanges = !Arrays.equals(old, neu);
        int newSeen = 0;
        java.util.Set<String> recovered = new java.util.HashSet<>();
        for (Path state : states) {
            String where = state.getFileName().toString();
            byte[] now = Files.readAllBytes(state.resolve("main.cf"));
            boolean isNew = mainCfChanges && Arrays.equals(now, neu);
            assertTrue(isNew || Arrays.equals(now, old), where + ": main.cf is the old or the new file");
            newSeen += isNew ? 1 : 0;
            checkFiles(state, where);
            checkHistory(state, where, old, now, isNew);
            if (recovered.add(visible(state))) { // states differing only in temporary files recover alike
                recover(state, where, old, isNew, args);
            }
        }
        if (mainCfChanges) {
            assertEquals(2, newSeen, "main.cf is new only from the rename on: " + names);
        }
    }

    /** Every key or certificate under a final name is complete; nothing with "key" in it is readable by others. */
    private static void checkFiles(Path state, String where) throws IOException {
        try (Stream<Path> s = Files.list(state)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                if (name.contains("key")) {
                    assertEquals("rw-------", mode, where + ": " + name);
                }
                if (name.startsWith(".")) {
                    continue; // a temporary file: never referenced, removed by a later run
                }
                try {
                    if (name.matches("(ec)?key-.*\\.pem")) {
                        KeyFiles.readPrivateKey(Files.readAllBytes(p), name);
                    } else if (name.matches("(ec)?cert-.*\\.pem")) {
                        CertificateFiles.readCertificates(Files.readAllBytes(p), name);
                        assertEquals("rw-r--r--", mode, where + ": " + name);
                    }
                } catch (PftlsException e) {
                    fail(where + ": " + name + " is not complete: " + e.getMessage());
                }
            }
        }
    }

    /** A replaced main.cf is always recorded, with a complete backup of the old one. */
    private static void checkHistory(Path state, String where, byte[] old, byte[] now, boolean isNew)
            throws IOException {
        History history = new History(new PosixFileStore(new SecureRandom()), state);
        try {
            History.Log log = history.read();
            assertEquals(0, log.unreadableLines(), where + ": history lines are whole");
            if (isNew) {
                Optional<HistoryEntry> last = log.entries().stream().filter(HistoryEntry::changedMainCf)
                        .reduce((a, b) -> b);
                assertTrue(last.isPresent(), where + ": the change is recorded before main.cf is replaced");
                assertEquals(ContentHash.of(now), last.get().after(), where);
                assertArrayEquals(old, Files.readAllBytes(state.resolve(last.get().backup())), where + ": backup");
            }
        } catch (PftlsException e) {
            fail(where + ": " + e.getMessage());
        }
    }

    /** After the crash: roll back a replaced main.cf, or run the command again. */
    private static void recover(Path state, String where, byte[] old, boolean isNew, String[] args) {
        Scratch again = new Scratch(state).at(org.pftls.testing.Sandbox.NOW.plusSeconds(600));
        ok(again.run("history"));
        if (isNew) {
            Run r = again.run("rollback", "--yes");
            assertEquals(0, r.status(), where + ": " + r.err());
            assertArrayEquals(old, again.mainCfBytes(), where + ": rolled back");
        } else {
            Run r = again.run(args);
            assertEquals(0, r.status(), where + ": running again: " + r.err());
        }
    }

    /** The state as pftls sees it: the names of the non-temporary files and their contents. */
    private static String visible(Path state) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.list(state).sorted()) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!p.getFileName().toString().startsWith(".")) {
                    b.append(p.getFileName()).append('=').append(ContentHash.of(Files.readAllBytes(p))).append('\n');
                }
            }
        }
        return b.toString();
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
