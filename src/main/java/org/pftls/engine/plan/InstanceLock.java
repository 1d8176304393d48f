package org.pftls.engine.plan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessMode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.tls.Instance;

/**
 * Keeps two pftls processes from changing the same Postfix instance at once: an exclusive fcntl
 * lock, released on close or when the process dies (even by SIGKILL), on a lock file outside the
 * configuration directory: {@code /run/lock/pftls-dev-DEV-ino-INODE.lock} (or under {@code /tmp}
 * where there is no {@code /run/lock}), named after the directory's device and inode so that every
 * path to the same directory meets the same lock. The holder removes the file before it unlocks;
 * one who locked a file that was removed meanwhile notices and tries again.
 * <p>
 * Why not lock main.cf itself: a POSIX record lock belongs to the process and the file, and the
 * process loses it as soon as it closes <em>any</em> descriptor of that file, which reading main.cf
 * does. Nothing but this class opens the lock file. The configuration directory stays untouched,
 * so a refused command changes nothing there.
 * <p>
 * Taking the lock also checks that main.cf can be written, so a run that could not replace it
 * stops before it plans anything.
 */
public final class InstanceLock implements AutoCloseable {
    private static final Path RUN_LOCK = Path.of("/run/lock");
    private static final Path TMP = Path.of("/tmp");

    /** Tries of open-and-lock while finishing holders remove the file under us. */
    private static final int ATTEMPTS = 5;

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;

    private InstanceLock(FileChannel channel, FileLock lock, Path file) {
        this.channel = channel;
        this.lock = lock;
        this.file = file;
    }

    /** Takes the lock or fails at once, saying who to wait for. */
    public static InstanceLock acquire(Path configDirectory) throws PftlsException {
        if (!Files.isDirectory(configDirectory)) {
            throw Instance.missingDirectory(configDirectory);
        }
        Path lockFile = lockFile(configDirectory);
        InstanceLock taken = null;
        for (int attempt = 0; taken == null; attempt++) {
            if (attempt == ATTEMPTS) {
                throw busy(configDirectory);
            }
            taken = tryLock(configDirectory, lockFile);
        }
        Path mainCf = configDirectory.resolve("main.cf");
        if (Files.exists(mainCf)) {
            try {
                mainCf.getFileSystem().provider().checkAccess(mainCf, AccessMode.WRITE);
            } catch (IOException e) {
                taken.close();
                throw cannotOpen(mainCf, e);
            }
        }
        return taken;
    }

    /**
     * One attempt: open (or create) the lock file and lock it. Null when the path named another
     * file before the open than after the lock: a finishing holder removed it meanwhile (it
     * removes the file before it unlocks), and the lock may be on a file nobody else will see.
     */
    private static InstanceLock tryLock(Path configDirectory, Path lockFile) throws PftlsException {
        Object before = fileKey(lockFile);
        FileChannel ch;
        try {
            ch = FileChannel.open(lockFile, Set.<OpenOption>of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new PftlsException(PftlsException.Kind.IO, "cannot open the lock file " + lockFile + ": "
                    + IoMessages.reason(e) + "; run pftls as root, or remove that file if no pftls is running", e);
        }
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                closeQuietly(ch);
                throw busy(configDirectory);
            }
            if (before != null && before.equals(fileKey(lockFile))) {
                return new InstanceLock(ch, l, lockFile);
            }
            l.release();
            closeQuietly(ch);
            return null;
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw busy(configDirectory);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new PftlsException(PftlsException.Kind.IO, "cannot lock " + lockFile + ": " + IoMessages.reason(e)
                    + "; run pftls as root", e);
        }
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Where the lock of a configuration directory lives (named by the directory's device and inode). */
    public static Path lockFile(Path configDirectory) throws PftlsException {
        Object key;
        try {
            key = Files.readAttributes(configDirectory, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            throw new PftlsException(PftlsException.Kind.IO, "cannot read " + configDirectory + ": "
                    + IoMessages.reason(e) + "; run pftls as root", e);
        }
        String id = key != null ? key.toString().replaceAll("[^0-9A-Za-z]+", "-").replaceAll("^-|-$", "")
                : ContentHash.of(configDirectory.toAbsolutePath().normalize().toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
        Path dir = Files.isDirectory(RUN_LOCK) ? RUN_LOCK : TMP;
        return dir.resolve("pftls-" + id + ".lock");
    }

    /** The error when main.cf cannot be written (also what a dry run reports). */
    public static PftlsException cannotOpen(Path mainCf, IOException e) {
        String reason = IoMessages.reason(e);
        String fix = reason.contains("Read-only file system")
                ? "; remount " + mainCf.getParent() + " read-write (mount -o remount,rw), then run again"
                : "; run pftls as root (or as the owner of main.cf)";
        return new PftlsException(PftlsException.Kind.IO, "cannot open " + mainCf + " for writing: " + reason + fix, e);
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

    /** Removes the lock file (while still holding the lock, so no one locks a removed file), then unlocks. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover empty lock file is harmless
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
