package org.pftls.adapters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pftls.engine.ports.Checkpoints;
import org.pftls.engine.ports.FileStore;

/**
 * {@link FileStore} on the host's POSIX file system. Every write goes to a temporary file in the
 * target's directory ({@code .NAME.pftls-RANDOM.tmp}), created with its final mode (or 0600)
 * before its first byte and synced before it gets its final name; the directory is synced after.
 * The write path reports named {@link Checkpoints} for the crash test.
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
        return Files.readAllBytes(path);
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
        return new Info(String.format("%04o", toMode(a.permissions())), a.owner().getName(), a.group().getName(),
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
        Path temp = writeTemp("create", dir, target.getFileName().toString(), content, mode);
        linkInPlace("create", temp, target, dir);
    }

    @Override
    public void createNewLike(Path target, byte[] content, Path model) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        refuseExisting(target);
        PosixFileAttributes like = Files.readAttributes(model, PosixFileAttributes.class);
        // Private until complete; the model's owner and mode only then.
        Path temp = writeTemp("copy", dir, target.getFileName().toString(), content, 0600);
        try {
            takeOwnerAndMode(temp, like);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        checkpoints.reached("copy-mode-set");
        linkInPlace("copy", temp, target, dir);
    }

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
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            checkpoints.reached("append-opened");
            writeAll(ch, bytes, "append-partial");
            checkpoints.reached("append-written");
            ch.force(true);
        }
        checkpoints.reached("append-done");
    }

    @Override
    public void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
            ch.force(true);
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
            syncDirectory(directory);
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

    private void replace(Path target, byte[] expected, byte[] content) throws IOException {
        Path real = target.toRealPath();
        Path dir = real.getParent();
        PosixFileAttributes old = Files.readAttributes(real, PosixFileAttributes.class);
        // The temp file starts private; it only gets the old owner and mode once complete.
        Path temp = writeTemp("replace", dir, real.getFileName().toString(), content, 0600);
        try {
            takeOwnerAndMode(temp, old);
            checkpoints.reached("replace-mode-set");
            if (expected != null && !Arrays.equals(Files.readAllBytes(real), expected)) {
                throw new ChangedMeanwhileException(real);
            }
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + real + " atomically: " + e.getMessage(), e);
            }
            checkpoints.reached("replace-renamed");
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
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

    /** Gives the complete temp file its final name without ever replacing an existing file. */
    private void linkInPlace(String kind, Path temp, Path target, Path dir) throws IOException {
        try {
            try {
                Files.createLink(target, temp); // fails if target exists: never overwrites
            } catch (FileAlreadyExistsException exists) {
                throw exists;
            } catch (UnsupportedOperationException | FileSystemException linkFailed) {
                if (!noHardLinks(linkFailed)) {
                    throw linkFailed;
                }
                // File systems without hard links: rename, after a last existence check.
                refuseExisting(target);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            checkpoints.reached(kind + "-linked");
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
        checkpoints.reached(kind + "-done");
    }

    private static boolean noHardLinks(Exception e) {
        if (e instanceof UnsupportedOperationException) {
            return true;
        }
        String reason = ((FileSystemException) e).getReason();
        return reason != null && (reason.contains("Operation not permitted") || reason.contains("not supported"));
    }

    private static void takeOwnerAndMode(Path file, PosixFileAttributes like) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        PosixFileAttributes now = view.readAttributes();
        if (!like.owner().equals(now.owner())) {
            view.setOwner(like.owner());
        }
        if (!like.group().equals(now.group())) {
            view.setGroup(like.group());
        }
        Files.setPosixFilePermissions(file, like.permissions());
    }

    private Path writeTemp(String kind, Path dir, String finalName, byte[] content, int mode) throws IOException {
        // CREATE_NEW with the mode as a creation attribute: the file is born with it (then umask,
        // which can only remove bits), and we set it again explicitly before writing a byte.
        Path temp = null;
        FileChannel opened = null;
        for (int attempt = 0; opened == null; attempt++) {
            byte[] nonce = new byte[6];
            random.nextBytes(nonce);
            temp = dir.resolve("." + finalName + ".pftls-" + HexFormat.of().formatHex(nonce) + ".tmp");
            try {
                opened = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(fromMode(mode)));
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= TEMP_ATTEMPTS) {
                    throw taken; // a leftover of a killed run has this name: take another
                }
            }
        }
        try (FileChannel ch = opened) {
            Files.setPosixFilePermissions(temp, fromMode(mode));
            checkpoints.reached(kind + "-temp-created");
            writeAll(ch, content, kind + "-temp-partial");
            checkpoints.reached(kind + "-temp-written");
            ch.force(true);
            checkpoints.reached(kind + "-temp-synced");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
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

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }

    static int toMode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    static Set<PosixFilePermission> fromMode(int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                perms.add(p);
            }
        }
        return perms;
    }
}
