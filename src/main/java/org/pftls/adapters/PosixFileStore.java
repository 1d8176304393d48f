package org.pftls.adapters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pftls.engine.ports.Checkpoints;
import org.pftls.engine.ports.FileStore;

/**
 * {@link FileStore} on the host's POSIX file system. Every write goes to a temporary file in the
 * target's directory ({@code .NAME.pftls-RANDOM.tmp}), created with {@code O_CREAT|O_EXCL|O_NOFOLLOW}
 * and its final mode (or 0600) before its first byte, synced before it gets its final name; the
 * directory is synced after. Modes and owners are set on the open file, never by name
 * ({@link OpenedFile}), and the temporary file must still be the file written right before it is
 * linked or renamed into place, and the final name that very file right after. Nothing is written
 * through a symlink: main.cf itself, when it is one, is replaced by a file (as {@code postconf -e}
 * does), the history is appended to with {@code O_NOFOLLOW}. Reads are of regular files only,
 * checked before the open, and bounded. The write path reports named {@link Checkpoints} for the
 * crash test.
 */
public final class PosixFileStore implements FileStore {
    /** Bytes per write call: a file larger than this is written in several steps. */
    private static final int CHUNK = 4096;
    /** The names {@link #writeTemp} gives temporary files. */
    /** How many random temporary names to try before giving up. */
    private static final int TEMP_ATTEMPTS = 16;
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.pftls-[0-9a-f]{12}\\.tmp");

    private final SecureRandom random;
    private final Checkpoints checkpoints;
    /** The effective uid, read once when first needed (the owner a new file gets). */
    private int euid = -1;

    public PosixFileStore(SecureRandom random) {
        this(random, Checkpoints.NONE);
    }

    public PosixFileStore(SecureRandom random, Checkpoints checkpoints) {
        this.random = random;
        this.checkpoints = checkpoints;
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public boolean isRegularFile(Path path) {
        return Files.isRegularFile(path);
    }

    @Override
    public boolean isReadable(Path path) {
        return Files.isReadable(path);
    }

    @Override
    public byte[] read(Path path) throws IOException {
        return read(path, READ_LIMIT);
    }

    /**
     * Regular files only, checked before the open, and at most {@code limit} bytes (see
     * {@link BoundedReads}).
     */
    @Override
    public byte[] read(Path path, long limit) throws IOException {
        return BoundedReads.read(path, limit);
    }

    @Override
    public byte[] readTail(Path path, int count) throws IOException {
        return BoundedReads.tail(path, count);
    }

    @Override
    public Optional<Exposure> exposure(Path path) throws IOException {
        return new PathOwnership(euid()).exposure(path);
    }

    /**
     * The JVM's encoding of file names ({@code sun.jnu.encoding}, from the locale at start-up;
     * the launcher makes it UTF-8 where the locale says C or POSIX).
     */
    @Override
    public Charset nameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private int euid() {
        if (euid < 0) {
            euid = PathOwnership.effectiveUid();
        }
        return euid;
    }

    @Override
    public Stamp stamp(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                + a.lastModifiedTime().toInstant().getNano());
    }

