package org.pftls.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.ports.FileStore.Exposure;
import org.pftls.engine.ports.FileStore.Exposure.Problem;

/**
 * Who else can change a path: every directory, symlink and the file on the way, as the kernel
 * resolves it. Runs as any user: the files the test makes belong to it, so it plays "the user
 * running pftls" ({@link PathOwnership} is given that uid), and another uid stands for "someone
 * else" when that is the point.
 */
class PathOwnershipTest {
    @TempDir
    Path tmp;

    private Path dir;
    private int me;

    @BeforeEach
    void instance() throws IOException {
        mode(tmp, "rwxr-xr-x");
        dir = Files.createDirectory(tmp.resolve("postfix"));
        mode(dir, "rwxr-xr-x");
        Files.writeString(dir.resolve("main.cf"), "myhostname = a.example\n");
        mode(dir.resolve("main.cf"), "rw-r--r--");
        me = (Integer) Files.getAttribute(dir, "unix:uid");
    }

    private Optional<Exposure> check(Path p) throws IOException {
        return new PathOwnership(me).exposure(p);
    }

    private static void mode(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    @Test
    void aClosedConfigurationIsFine() throws IOException {
        assertEquals(Optional.empty(), check(dir));
        assertEquals(Optional.empty(), check(dir.resolve("main.cf")));
        assertEquals(Optional.empty(), check(dir.resolve("missing.cf")), "nothing there: nothing to say");
    }

    @Test
    void writableByGroupOrOthers() throws IOException {
        mode(dir.resolve("main.cf"), "rw-rw-r--");
        Exposure e = check(dir.resolve("main.cf")).orElseThrow();
        assertEquals(dir.resolve("main.cf"), e.path());
        assertEquals(Problem.GROUP_WRITABLE, e.problem());
        assertEquals("0664", e.mode());
        mode(dir, "rwxr-xrwx");
        assertEquals(Problem.OTHERS_WRITABLE, check(dir.resolve("main.cf")).orElseThrow().problem(),
                "the directory comes first");
        assertEquals(dir, check(dir).orElseThrow().path());
    }

    @Test
    void theStickyBitMakesADirectoryAboveSafeButNotTheDirectoryItself() throws IOException {
        Files.setAttribute(tmp, "unix:mode", 01777);
        assertEquals(Optional.empty(), check(dir), "like /tmp above");
        mode(tmp, "rwxrwxrwx");
        assertEquals(tmp, check(dir).orElseThrow().path());
        Files.setAttribute(dir, "unix:mode", 01777);
        assertEquals(Problem.OTHERS_WRITABLE, check(dir).orElseThrow().problem(), "sticky or not, others write there");
    }

    @Test
    void ownedBySomeoneElse() throws IOException {
        Optional<Exposure> asAnother = new PathOwnership(me + 1).exposure(dir);
        if (me == 0) {
            assertEquals(Optional.empty(), asAnother, "root's files are trusted whoever runs pftls");
            Files.setAttribute(dir, "unix:uid", 65534);
            Exposure e = check(dir.resolve("main.cf")).orElseThrow();
            assertEquals(dir, e.path());
            assertEquals(Problem.OWNER, e.problem());
            assertEquals("nobody", e.owner());
        } else {
            Exposure e = asAnother.orElseThrow();
            assertEquals(tmp, e.path(), "the first directory on the way that is not root's or the user's");
            assertEquals(Problem.OWNER, e.problem());
        }
    }

    @Test
    void symlinksAreFollowedWhereverTheyPointAndTheirTargetsChecked() throws IOException {
        Path open = Files.createDirectory(tmp.resolve("open"));
        mode(open, "rwxrwxrwx");
        Path elsewhere = Files.createDirectory(open.resolve("real"));
        Files.writeString(elsewhere.resolve("main.cf"), "x = y\n");
        Files.delete(dir.resolve("main.cf"));
        Files.createSymbolicLink(dir.resolve("main.cf"), Path.of("../open/real/main.cf"));
        Exposure e = check(dir.resolve("main.cf")).orElseThrow();
        assertEquals(open, e.path(), "the directory the relative link leads through");

        mode(open, "rwxr-xr-x");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);
        assertEquals(Optional.empty(), check(link.resolve("main.cf")));
        assertEquals(Optional.empty(), check(link.resolve("..").resolve("postfix")), ".. after a symlink: from the"
                + " directory it led to");
    }

    @Test
    void aSymlinkLoopIsAnError() throws IOException {
        Files.createSymbolicLink(tmp.resolve("a"), tmp.resolve("b"));
        Files.createSymbolicLink(tmp.resolve("b"), tmp.resolve("a"));
        try {
            check(tmp.resolve("a"));
            throw new AssertionError("no error for a loop");
        } catch (java.nio.file.FileSystemException expected) {
            assertTrue(expected.getMessage().contains("Too many levels of symbolic links"), expected.getMessage());
        }
    }
}
