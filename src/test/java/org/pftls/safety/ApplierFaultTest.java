package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pftls.engine.ports.FileStore;
import org.pftls.testing.Sandbox.Run;

/**
 * The applier under injected faults: a disk that fills up at each write, main.cf changed by
 * someone else at each step between planning and the rename, an error after the rename, a bug
 * (runtime exception). Whatever fails, the directory is left exactly as it was (keys, backup and
 * history line removed again, an existing history cut back to its old length), with one clear
 * line naming the problem and the fix.
 */
class ApplierFaultTest {
    private static final String ADMIN_EDIT = "# edited by the admin meanwhile\n";

    @TempDir
    Path dir;

    /** Where a fault strikes. */
    enum Step { KEY, CERTIFICATE, BACKUP, HISTORY, REPLACE }

    /** A file store that runs {@code fault} when {@code step} is reached, before doing it. */
    static UnaryOperator<FileStore> at(Step step, Fault fault) {
        return files -> new ForwardingFileStore(files) {
            private int created;

            @Override
            public void createNew(Path target, byte[] content, int mode) throws IOException {
                created++;
                if (step == (created == 1 ? Step.KEY : Step.CERTIFICATE)) {
                    fault.strike(target);
                }
                super.createNew(target, content, mode);
            }

            @Override
            public void createNewLike(Path target, byte[] content, Path model) throws IOException {
                if (step == Step.BACKUP) {
                    fault.strike(target);
                }
                super.createNewLike(target, content, model);
            }

            @Override
            public void append(Path file, byte[] bytes, Path model) throws IOException {
                if (step == Step.HISTORY) {
                    fault.strike(file);
                }
                super.append(file, bytes, model);
            }

            @Override
            public void replaceIfUnchanged(Path target, byte[] expected, byte[] content) throws IOException {
                if (step == Step.REPLACE) {
                    fault.strike(target);
                }
                super.replaceIfUnchanged(target, expected, content);
            }
        };
    }

    /** What happens at the step. */
    interface Fault {
        void strike(Path file) throws IOException;
    }

    static Fault diskFull() {
        return file -> {
            throw new FileSystemException(file.toString(), null, "No space left on device");
        };
    }

    Fault adminEdits() {
        return file -> Files.writeString(dir.resolve("main.cf"), ADMIN_EDIT, StandardCharsets.US_ASCII,
                java.nio.file.StandardOpenOption.APPEND);
    }

    static Stream<Arguments> diskFullCases() {
        return Stream.of(
                Arguments.of(Step.KEY, false, "cannot create private key file DIR/eckey-20261125-120140.pem: No space"
                        + " left on device; free some space on the file system of DIR and run again"),
                Arguments.of(Step.CERTIFICATE, false, "cannot create certificate file DIR/eccert-20261125-120140.pem:"
                        + " No space left on device; free some space on the file system of DIR and run again"),
                Arguments.of(Step.BACKUP, false, "cannot back up DIR/main.cf to DIR/main.cf.pftls-20261125-120140: No"
                        + " space left on device; nothing was changed; free some space on the file system of DIR and"
                        + " run again"),
                Arguments.of(Step.HISTORY, false, "cannot record the change in DIR/pftls-history.log: No space left on"
                        + " device; nothing was changed; free some space on the file system of DIR and run again"),
                Arguments.of(Step.HISTORY, true, "cannot record the change in DIR/pftls-history.log: No space left on"
                        + " device; nothing was changed; free some space on the file system of DIR and run again"),
                Arguments.of(Step.REPLACE, true, "cannot update DIR/main.cf: No space left on device; main.cf is"
                        + " unchanged; free some space on the file system of DIR and run again"));
    }

    @ParameterizedTest(name = "disk full at {0}, earlier history: {1}")
    @MethodSource("diskFullCases")
    void aFullDiskLeavesEverythingAsItWas(Step step, boolean earlierChange, String expected) {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        if (earlierChange) {
            assertEquals(0, s.run("enable-client").status());
        }
        s.later(100);
        Map<String, String> before = s.contentSnapshot();
        Run r = s.wrap(at(step, diskFull())).run("enable-server", "-a", "ecdsa");
        assertEquals(1, r.status());
        assertEquals("pftls: fatal: " + expected.replace("DIR", dir.toString()) + "\n", r.err());
        assertEquals(before, s.contentSnapshot(), "everything as it was");
    }

