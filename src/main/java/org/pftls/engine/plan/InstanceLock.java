package org.pftls.engine.plan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.pftls.engine.PftlsException;
import org.pftls.engine.tls.Instance;

/**
 * Keeps two pftls processes from changing the same Postfix instance at once: an exclusive fcntl
 * lock on main.cf itself (opened for writing, never written through this handle), released on
 * close or when the process dies. It creates no file, so a refused command leaves the
 * configuration directory exactly as it was. Because main.cf is replaced by a rename, a lock
 * taken on a file that was replaced meanwhile is dropped and taken again on the new one.
 */
public final class InstanceLock implements AutoCloseable {
    private static final int ATTEMPTS = 5;

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once, naming who to wait for. Returns a no-op lock when main.cf
     * does not exist: reading the instance then fails with the precise message.
     */
    public static InstanceLock acquire(Path configDirectory) throws PftlsException {
        if (!Files.isDirectory(configDirectory)) {
            throw Instance.missingDirectory(configDirectory);
        }
        Path mainCf = configDirectory.resolve("main.cf");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel ch;
            Object before;
            try {
                before = fileKey(mainCf);
                ch = FileChannel.open(mainCf, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                return new InstanceLock(null, null);
            } catch (IOException e) {
                throw cannotOpen(mainCf, e);
            }
            try {
                FileLock l = ch.tryLock();
                if (l == null) {
                    closeQuietly(ch);
                    throw busy(configDirectory);
                }
                // Same inode before the open and after the lock: the lock is on the current main.cf.
                if (Objects.equals(before, fileKey(mainCf))) {
                    return new InstanceLock(ch, l);
                }
                l.release();
                closeQuietly(ch); // main.cf was replaced while we locked it: lock the new one
            } catch (OverlappingFileLockException e) {
                closeQuietly(ch);
                throw busy(configDirectory);
            } catch (IOException e) {
                closeQuietly(ch);
                throw new PftlsException(PftlsException.Kind.IO, "cannot lock " + mainCf + ": " + IoMessages.reason(e),
                        e);
            }
        }
        throw busy(configDirectory);
    }

    /** The error when main.cf cannot be opened for writing (also what a dry run reports). */
    public static PftlsException cannotOpen(Path mainCf, IOException e) {
        String reason = IoMessages.reason(e);
        String fix = reason.contains("Read-only file system")
                ? "; remount " + mainCf.getParent() + " read-write (mount -o remount,rw), then run again"
                : "; run pftls as root (or as the owner of main.cf)";
        return new PftlsException(PftlsException.Kind.IO, "cannot open " + mainCf + " for writing: " + reason + fix, e);
    }

    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    private static PftlsException busy(Path configDirectory) {
        return new PftlsException(PftlsException.Kind.CONFLICT, "another pftls is changing the Postfix instance in "
                + configDirectory + " right now; wait for it to finish, then run this command again");
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
