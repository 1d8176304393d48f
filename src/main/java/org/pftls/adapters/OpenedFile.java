package org.pftls.adapters;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * A file this process has open, and a way to stat, chmod and chown the open file itself rather
 * than whatever its name points to by then.
 * <p>
 * Java 17 has no {@code fstat}, {@code fchmod} or {@code fchown} on a {@link FileChannel}, and
 * everything in {@code java.nio.file} that takes a path looks the name up again: between two such
 * calls, whoever can write the directory can swap the name for a symlink or a hard link to a file
 * of their choice (the attack of issue #13: root chmod-ed a file the attacker chose). The JDK's
 * NOFOLLOW attribute views and {@code SecureDirectoryStream} do open the name with
 * {@code O_NOFOLLOW} before {@code fchmod}, but they open the <em>name</em> again: a hard link
 * passes. What does act on the open file is {@code /proc/self/fd/N}: the kernel resolves that
 * "magic link" to the file behind descriptor N, not to a name, so {@code chmod}, {@code chown} and
 * {@code stat} through it are {@code fchmod}, {@code fchown} and {@code fstat}. Its number N is
 * found by matching device and inode: for a file this process just created with
 * {@code O_CREAT|O_EXCL|O_NOFOLLOW} (which never opens an existing file or follows a symlink), the
 * name's inode is looked up right after the open, and only a descriptor on exactly that inode that
 * is still a fresh file (regular, one link, empty, owned by this process's user) is accepted; if
 * the name was swapped in between, no descriptor of ours has the attacker's inode and the write
 * stops. No JDK-internal class, no {@code --add-opens}; Linux (and /proc) only, like pftls.
 */
final class OpenedFile implements Closeable {
    private static final Path DESCRIPTORS = Path.of("/proc/self/fd");
    private static final String STAT = "unix:dev,ino,mode,uid,gid,nlink,size";
    private static final int FILE_TYPE = 0170000;
    private static final int REGULAR = 0100000;

    /**
     * Device and inode: what a name must still point to. (Compared with {@link #same}, not a
     * record's equals: that bootstraps ObjectMethods through invokedynamic, whose method handle
     * classes are spun at run time, not archived, a few milliseconds at every start.)
     */
    record Identity(long dev, long ino) {
        boolean same(Identity other) {
            return other != null && dev == other.dev && ino == other.ino;
        }
    }

    /** What fstat says about the open file. */
    record Status(Identity identity, int mode, int uid, int gid, int links, long size) {
        boolean regular() {
            return (mode & FILE_TYPE) == REGULAR;
        }

        /** Permission bits only, e.g. 0644. */
        int permissions() {
            return mode & 07777;
        }
    }

    private final FileChannel channel;
    private final Path name;
    private final Path handle;
    private final Identity identity;

    private OpenedFile(FileChannel channel, Path name, Path handle, Identity identity) {
        this.channel = channel;
        this.name = name;
        this.handle = handle;
        this.identity = identity;
    }

    /**
     * Creates {@code name} (O_CREAT|O_EXCL|O_NOFOLLOW, so never an existing file nor through a
     * symlink) for writing, born with {@code mode} (minus the umask, which only removes bits).
     */
    static OpenedFile createNew(Path name, int mode, int euid) throws IOException {
        FileChannel ch = FileChannel.open(name, Set.<OpenOption>of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(
                PosixModes.fromMode(mode)));
        try {
            Identity named = identityOf(name);
            Path handle = find(named);
            Status s = handle == null ? null : stat(handle);
            if (s == null || !s.regular() || s.links() != 1 || s.size() != 0 || s.uid() != euid) {
                throw swapped(name);
            }
            return new OpenedFile(ch, name, handle, named);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Opens an existing regular file for appending, never through a symlink (O_NOFOLLOW) and never
     * a FIFO or device (refused before the open, which could hang on a FIFO); the open file must
     * be a regular file with no other hard link.
     */
    static OpenedFile openForAppend(Path name) throws IOException {
        Map<String, Object> before = Files.readAttributes(name, STAT, LinkOption.NOFOLLOW_LINKS);
        if ((((Integer) before.get("mode")) & FILE_TYPE) != REGULAR) {
            throw new FileSystemException(name.toString(), null, "not a regular file; pftls writes only to its own"
                    + " regular files: move it aside");
        }
        FileChannel ch = FileChannel.open(name, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS);
        try {
            Identity named = identityOf(name);
            Path handle = find(named);
            Status s = handle == null ? null : stat(handle);
            if (s == null || !s.regular()) {
                throw swapped(name);
            }
            if (s.links() != 1) {
                throw new FileSystemException(name.toString(), null, "it has " + s.links() + " hard links; pftls"
                        + " writes only to a file of its own: move it aside");
            }
            return new OpenedFile(ch, name, handle, named);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    FileChannel channel() {
        return channel;
    }

    Path name() {
        return name;
    }

    /** fstat of the open file. */
    Status status() throws IOException {
        return stat(handle);
    }

    /**
     * fchown, then fchmod (chown may clear set-id bits), each only when it changes something; -1
     * keeps the owner or group.
     */
    void setOwnerAndMode(int uid, int gid, int mode) throws IOException {
        Status s = status();
        int wanted = mode;
        if ((uid >= 0 && uid != s.uid()) || (gid >= 0 && gid != s.gid())) {
            if (uid >= 0 && uid != s.uid()) {
                Files.setAttribute(handle, "unix:uid", uid);
            }
            if (gid >= 0 && gid != s.gid()) {
                try {
                    Files.setAttribute(handle, "unix:gid", gid);
                } catch (FileSystemException notAMember) {
                    if (s.uid() == 0) {
                        throw notAMember;
                    }
                    // Not root and not in that group (a test or demo run on files root made):
                    // the file keeps this user's group, which gets none of the group's rights.
                    wanted = mode & ~070;
                }
            }
            s = status();
        }
        if (s.permissions() != wanted) {
            Files.setAttribute(handle, "unix:mode", wanted);
        }
    }

    /** True while {@code path} names this very file (lstat: a symlink there is not it). */
    boolean isNamedBy(Path path) {
        try {
            return identity.same(identityOf(path));
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails unless {@code path} names this very file. */
    void checkNamedBy(Path path) throws IOException {
        if (!isNamedBy(path)) {
            throw swapped(path);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static Identity identityOf(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino", LinkOption.NOFOLLOW_LINKS);
        return new Identity((Long) a.get("dev"), (Long) a.get("ino"));
    }

    private static Status stat(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, STAT);
        return new Status(new Identity((Long) a.get("dev"), (Long) a.get("ino")), (Integer) a.get("mode"),
                (Integer) a.get("uid"), (Integer) a.get("gid"), (Integer) a.get("nlink"), (Long) a.get("size"));
    }

    /** The /proc/self/fd entry of an open regular file with that identity, or null. */
    private static Path find(Identity wanted) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(DESCRIPTORS)) {
            for (Path entry : entries) {
                try {
                    Map<String, Object> a = Files.readAttributes(entry, "unix:dev,ino,mode");
                    if ((((Integer) a.get("mode")) & FILE_TYPE) == REGULAR && wanted.dev() == (Long) a.get("dev")
                            && wanted.ino() == (Long) a.get("ino")) {
                        return entry;
                    }
                } catch (IOException closedMeanwhile) {
                    // another thread's descriptor, gone: not ours
                }
            }
        } catch (IOException e) {
            throw new FileSystemException(DESCRIPTORS.toString(), null, "cannot read it (" + e.getMessage()
                    + "); pftls sets modes and owners on the open file through /proc: mount /proc");
        }
        return null;
    }

    private static FileSystemException swapped(Path path) {
        return new FileSystemException(path.toString(), null, "it was replaced by another file while pftls was"
                + " writing it; someone else can write to " + path.toAbsolutePath().getParent()
                + " (make it writable by root only: chmod go-w)");
    }
}