    static Stream<Step> steps() {
        return Stream.of(Step.KEY, Step.CERTIFICATE, Step.BACKUP, Step.HISTORY, Step.REPLACE);
    }

    @ParameterizedTest(name = "main.cf changed underneath at {0}")
    @MethodSource("steps")
    void mainCfChangedUnderneathIsNeverOverwritten(Step step) throws IOException {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-client").status());
        s.later(100);
        byte[] ours = s.mainCfBytes();
        Map<String, String> before = s.contentSnapshot();
        Run r = s.wrap(at(step, adminEdits())).run("enable-server", "-a", "ecdsa");
        assertEquals(1, r.status());
        assertEquals("pftls: fatal: " + s.mainCf() + " was changed by someone else while pftls was working; nothing"
                + " was changed: run pftls again to start from the new file\n", r.err());
        assertEquals(new String(ours, StandardCharsets.US_ASCII) + ADMIN_EDIT,
                new String(s.mainCfBytes(), StandardCharsets.US_ASCII), "the admin's change is kept");
        Map<String, String> after = s.contentSnapshot();
        after.remove("main.cf");
        before.remove("main.cf");
        assertEquals(before, after, "nothing of pftls's is left: no key, no backup, no history line");
        s.wrap(f -> f);
        assertEquals(0, s.run("enable-server", "-a", "ecdsa").status(), "running again works");
        assertTrue(new String(s.mainCfBytes(), StandardCharsets.US_ASCII).contains(ADMIN_EDIT));
    }

    @Test
    void anErrorAfterTheRenameIsASuccess() {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        s.wrap(files -> new ForwardingFileStore(files) {
            @Override
            public void replaceIfUnchanged(Path target, byte[] expected, byte[] content) throws IOException {
                super.replaceIfUnchanged(target, expected, content);
                throw new IOException("fsync of the directory failed");
            }
        });
        Run r = s.run("enable-client");
        assertEquals(0, r.status(), r.err());
        assertTrue(new String(s.mainCfBytes(), StandardCharsets.US_ASCII).contains("smtp_tls_security_level = may"));
        assertTrue(Files.exists(dir.resolve("main.cf.pftls-20261125-120000")), "the backup stays");
    }

    @Test
    void aBugDuringApplyAlsoRemovesWhatWasMade() {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        Map<String, String> before = s.contentSnapshot();
        byte[] original = s.mainCfBytes();
        s.wrap(at(Step.BACKUP, file -> {
            throw new IllegalStateException("simulated bug");
        }));
        Run r = s.run("enable-server", "-a", "ecdsa");
        assertEquals(70, r.status());
        assertTrue(r.err().startsWith("pftls: fatal: internal error: java.lang.IllegalStateException: simulated bug"));
        assertArrayEquals(original, s.mainCfBytes());
        assertEquals(before, s.contentSnapshot());
    }

    @Test
    void leftoversOfAKilledRunAreRemovedOnceStale() throws IOException {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        Path stale = dir.resolve(".main.cf.pftls-0123456789ab.tmp");
        Path fresh = dir.resolve(".key-20261125-120000.pem.pftls-ba9876543210.tmp");
        Path unrelated = dir.resolve(".main.cf.swp");
        for (Path p : new Path[] {stale, fresh, unrelated}) {
            Files.writeString(p, "partial");
            Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-11-25T10:00:00Z")));
        }
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.parse("2026-11-25T11:30:00Z")));
        assertEquals(0, s.run("enable-client").status());
        assertFalse(Files.exists(stale), "a temp file over an hour old is a leftover");
        assertTrue(Files.exists(fresh), "a younger one may belong to a running pftls");
        assertTrue(Files.exists(unrelated), "only pftls's own temp names are touched");
    }
}
