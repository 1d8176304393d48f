package org.pftls.engine.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.ports.FileStore.Exposure;

/**
 * Whether a user other than root can change the Postfix configuration: the configuration
 * directory, main.cf (and the file it points to, if it is a symlink), or a directory on the way to
 * them. pftls runs as root and writes there; where someone else can rename, replace or write those
 * files, they could make root write, chmod or chown a file of their choosing, or feed Postfix a
 * configuration of theirs. So, as {@code postfix check} warns, pftls refuses to change such a
 * configuration (one line with the path, its owner, group and mode, and the fix) and {@code status}
 * lists it as a problem. Who counts as trusted, and how the path is walked: see the file store's
 * {@link FileStore#exposure}.
 */
public final class ConfigurationTrust {
    private ConfigurationTrust() {
    }

    /** Refuses (CONFIG) a configuration that someone other than root can change. */
    public static void require(Path configDirectory, FileStore files) throws PftlsException {
        List<Finding> found = findings(configDirectory, files);
        if (!found.isEmpty()) {
            throw new PftlsException(Kind.CONFIG, found.get(0).text());
        }
    }

    /** The problems, at most one for the directory and one for main.cf; empty when all is well. */
    public static List<Finding> findings(Path configDirectory, FileStore files) {
        List<Finding> out = new ArrayList<>();
        Path mainCf = configDirectory.resolve("main.cf");
        // No lambdas here: this runs in every changing command, and a lambda's class is made at run time.
        Optional<Finding> found = check(configDirectory, configDirectory, files);
        if (found.isEmpty()) {
            found = check(mainCf, configDirectory, files);
        }
        if (found.isPresent()) {
            out.add(found.get());
        }
        return out;
    }

    /**
     * Whether Postfix's own programs may be run on this configuration ({@code postlog -c DIR} for
     * the mail log): only when no user other than root can change it, and main.cf is a regular file
     * of at most {@link FileStore#READ_LIMIT} bytes. Postfix reads main.cf without a limit: a FIFO
     * there hangs postlog for ever, /dev/zero or a 100 MB file made it take gigabytes.
     */
    public static boolean postfixMayRead(Path configDirectory, FileStore files) {
        if (!findings(configDirectory, files).isEmpty()) {
            return false;
        }
        try {
            FileStore.Info mainCf = files.info(configDirectory.resolve("main.cf"));
            return mainCf.regularFile() && mainCf.size() <= FileStore.READ_LIMIT;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Finding> check(Path path, Path configDirectory, FileStore files) {
        try {
            Optional<Exposure> exposure = files.exposure(path);
            return exposure.isEmpty() ? Optional.empty() : Optional.of(finding(exposure.get(), configDirectory));
        } catch (IOException e) {
            return Optional.of(new Finding(Severity.PROBLEM, "config-unverifiable", "cannot tell who can"
                    + " change " + path + ": " + IoMessages.reason(e) + "; pftls changes no Postfix configuration"
                    + " that it cannot check: fix the path (or run pftls as root)"));
        }
    }

    static Finding finding(Exposure e, Path configDirectory) {
        String how = switch (e.problem()) {
            case OWNER -> "is owned by " + e.owner();
            case GROUP_WRITABLE -> "is writable by group " + e.group();
            case OTHERS_WRITABLE -> "is writable by others";
        };
        String code = switch (e.problem()) {
            case OWNER -> "config-not-owned-by-root";
            case GROUP_WRITABLE -> "config-writable-by-group";
            case OTHERS_WRITABLE -> "config-writable-by-others";
        };
        boolean above = configDirectory.startsWith(e.path()) && !e.path().equals(configDirectory);
        String fix = switch (e.problem()) {
            case OWNER -> "chown root " + e.path();
            case GROUP_WRITABLE, OTHERS_WRITABLE -> "chmod go-w " + e.path()
                    + (above ? " (or chmod +t " + e.path() + " if others must create files there, as in /tmp)" : "");
        };
        return new Finding(Severity.PROBLEM, code, e.path() + " " + how + " (owner " + e.owner() + ", group "
                + e.group() + ", mode " + e.mode() + "): pftls changes no Postfix configuration that a user other"
                + " than root can change, and Postfix should not read one; fix: " + fix);
    }
}
