package org.pftls.adapters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import org.pftls.engine.ports.FileStore.NotRegularFileException;
import org.pftls.engine.ports.FileStore.TooLargeException;

/**
 * Reading files pftls does not control (keys and certificates it is given, main.cf, backups, the
 * history): regular files only, checked with stat before the open (opening a FIFO waits for a
 * writer for ever; a device such as /dev/zero never ends; Java cannot open with O_NONBLOCK), and
 * never more than a limit, even if the file grows meanwhile, so that no input can exhaust the
 * 64 MiB heap.
 */
final class BoundedReads {
    private static final int CHUNK = 4096;

    private BoundedReads() {
    }

    /**
     * Regular files only, checked before the open (opening a FIFO would wait for a writer; a
     * device such as /dev/zero never ends), and at most {@code limit} bytes, even if the file grows
     * meanwhile.
     */
    static byte[] read(Path path, long limit) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,size");
        checkRegular(path, (Integer) a.get("mode"));
        if ((Long) a.get("size") > limit) {
            throw new TooLargeException(path, limit);
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(limit + 1, Math.max(CHUNK, (Long) a.get("size") + 1)));
            while (ch.read(buf) >= 0) {
                if (!buf.hasRemaining()) {
                    if (buf.capacity() > limit) {
                        throw new TooLargeException(path, limit);
                    }
                    ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(limit + 1, (long) buf.capacity() * 2));
                    buf.flip();
                    bigger.put(buf);
                    buf = bigger;
                }
            }
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }

    /** The last {@code count} bytes of a regular file, never through a symlink. */
    static byte[] tail(Path path, int count) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,size", LinkOption.NOFOLLOW_LINKS);
        checkRegular(path, (Integer) a.get("mode"));
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(count, size));
            ch.position(size - buf.capacity());
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read to the end
            }
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }

    static void checkRegular(Path path, int mode) throws NotRegularFileException {
        String what = switch (mode & 0170000) {
            case 0100000 -> null;
            case 0040000 -> "a directory";
            case 0010000 -> "a FIFO (named pipe)";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case 0140000 -> "a socket";
            case 0120000 -> "a symbolic link";
            default -> "a special file";
        };
        if (what != null) {
            throw new NotRegularFileException(path, what);
        }
    }
}
