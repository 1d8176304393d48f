package org.pftls.adapters;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import org.pftls.engine.ports.FileStore.Exposure;
import org.pftls.engine.ports.FileStore.Exposure.Problem;

/**
 * Who besides root can change what a path names. The path is walked component by component as
 * the kernel resolves it (symlinks followed wherever they point, {@code ..} after them), and every
 * directory, symlink and the file at the end must be
 * <ul>
 *   <li>owned by root, or by the user running pftls (a test, or the demo sandbox, run as a normal
 *       user on directories of their own), and</li>
 *   <li>not writable by group or others, as {@code postfix check} requires of the configuration
 *       directory and main.cf (whatever the group: pftls runs as root and a member of that group is
 *       not). Directories <em>above</em> the last component may be writable by all when they have
 *       the sticky bit, like /tmp: there, nobody can rename or remove an entry owned by another
 *       user, and the entry below must be owned by root or the user anyway.</li>
 * </ul>
 * A symlink's own mode means nothing, but its owner does: in a sticky directory its owner can
 * replace it. ACLs granting write to a user or group show up in the group bits (the ACL mask).
 */
final class PathOwnership {
    private static final int MAX_LINKS = 40;
    private static final int FILE_TYPE = 0170000;
    private static final int DIRECTORY = 0040000;
    private static final int SYMLINK = 0120000;
    private static final int STICKY = 01000;

    private final int euid;

    PathOwnership(int euid) {
        this.euid = euid;
    }

    /** The effective user id of this process: the owner of /proc/self (0 when /proc cannot tell). */
    static int effectiveUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    Optional<Exposure> exposure(Path path) throws IOException {
        Deque<String> todo = new ArrayDeque<>();
        push(todo, path.toAbsolutePath());
        Path current = path.toAbsolutePath().getRoot();
        Optional<Exposure> found = check(current, attributes(current), false);
        int links = 0;
        while (found.isEmpty() && !todo.isEmpty()) {
            String name = todo.pop();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                current = current.getParent() == null ? current : current.getParent();
                continue;
            }
            Path next = current.resolve(name);
            Map<String, Object> a;
            try {
                a = attributes(next);
            } catch (NoSuchFileException | NotDirectoryException e) {
                return Optional.empty(); // nothing there: the caller says what is missing
            }
            int type = (Integer) a.get("mode") & FILE_TYPE;
            if (type == SYMLINK) {
                found = check(next, a, true);
                if (++links > MAX_LINKS) {
                    throw new FileSystemException(path.toString(), null, "Too many levels of symbolic links");
                }
                Path target = Files.readSymbolicLink(next);
                push(todo, target);
                if (target.isAbsolute()) {
                    current = target.getRoot();
                    if (found.isEmpty()) {
                        found = checkQuietly(current);
                    }
                }
                continue;
            }
            boolean last = todo.isEmpty();
            if (type != DIRECTORY && !last) {
                return Optional.empty(); // ENOTDIR: nothing to change through it
            }
            found = check(next, a, !last);
            current = next;
        }
        return found;
    }

    private Optional<Exposure> checkQuietly(Path root) {
        try {
            return check(root, attributes(root), false);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void push(Deque<String> todo, Path path) {
        for (int i = path.getNameCount() - 1; i >= 0; i--) {
            todo.push(path.getName(i).toString());
        }
    }

    private static Map<String, Object> attributes(Path p) throws IOException {
        return Files.readAttributes(p, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * @param above true for a directory above the last component (where the sticky bit makes
     *              writable-by-all safe), and for symlinks (whose mode bits mean nothing)
     */
    private Optional<Exposure> check(Path p, Map<String, Object> a, boolean above) throws IOException {
        int mode = (Integer) a.get("mode");
        int uid = (Integer) a.get("uid");
        if (uid != 0 && uid != euid) {
            return Optional.of(exposure(p, Problem.OWNER, mode));
        }
        boolean symlink = (mode & FILE_TYPE) == SYMLINK;
        boolean stickyDirectory = (mode & FILE_TYPE) == DIRECTORY && (mode & STICKY) != 0;
        if (symlink || (above && stickyDirectory)) {
            return Optional.empty();
        }
        if ((mode & 002) != 0) {
            return Optional.of(exposure(p, Problem.OTHERS_WRITABLE, mode));
        }
        if ((mode & 020) != 0) {
            return Optional.of(exposure(p, Problem.GROUP_WRITABLE, mode));
        }
        return Optional.empty();
    }

    private static Exposure exposure(Path p, Problem problem, int mode) throws IOException {
        PosixFileAttributes names = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new Exposure(p, problem, names.owner().getName(), names.group().getName(),
                String.format("%04o", mode & 07777));
    }
}
