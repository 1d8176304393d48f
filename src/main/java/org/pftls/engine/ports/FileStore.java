package org.pftls.engine.ports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The file operations the engine needs, and nothing else. The real adapter works on the host's
 * file system; it makes every write crash-safe: a new file appears under its final name only
 * complete and with its final mode, and a replaced file is swapped in by one rename.
 */
public interface FileStore {

    /** Identity and version of a file, to notice a change made by someone else. */
    record Stamp(Object fileKey, long size, long modifiedNanos) { }

    /** What a review screen shows about a file: mode as octal digits, owner and group names. */
    record Info(String mode, String owner, String group, long size, boolean regularFile) {
        /** True when group or others may read (or write, or execute) the file. */
        public boolean accessibleByOthers() {
            return mode.length() >= 3 && (mode.charAt(mode.length() - 1) != '0' || mode.charAt(mode.length() - 2) != '0');
        }
    }

    boolean exists(Path path);

    boolean isDirectory(Path path);

    boolean isRegularFile(Path path);

    boolean isReadable(Path path);

    /**
     * The content of a regular file (symlinks followed), at most {@link #READ_LIMIT} bytes. A
     * FIFO, device, socket or directory is refused before it is opened (so reading never hangs),
     * a larger file with {@link TooLargeException}.
     */
    byte[] read(Path path) throws IOException;

    /** The most {@link #read(Path)} reads: main.cf, backups and the history are far smaller. */
    long READ_LIMIT = 4L << 20;

    /** The most pftls reads from a key or certificate file (a whole CA bundle is about 200 KB). */
    long PEM_LIMIT = 1L << 20;

    /** {@link #read(Path)} with a smaller bound, e.g. for a key or certificate file. */
    default byte[] read(Path path, long limit) throws IOException {
        byte[] content = read(path);
        if (content.length > limit) {
            throw new TooLargeException(path, limit);
        }
        return content;
    }

    /** A file was larger than the most pftls reads from it; the message names the limit. */
    final class TooLargeException extends FileSystemException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        public TooLargeException(Path path, long limit) {
            super(path.toString(), null, "larger than " + describe(limit) + ", the most pftls reads from such a file");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }

        /** e.g. "1 MiB", "64 KiB", "100 bytes". */
        public static String describe(long bytes) {
            if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
                return (bytes >> 20) + " MiB";
            }
            if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
                return (bytes >> 10) + " KiB";
            }
            return bytes + " bytes";
        }
    }

    /** A path given where a regular file is needed is a FIFO, device, socket or directory. */
    final class NotRegularFileException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        public NotRegularFileException(Path path, String what) {
            super(path.toString(), null, what.equals("a directory") ? "Is a directory" : "not a regular file but "
                    + what);
        }
    }

    /**
     * The last {@code count} bytes of a file (fewer when it is shorter), without reading the rest:
     * the history only needs to know whether its last line is complete.
     */
    default byte[] readTail(Path path, int count) throws IOException {
        byte[] all = read(path);
        return Arrays.copyOfRange(all, Math.max(0, all.length - count), all.length);
    }

    /**
     * How to tell who else than root (and the user running pftls) can change what {@code path}
     * names: the first file, symlink or directory on the way to it (symlinks followed as the
     * kernel follows them) that is owned by another user or writable by group or others; a
     * directory above with the sticky bit (such as /tmp) is fine. Empty when nobody else can, or
     * when the path does not exist. The default says nobody: only a real file system can tell.
     */
    default Optional<Exposure> exposure(Path path) throws IOException {
        return Optional.empty();
    }

    /** What {@link #exposure} found: where, how, and the file's owner, group and mode. */
    record Exposure(Path path, Problem problem, String owner, String group, String mode) {
        /** Why someone else can change it. */
        public enum Problem {
            /** Owned by a user other than root (and the user running pftls). */
            OWNER,
            /** Writable by its group. */
            GROUP_WRITABLE,
            /** Writable by others. */
            OTHERS_WRITABLE
        }
    }

    /**
     * The character set of file names: the bytes a path has on disk (and in main.cf, where
     * Postfix reads them as bytes) are its characters in this set. UTF-8 unless the adapter
     * knows better (the JVM's own file name encoding).
     */
    default Charset nameCharset() {
        return StandardCharsets.UTF_8;
    }

    Stamp stamp(Path path) throws IOException;

    Info info(Path path) throws IOException;

    List<Path> list(Path directory) throws IOException;

    /**
     * Creates {@code target} with {@code content} and the given octal {@code mode} (e.g. 0600),
     * failing if it exists. The content is written to a temporary file that is created with the
     * final mode before its first byte, synced, and then linked to the final name, so the final
     * name never shows a partial file and a private key is never readable by others.
     */
    void createNew(Path target, byte[] content, int mode) throws IOException;

    /**
     * Replaces {@code target} with {@code content} in one rename, after fsync, keeping the file's
     * owner, group and mode; the directory is synced after the rename.
     */
    void replace(Path target, byte[] content) throws IOException;

    /** {@link #replaceIfUnchanged} found the file changed: nothing was replaced. */
    final class ChangedMeanwhileException extends IOException {
        private static final long serialVersionUID = 1L;

        public ChangedMeanwhileException(Path path) {
            super(path + " was changed meanwhile");
        }
    }

    /**
     * {@link #replace}, but only if {@code target} still holds {@code expected}, checked as late as
     * possible (after the new content is written and synced, right before the rename); throws
     * {@link ChangedMeanwhileException} otherwise, leaving the file alone. POSIX has no
     * compare-and-rename, so this narrows the window to microseconds rather than closing it.
     */
    default void replaceIfUnchanged(Path target, byte[] expected, byte[] content) throws IOException {
        if (!Arrays.equals(read(target), expected)) {
            throw new ChangedMeanwhileException(target);
        }
        replace(target, content);
    }

    /** Deletes the file if it exists. */
    void delete(Path path) throws IOException;

    /**
     * Fails with the reason (e.g. "Permission denied", "Read-only file system") when this process
     * may not write {@code path} (a file, or a directory to create files in); changes nothing.
     * The default says yes: only a real file system can answer.
     */
    default void checkWritable(Path path) throws IOException {
        if (!exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
    }

    /**
     * Like {@link #createNew}, but the new file gets the owner, group and mode of {@code model}
     * (for a backup of main.cf). The content is complete and synced before the final name appears.
     * The default creates it with mode 0600, the safe choice when ownership cannot be copied.
     */
    default void createNewLike(Path target, byte[] content, Path model) throws IOException {
        createNew(target, content, 0600);
    }

    /**
     * Appends {@code bytes} to {@code file} and syncs it; creates the file (with the owner, group
     * and mode of {@code model}) when it does not exist.
     */
    default void append(Path file, byte[] bytes, Path model) throws IOException {
        if (!exists(file)) {
            createNewLike(file, bytes, model);
            return;
        }
        byte[] old = read(file);
        byte[] all = Arrays.copyOf(old, old.length + bytes.length);
        System.arraycopy(bytes, 0, all, old.length, bytes.length);
        replace(file, all);
    }

    /** Cuts {@code file} back to {@code size} bytes and syncs it (undoes an {@link #append}). */
    default void truncate(Path file, long size) throws IOException {
        replace(file, Arrays.copyOf(read(file), Math.toIntExact(size)));
    }

    /**
     * Removes temporary files that an interrupted write left in {@code directory} (never a file
     * under a final name), if they were last modified before {@code olderThan}; returns them.
     */
    default List<Path> removeStaleTemporaries(Path directory, Instant olderThan) throws IOException {
        return List.of();
    }
}
