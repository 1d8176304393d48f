package org.pftls.engine.ports;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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

    byte[] read(Path path) throws IOException;

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
