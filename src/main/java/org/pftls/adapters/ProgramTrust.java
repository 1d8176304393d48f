package org.pftls.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a program (or the directory holding it) can be trusted to run as root: the file and
 * every directory above it, checked without following links (the path is resolved first), must be
 * owned by root or by the user running pftls, and not writable by group or others. The exception
 * is an ancestor directory with the sticky bit ({@code /tmp}): others cannot rename or remove what
 * they do not own there.
 */
final class ProgramTrust {
    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final int STICKY = 01000;

    private final int uid;

    /** @param uid the user running pftls (root, or the owner of the files when pftls runs as a user) */
    ProgramTrust(int uid) {
        this.uid = uid;
    }

    /** The user this process runs as (the owner of {@code /proc/self}). */
    static ProgramTrust forThisProcess() {
        try {
            return new ProgramTrust((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return new ProgramTrust(0); // no /proc: trust only root's files
        }
    }

    /**
     * What makes the program directory {@code dir} (a resolved, absolute path without links)
     * untrustworthy, as a phrase naming the file and the fix, or empty when it can be trusted: it
     * and every directory above it, and each of {@code programs} in it that exists.
     */
    Optional<String> problem(Path dir, String... programs) {
        Path current = dir.getRoot();
        Optional<String> p = check(current, true);
        for (Path name : dir) {
            if (p.isPresent()) {
                return p;
            }
            current = current.resolve(name);
            p = check(current, !current.equals(dir));
        }
        for (String program : programs) {
            Path file = dir.resolve(program);
            if (p.isPresent() || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (Files.isSymbolicLink(file)) {
                // The link cannot be changed without writing to dir (checked); what it names must be safe too.
                try {
                    Path target = file.toRealPath();
                    p = problem(target.getParent());
                    if (p.isEmpty()) {
                        p = check(target, false);
                    }
                } catch (IOException e) {
                    p = Optional.of(file + " cannot be resolved (" + e.getMessage() + ")");
                }
            } else {
                p = check(file, false);
            }
        }
        return p;
    }

    /** @param ancestor whether {@code p} is above the program directory (then the sticky bit protects it) */
    private Optional<String> check(Path p, boolean ancestor) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Optional.of(p + " cannot be examined (" + e.getMessage() + ")");
        }
        int mode = (Integer) a.get("mode");
        int owner = (Integer) a.get("uid");
        if (owner != 0 && owner != uid) {
            return Optional.of(p + " is owned by another user (uid " + owner + "); it must belong to root: chown root "
                    + p);
        }
        boolean sticky = ancestor && (mode & STICKY) != 0;
        if ((mode & GROUP_OR_OTHER_WRITE) != 0 && !sticky) {
            return Optional.of(p + " is writable by group or others (mode " + String.format("%04o", mode & 07777)
                    + "); fix: chmod go-w " + p);
        }
        return Optional.empty();
    }
}