    @Override
    public Info info(Path path) throws IOException {
        PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class);
        return new Info(String.format("%04o", PosixModes.toMode(a.permissions())), a.owner().getName(), a.group().getName(),
                a.size(), a.isRegularFile());
    }

    @Override
    public List<Path> list(Path directory) throws IOException {
        try (Stream<Path> s = Files.list(directory)) {
            return s.sorted().toList();
        }
    }

    @Override
    public void checkWritable(Path path) throws IOException {
        // access(2): "Permission denied", or "Read-only file system" even for root.
        path.getFileSystem().provider().checkAccess(path, AccessMode.WRITE);
    }

    @Override
    public void createNew(Path target, byte[] content, int mode) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        refuseExisting(target);
        try (OpenedFile temp = writeTemp("create", dir, target.getFileName().toString(), content, mode)) {
            linkInPlace("create", temp, target, dir);
        }
    }

    @Override
    public void createNewLike(Path target, byte[] content, Path model) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        refuseExisting(target);
        FileOwner like = FileOwner.of(model);
        // Private until complete; the model's owner and mode only then, on the open file.
        try (OpenedFile temp = writeTemp("copy", dir, target.getFileName().toString(), content, 0600)) {
            try {
                temp.setOwnerAndMode(like.uid(), like.gid(), like.mode());
            } catch (IOException e) {
                Files.deleteIfExists(temp.name());
                throw e;
            }
            checkpoints.reached("copy-mode-set");
            linkInPlace("copy", temp, target, dir);
        }
    }

    /**
     * Appends through {@code O_APPEND|O_NOFOLLOW} to a regular file with no other hard link
     * (checked on the open file): never through a symlink, never into a FIFO.
     */
    @Override
    public void append(Path file, byte[] bytes, Path model) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                createNewLike(file, bytes, model);
                return;
            } catch (FileAlreadyExistsException raced) {
                // someone created it meanwhile: append to theirs
            }
        }
        try (OpenedFile opened = OpenedFile.openForAppend(file)) {
            checkpoints.reached("append-opened");
            writeAll(opened.channel(), bytes, "append-partial");
            checkpoints.reached("append-written");
            opened.channel().force(true);
        }
        checkpoints.reached("append-done");
    }

    /** Cuts back with the same checks as {@link #append}: never through a symlink. */
    @Override
    public void truncate(Path file, long size) throws IOException {
        try (OpenedFile opened = OpenedFile.openForAppend(file)) {
            opened.channel().truncate(size);
            opened.channel().force(true);
        }
    }

    @Override
    public List<Path> removeStaleTemporaries(Path directory, Instant olderThan) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Path p : list(directory)) {
            if (TEMP_NAME.matcher(p.getFileName().toString()).matches()
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(olderThan)) {
                Files.deleteIfExists(p);
                removed.add(p);
            }
        }
        if (!removed.isEmpty()) {
            PosixModes.syncDirectory(directory);
        }
        return removed;
    }

    @Override
    public void replace(Path target, byte[] content) throws IOException {
        replace(target, null, content);
    }

    @Override
    public void replaceIfUnchanged(Path target, byte[] expected, byte[] content) throws IOException {
        replace(target, expected, content);
    }

    /**
     * Writes the new content next to {@code target} (in the directory that names it, never where a
     * symlink points), gives it the owner, group and mode of the file {@code target} names (if
     * {@code target} is a symlink: of the file it points to, the file Postfix read), checks that
     * the temporary name is still the file written and that {@code target} still holds
     * {@code expected}, and renames it over {@code target}: a symlink there is replaced by the new
     * file, as {@code postconf -e} does; the file it pointed to is left as it was.
     */
    private void replace(Path target, byte[] expected, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        FileOwner old = FileOwner.of(target);
        // The temp file starts private; it only gets the old owner and mode once complete.
        try (OpenedFile temp = writeTemp("replace", dir, target.getFileName().toString(), content, 0600)) {
            try {
                temp.setOwnerAndMode(old.uid(), old.gid(), old.mode());
                checkpoints.reached("replace-mode-set");
                if (expected != null && !Arrays.equals(read(target), expected)) {
                    throw new ChangedMeanwhileException(target);
                }
                temp.checkNamedBy(temp.name());
                checkWritten(temp, content);
                try {
                    Files.move(temp.name(), target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("cannot replace " + target + " atomically: " + e.getMessage(), e);
                }
                checkpoints.reached("replace-renamed");
                if (!temp.isNamedBy(target)) {
                    throw new FileSystemException(target.toString(), null, "another file was renamed into place"
                            + " instead of the one pftls wrote: someone else can write to " + dir
                            + "; check " + target + " and make " + dir + " writable by root only (chmod go-w)");
                }
            } finally {
                if (temp.isNamedBy(temp.name())) {
                    Files.deleteIfExists(temp.name());
                }
            }
        }
        PosixModes.syncDirectory(dir);
        checkpoints.reached("replace-done");
    }

    @Override
    public void delete(Path path) throws IOException {
        Files.deleteIfExists(path);
    }

    private static void refuseExisting(Path target) throws FileAlreadyExistsException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
    }

    /**
     * Gives the complete temp file its final name without ever replacing an existing file; the
     * temporary name must still be the file written, and the final name is then checked to be it
     * (if not, the final name, new and made by this call, is removed again).
     */
    private void linkInPlace(String kind, OpenedFile temp, Path target, Path dir) throws IOException {
        try {
            temp.checkNamedBy(temp.name());
            try {
                Files.createLink(target, temp.name()); // fails if target exists: never overwrites
            } catch (FileAlreadyExistsException exists) {
                throw exists;
            } catch (UnsupportedOperationException | FileSystemException linkFailed) {
                if (!noHardLinks(linkFailed)) {
                    throw linkFailed;
                }
                // File systems without hard links: rename, after a last existence check.
                refuseExisting(target);
                Files.move(temp.name(), target, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!temp.isNamedBy(target)) {
                Files.deleteIfExists(target);
                throw new FileSystemException(target.toString(), null, "another file took the place of the one"
                        + " pftls wrote: someone else can write to " + dir + " (make it writable by root only:"
                        + " chmod go-w)");
            }
            checkpoints.reached(kind + "-linked");
        } finally {
            if (temp.isNamedBy(temp.name())) {
                Files.deleteIfExists(temp.name());
            }
        }
        PosixModes.syncDirectory(dir);
        checkpoints.reached(kind + "-done");
    }

    private static boolean noHardLinks(Exception e) {
        if (e instanceof UnsupportedOperationException) {
            return true;
        }
        String reason = ((FileSystemException) e).getReason();
        return reason != null && (reason.contains("Operation not permitted") || reason.contains("not supported"));
    }

    /**
     * A new temporary file with {@code content}, created (O_EXCL, O_NOFOLLOW) with {@code mode}
     * before its first byte, the mode set again on the open file (the umask may have removed bits),
     * written and synced; the caller links or renames it and closes it.
     */
    private OpenedFile writeTemp(String kind, Path dir, String finalName, byte[] content, int mode)
            throws IOException {
        OpenedFile opened = null;
        for (int attempt = 0; opened == null; attempt++) {
            byte[] nonce = new byte[6];
            random.nextBytes(nonce);
            Path temp = dir.resolve("." + finalName + ".pftls-" + HexFormat.of().formatHex(nonce) + ".tmp");
            try {
                opened = OpenedFile.createNew(temp, mode, euid());
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= TEMP_ATTEMPTS) {
                    throw taken; // a leftover of a killed run has this name: take another
                }
            }
        }
        try {
            opened.setOwnerAndMode(-1, -1, mode);
            checkpoints.reached(kind + "-temp-created");
            writeAll(opened.channel(), content, kind + "-temp-partial");
            checkpoints.reached(kind + "-temp-written");
            opened.channel().force(true);
            checkpoints.reached(kind + "-temp-synced");
        } catch (IOException | RuntimeException e) {
            if (opened.isNamedBy(opened.name())) {
                Files.deleteIfExists(opened.name());
            }
            opened.close();
            throw e;
        }
        return opened;
    }

    /** The open temporary file holds exactly what was written (fstat size). */
    private static void checkWritten(OpenedFile temp, byte[] content) throws IOException {
        if (temp.channel().size() != content.length) {
            throw new FileSystemException(temp.name().toString(), null, "it was changed while pftls was writing it;"
                    + " someone else can write to it");
        }
    }

    private void writeAll(FileChannel ch, byte[] content, String partialCheckpoint) throws IOException {
        for (int off = 0; off < content.length; off += CHUNK) {
            ByteBuffer buf = ByteBuffer.wrap(content, off, Math.min(CHUNK, content.length - off));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (off == 0 && content.length > CHUNK) {
                checkpoints.reached(partialCheckpoint);
            }
        }
    }
}
