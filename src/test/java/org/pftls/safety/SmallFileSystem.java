package org.pftls.safety;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A small tmpfs mounted for one test (a real file system that really fills up or really is
 * read-only), unmounted on close. Needs root (CAP_SYS_ADMIN), as CI has; without it the test
 * fails saying so rather than skip.
 */
final class SmallFileSystem implements AutoCloseable {
    static final int PAGE = 4096;
    private final Path mountPoint;

    private SmallFileSystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code pages} pages on {@code mountPoint} (an empty directory). */
    static SmallFileSystem mount(Path mountPoint, int pages) throws IOException, InterruptedException {
        run("mount", "-t", "tmpfs", "-o", "size=" + pages * PAGE + ",nr_inodes=1000,mode=0755", "pftls-test",
                mountPoint.toString());
        return new SmallFileSystem(mountPoint);
    }

    Path root() {
        return mountPoint;
    }

    /** Fills the file system, then frees exactly {@code pages} pages. */
    void leaveFree(int pages) throws IOException {
        Path filler = mountPoint.resolve("filler");
        byte[] page = new byte[PAGE];
        long written = 0;
        try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try {
                while (true) {
                    written += ch.write(java.nio.ByteBuffer.wrap(page));
                }
            } catch (IOException full) {
                // ENOSPC: full now
            }
            ch.truncate((written / PAGE - pages) * PAGE);
        }
    }

    void remountReadOnly() throws IOException, InterruptedException {
        run("mount", "-o", "remount,ro", mountPoint.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", mountPoint.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output + " -- this test mounts"
                    + " a small tmpfs and needs root (CAP_SYS_ADMIN): run the tests as root, as CI does");
        }
    }
}
