package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pftls.testing.Sandbox.Run;

/**
 * A real full disk and a real read-only file system (a small tmpfs): main.cf stays intact, every
 * file stays as it was, and pftls says in one line what failed and what to do.
 */
class FileSystemFaultsIT {
    @TempDir
    Path mountPoint;

    @ParameterizedTest(name = "{0} free pages")
    @CsvSource(delimiter = '|', value = {
        "0|cannot create private key file DIR/eckey-20261125-120000.pem: No space left on device; free some space on"
                + " the file system of DIR and run again",
        "1|cannot create certificate file DIR/eccert-20261125-120000.pem: No space left on device; free some space on"
                + " the file system of DIR and run again",
        "2|cannot back up DIR/main.cf to DIR/main.cf.pftls-20261125-120000: No space left on device; nothing was"
                + " changed; free some space on the file system of DIR and run again",
        "3|cannot record the change in DIR/pftls-history.log: No space left on device; nothing was changed; free some"
                + " space on the file system of DIR and run again",
        "4|cannot update DIR/main.cf: No space left on device; main.cf is unchanged; free some space on the file"
                + " system of DIR and run again"})
    void aFullDiskLeavesMainCfIntact(int freePages, String expected) throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.mount(mountPoint, 16)) {
            Path dir = Files.createDirectory(fs.root().resolve("postfix"));
            Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
            byte[] original = s.mainCfBytes();
            fs.leaveFree(freePages);
            Map<String, String> before = s.contentSnapshot();
            Run r = s.run("enable-server", "-a", "ecdsa");
            assertEquals(1, r.status(), r.err());
            assertEquals("pftls: fatal: " + expected.replace("DIR", dir.toString()) + "\n", r.err());
            assertArrayEquals(original, s.mainCfBytes(), "main.cf intact");
            assertEquals(before, s.contentSnapshot(), "no file left behind or changed");
        }
    }

    @Test
    void withRoomEnoughItWorks() throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.mount(mountPoint, 16)) {
            Path dir = Files.createDirectory(fs.root().resolve("postfix"));
            Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
            fs.leaveFree(5);
            Run r = s.run("enable-server", "-a", "ecdsa");
            assertEquals(0, r.status(), r.err());
            assertTrue(Files.exists(dir.resolve("main.cf.pftls-20261125-120000")));
        }
    }

    @Test
    void aReadOnlyFileSystemIsRefusedWithTheFix() throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.mount(mountPoint, 16)) {
            Path dir = Files.createDirectory(fs.root().resolve("postfix"));
            Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
            fs.remountReadOnly();
            Map<String, String> before = s.snapshot();
            String expected = "pftls: fatal: cannot open " + s.mainCf() + " for writing: Read-only file system;"
                    + " remount " + dir + " read-write (mount -o remount,rw), then run again\n";
            for (String[] args : new String[][] {{"enable-server", "-a", "ecdsa"}, {"enable-server", "--dry-run"},
                {"enable-client"}, {"new-server-key"}, {"rollback", "--yes"}}) {
                Run r = s.run(args);
                assertEquals(1, r.status(), String.join(" ", args));
                assertEquals(expected, r.err(), String.join(" ", args));
                assertEquals("", r.out());
            }
            assertEquals(before, s.snapshot());
        }
    }
}
