package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.adapters.PosixFileStore;
import org.pftls.engine.ports.FileStore;

/**
 * The file store contract on the real file system: new files never overwrite and are never
 * visible with more permissions than their final mode (a private key is 0600 from its first byte);
 * replaced files keep owner, group and mode; a backup copies them; a changed main.cf is not
 * replaced; leftovers are recognised.
 */
class PosixFileStoreTest {
    private static final Set<PosixFilePermission> GROUP_OR_OTHER = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path dir;

    private final List<String> reached = new ArrayList<>();
    private final FileStore files = new PosixFileStore(new SecureRandom(), reached::add);

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void createNewNeverOverwritesAndLeavesNoTemporaryFile() throws IOException {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, "the old key");
        assertThrows(FileAlreadyExistsException.class, () -> files.createNew(key, new byte[] {1, 2, 3}, 0600));
        assertEquals("the old key", Files.readString(key));
        assertEquals(List.of(key), list(), "no temporary file left");
        Path link = dir.resolve("dangling.pem");
        Files.createSymbolicLink(link, dir.resolve("nowhere"));
        assertThrows(FileAlreadyExistsException.class, () -> files.createNew(link, new byte[] {1}, 0600));
        assertFalse(Files.exists(dir.resolve("nowhere")), "a dangling symlink is not followed");
    }

    @Test
    void aPrivateKeyIsNeverVisibleWithGroupOrOtherBits() throws Exception {
        // At every checkpoint of the write path (first: the temp file exists, empty) ...
        AtomicReference<String> wrong = new AtomicReference<>();
        FileStore watched = new PosixFileStore(new SecureRandom(), name -> {
            try {
                for (Path p : list()) {
                    if (!mode(p).equals("rw-------")) {
                        wrong.compareAndSet(null, name + ": " + p + " " + mode(p));
                    }
                    if (name.equals("create-temp-created") && p.getFileName().toString().startsWith(".")) {
                        assertEquals(0, Files.size(p), "mode set before the first byte");
                    }
                }
            } catch (IOException e) {
                wrong.compareAndSet(null, e.toString());
            }
        });
        watched.createNew(dir.resolve("key-a.pem"), "-----BEGIN PRIVATE KEY-----\n".getBytes(), 0600);
        assertEquals(null, wrong.get());

        // ... and to a process polling the directory while keys are made.
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> seen = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            while (!done.get()) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        try {
                            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class,
                                    LinkOption.NOFOLLOW_LINKS);
                            if (a.permissions().stream().anyMatch(GROUP_OR_OTHER::contains)) {
                                seen.compareAndSet(null, p + " " + a.permissions());
                            }
                        } catch (IOException vanished) {
                            // a temp file renamed or deleted between list and stat
                        }
                    }
                } catch (IOException e) {
                    seen.compareAndSet(null, e.toString());
                }
            }
        });
        poller.start();
        byte[] body = new byte[3000];
        for (int i = 0; i < 60; i++) {
            files.createNew(dir.resolve("key-" + i + ".pem"), body, 0600);
        }
        done.set(true);
        poller.join();
        assertEquals(null, seen.get());
        assertEquals(61, list().size());
    }

    @Test
    void checkpointsFollowTheWritePath() throws IOException {
        files.createNew(dir.resolve("cert.pem"), new byte[5000], 0644);
        assertEquals(List.of("create-temp-created", "create-temp-partial", "create-temp-written", "create-temp-synced",
                "create-linked", "create-done"), reached);
        assertEquals("rw-r--r--", mode(dir.resolve("cert.pem")));
        reached.clear();
        files.replace(dir.resolve("cert.pem"), new byte[10]);
        assertEquals(List.of("replace-temp-created", "replace-temp-written", "replace-temp-synced",
                "replace-mode-set", "replace-renamed", "replace-done"), reached);
    }

    @Test
    void replaceKeepsOwnerGroupAndModeAndSwapsTheInode() throws IOException {
        Path mainCf = dir.resolve("main.cf");
        Files.writeString(mainCf, "old\n");
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Files.setOwner(mainCf, users.lookupPrincipalByName("nobody"));
        }
        Files.setPosixFilePermissions(mainCf, PosixFilePermissions.fromString("rw-r-----"));
        PosixFileAttributes before = Files.readAttributes(mainCf, PosixFileAttributes.class);
        files.replace(mainCf, "new\n".getBytes(StandardCharsets.US_ASCII));
        PosixFileAttributes after = Files.readAttributes(mainCf, PosixFileAttributes.class);
        assertEquals("new\n", Files.readString(mainCf));
        assertEquals(before.owner(), after.owner());
        assertEquals(before.group(), after.group());
        assertEquals(before.permissions(), after.permissions());
        assertNotEquals(before.fileKey(), after.fileKey(), "a new file renamed into place");
        assertEquals(List.of(mainCf), list());

        Path backup = dir.resolve("main.cf.pftls-20261125-120000");
        files.createNewLike(backup, "old\n".getBytes(StandardCharsets.US_ASCII), mainCf);
        PosixFileAttributes b = Files.readAttributes(backup, PosixFileAttributes.class);
        assertEquals(after.owner(), b.owner());
        assertEquals(after.permissions(), b.permissions());
        assertThrows(FileAlreadyExistsException.class, () -> files.createNewLike(backup, new byte[0], mainCf));
        assertEquals("old\n", Files.readString(backup));

        Path log = dir.resolve("pftls-history.log");
        files.append(log, "one\n".getBytes(StandardCharsets.US_ASCII), mainCf);
        files.append(log, "two\n".getBytes(StandardCharsets.US_ASCII), mainCf);
        assertEquals("one\ntwo\n", Files.readString(log));
        assertEquals(after.permissions(), Files.getPosixFilePermissions(log));
        files.truncate(log, 4);
        assertEquals("one\n", Files.readString(log));
    }

    /**
     * A symlinked main.cf is replaced by a file, as postconf -e replaces it: nothing is written
     * where the link points (no temporary file there either), and the new file has the mode of
     * the file it pointed to.
     */
    @Test
    void aSymlinkIsReplacedByAFileAndItsTargetIsLeftAlone() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("real"));
        Path real = elsewhere.resolve("main.cf");
        Files.writeString(real, "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = dir.resolve("main.cf");
        Files.createSymbolicLink(link, real);
        files.replace(link, "new\n".getBytes(StandardCharsets.US_ASCII));
        assertFalse(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(link));
        assertEquals("rw-r-----", mode(link));
        assertEquals("old\n", Files.readString(real));
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(List.of(real), s.toList(), "nothing written where the link pointed");
        }
    }

    @Test
    void replaceIfUnchangedLeavesAChangedFileAlone() throws IOException {
        Path mainCf = dir.resolve("main.cf");
        Files.writeString(mainCf, "theirs\n");
        assertThrows(FileStore.ChangedMeanwhileException.class, () -> files.replaceIfUnchanged(mainCf,
                "ours\n".getBytes(StandardCharsets.US_ASCII), "new\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("theirs\n", Files.readString(mainCf));
        assertEquals(List.of(mainCf), list(), "the temporary file is gone");
        files.replaceIfUnchanged(mainCf, "theirs\n".getBytes(StandardCharsets.US_ASCII),
                "new\n".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("new\n".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(mainCf));
    }
}
