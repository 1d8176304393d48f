package org.pftls.engine.plan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessMode;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.tls.Instance;

/**
 * Keeps two pftls processes from changing the same Postfix instance at once: an exclusive fcntl
 * lock, released on close or when the process dies (even by SIGKILL), on a lock file outside the
 * configuration directory, named after the directory's device and inode so that every path to the
 * same directory meets the same lock: {@code /run/pftls/dev-DEV-ino-INODE.lock}. The holder
 * removes the file before it unlocks; one who locked a file that was removed meanwhile notices and
 * tries again.
 * <p>
 * Where: in a directory only this user can create files in, so that no other user can hold that
 * lock (and block every change), put a FIFO there (and hang the open) or a symlink (and redirect
 * it). For root that is {@code /run/pftls} (made 0700; /run itself is root's), for another user
 * (tests, the demo sandbox) {@code /tmp/pftls-UID}, made 0700 like tmux's socket directory. Either
 * must be a directory (not a symlink) owned by this user and closed to group and others, or pftls
 * refuses and says to remove it. The lock file is opened with O_NOFOLLOW and never written.
 * (The world-writable /run/lock used before let any local user do all three.) A root pftls and a
 * normal user's pftls thus use different locks; they never change the same directory, since root
 * refuses a directory the user owns and the user cannot write root's.
 * <p>
 * Why not lock main.cf itself: a POSIX record lock belongs to the process and the file, and the
 * process loses it as soon as it closes <em>any</em> descriptor of that file, which reading main.cf
 * does; and an exclusive fcntl lock needs a descriptor open for writing, which a directory cannot
 * have. Nothing but this class opens the lock file. The configuration directory stays untouched,
 * so a refused command changes nothing there.
 * <p>
 * Taking the lock also checks that main.cf can be written, so a run that could not replace it
 * stops before it plans anything.
 */
public final class InstanceLock implements AutoCloseable {
    private static final Path RUN = Path.of("/run");
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
        ensureLockDirectory(lockFile.getParent());
        refuseSpecial(lockFile);
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
        Map<String, Object> key;
        try {
            key = Files.readAttributes(configDirectory, "unix:dev,ino");
        } catch (IOException e) {
            throw new PftlsException(PftlsException.Kind.IO, "cannot read " + configDirectory + ": "
                    + IoMessages.reason(e) + "; run pftls as root", e);
        }
        return lockDirectory().resolve("dev-" + key.get("dev") + "-ino-" + key.get("ino") + ".lock");
    }

    /** /run/pftls for root, else /tmp/pftls-UID: where only this user can create files. */
    static Path lockDirectory() {
        int euid = effectiveUid();
        if (euid == 0 && rootOnly(RUN)) {
            return RUN.resolve("pftls");
        }
        return TMP.resolve("pftls-" + euid);
    }

    private static boolean rootOnly(Path dir) {
        try {
            Map<String, Object> a = Files.readAttributes(dir, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
            return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && (Integer) a.get("uid") == 0
                    && ((Integer) a.get("mode") & 022) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The owner of /proc/self: this process's effective uid (0 when /proc cannot tell). */
    private static int effectiveUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Makes the lock directory (0700) if needed; refuses one that is not this user's alone. */
    private static void ensureLockDirectory(Path dir) throws PftlsException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException exists) {
            // made by an earlier run (or someone else: checked next)
        } catch (IOException e) {
            throw new PftlsException(PftlsException.Kind.IO, "cannot create the lock directory " + dir + ": "
                    + IoMessages.reason(e) + "; run pftls as root", e);
        }
        try {
            Map<String, Object> a = Files.readAttributes(dir, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            if ((mode & 0170000) != 0040000 || (Integer) a.get("uid") != effectiveUid() || (mode & 077) != 0) {
                PosixFileAttributes names = Files.readAttributes(dir, PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                throw new PftlsException(PftlsException.Kind.CONFIG, "the lock directory " + dir + " is not pftls's"
                        + " own (" + ((mode & 0170000) == 0120000 ? "a symlink, " : "") + "owner "
                        + names.owner().getName() + ", mode " + String.format("%04o", mode & 07777) + "; it must be"
                        + " a directory of the user running pftls, closed to others): another user may have made it to"
                        + " block or redirect pftls; remove it (rm -r " + dir + ") and run again");
            }
        } catch (IOException e) {
            throw new PftlsException(PftlsException.Kind.IO, "cannot check the lock directory " + dir + ": "
                    + IoMessages.reason(e) + "; run pftls as root", e);
        }
    }

    /** Only a regular file (or nothing) may be at the lock file's name: never open a FIFO. */
    private static void refuseSpecial(Path lockFile) throws PftlsException {
        try {
            if (!Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                throw new PftlsException(PftlsException.Kind.CONFIG, "the lock file " + lockFile + " is not a regular"
                        + " file; remove it (rm " + lockFile + ") and run again");
            }
        } catch (NoSuchFileException absent) {
            // the usual case: made by the open
        } catch (IOException e) {
            throw new PftlsException(PftlsException.Kind.IO, "cannot check the lock file " + lockFile + ": "
                    + IoMessages.reason(e) + "; run pftls as root", e);
        }
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
