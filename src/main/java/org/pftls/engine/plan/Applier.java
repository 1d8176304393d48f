package org.pftls.engine.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.ports.FileStore;

/**
 * Makes a {@link Plan} so. All or nothing: new files appear complete under their final names,
 * main.cf is replaced by one rename, and if anything fails the files this run created are
 * removed again and main.cf is left as it was.
 */
public final class Applier {
    private final FileStore files;

    public Applier(FileStore files) {
        this.files = files;
    }

    /** Applies the plan; returns the paths created. */
    public List<Path> apply(Plan plan) throws PftlsException {
        if (plan.mainCf().isPresent()) {
            checkUnchanged(plan.mainCf().get());
        }
        List<Path> created = new ArrayList<>();
        try {
            for (NewFile f : plan.files()) {
                try {
                    files.createNew(f.path(), f.content(), f.mode());
                } catch (IOException e) {
                    throw new PftlsException(Kind.IO, "cannot create " + f.role().label() + " file " + f.path() + ": "
                            + IoMessages.reason(e) + fixFor(e, f.path()), e);
                }
                created.add(f.path());
            }
            if (plan.mainCf().isPresent()) {
                MainCfChange change = plan.mainCf().get();
                checkUnchanged(change);
                try {
                    files.replace(change.path(), change.after());
                } catch (IOException e) {
                    throw new PftlsException(Kind.IO, "cannot update " + change.path() + ": " + IoMessages.reason(e)
                            + "; main.cf is unchanged" + fixFor(e, change.path()), e);
                }
            }
            return List.copyOf(created);
        } catch (PftlsException e) {
            for (Path p : created) {
                try {
                    files.delete(p);
                } catch (IOException ignored) {
                    // best effort: the file is new and referenced nowhere
                }
            }
            throw e;
        }
    }

    private void checkUnchanged(MainCfChange change) throws PftlsException {
        byte[] now;
        try {
            now = files.read(change.path());
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot read " + change.path() + ": " + IoMessages.reason(e), e);
        }
        if (!Arrays.equals(now, change.before())) {
            throw new PftlsException(Kind.CONFLICT, change.path() + " was changed by someone else while pftls was"
                    + " working; nothing was changed: run pftls again to start from the new file");
        }
    }

    private static String fixFor(IOException e, Path path) {
        String reason = IoMessages.reason(e);
        if (reason.contains("No space left")) {
            return "; free some space on the file system of " + path.getParent() + " and run again";
        }
        if (reason.contains("Permission denied") || reason.contains("Read-only")) {
            return "; run pftls as root, or make " + path.getParent() + " writable";
        }
        return "";
    }
}
