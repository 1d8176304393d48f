package org.pftls.engine.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.check.ConfigurationTrust;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.ports.Ports;

/**
 * Makes a {@link Plan} so, all or nothing as far as main.cf is concerned. In order:
 * <ol>
 *   <li>no user other than root may be able to change the configuration directory or main.cf
 *       ({@link ConfigurationTrust});</li>
 *   <li>main.cf must still be byte for byte what the plan was made from;</li>
 *   <li>the new key and certificate files are created, each complete under its final name;</li>
 *   <li>main.cf is copied to a new backup {@code main.cf.pftls-STAMP} (same owner and mode), synced;</li>
 *   <li>the change is appended to the history ({@link History}), synced;</li>
 *   <li>main.cf is checked once more, then replaced by one rename (after fsync; directory fsync).</li>
 * </ol>
 * If any step fails, what this run made is removed again (new files, backup, history line) and
 * main.cf is left as it was. If the process dies instead, main.cf is the old or the new file,
 * every file under a final name is complete, and the history tells which (see {@link History}).
 * Temporary files a killed run left behind are removed by the next run, once an hour old.
 */
public final class Applier {
    /** Temporary files older than this are leftovers of a killed run, never a live one's. */
    private static final Duration STALE = Duration.ofHours(1);

    private final Ports ports;
    private final FileStore files;

    public Applier(Ports ports) {
        this.ports = ports;
        this.files = ports.files();
    }

    /** What applying did: the files created and, when main.cf was replaced, its backup. */
    public record Receipt(List<Path> created, Optional<Path> backup) {
        public Receipt {
            created = List.copyOf(created);
        }
    }

    /** Applies the plan; returns the paths created. */
    public List<Path> apply(Plan plan) throws PftlsException {
        return execute(plan).created();
    }

    /** Applies the plan; returns the files created and the backup of main.cf. */
    public Receipt execute(Plan plan) throws PftlsException {
        Optional<MainCfChange> change = plan.mainCf();
        Optional<Path> directory = directoryOf(plan);
        if (directory.isPresent()) {
            ConfigurationTrust.require(directory.get(), files); // nothing written where others can write
        }
        if (change.isPresent()) {
            checkUnchanged(change.get());
        }
        if (directory.isEmpty()) {
            return new Receipt(List.of(), Optional.empty());
        }
        History history = new History(files, directory.get());
        try {
            history.checkAppendable(); // a history pftls could not append to stops the change now
        } catch (IOException e) {
            throw cannotRecord(history, e);
        }
        Instant now = ports.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        removeLeftovers(directory.get(), now);
        List<Path> created = new ArrayList<>();
        Path backup = null;
        History.Undo recorded = null;
        try {
            for (NewFile f : plan.files()) {
                try {
                    files.createNew(f.path(), f.content(), f.mode());
                } catch (IOException e) {
                    throw cannotCreate(f, e);
                }
                created.add(f.path());
            }
            if (change.isEmpty()) {
                recorded = record(history, entry(plan, now, created, null), modelFor(plan));
                return new Receipt(created, Optional.empty());
            }
            MainCfChange c = change.get();
            Path name = Backups.nextName(files, directory.get(), now);
            try {
                files.createNewLike(name, c.before(), c.path());
            } catch (IOException e) {
                throw cannotBackUp(c.path(), name, e);
            }
            backup = name;
            recorded = record(history, entry(plan, now, created, backup), c.path());
            checkUnchanged(c);
            replace(c);
            return new Receipt(created, Optional.of(backup));
        } catch (PftlsException | RuntimeException e) {
            undo(created, backup, recorded);
            throw e;
        }
    }

    /** Replaces main.cf; an error after the rename (which cannot be undone) counts as success. */
    private void replace(MainCfChange c) throws PftlsException {
        try {
            files.replaceIfUnchanged(c.path(), c.before(), c.after());
        } catch (FileStore.ChangedMeanwhileException e) {
            throw changedMeanwhile(c);
        } catch (IOException e) {
            try {
                if (Arrays.equals(files.read(c.path()), c.after()) && !Arrays.equals(c.before(), c.after())) {
                    return;
                }
            } catch (IOException ignored) {
                // fall through to the error
            }
            throw new PftlsException(Kind.IO, "cannot update " + c.path() + ": " + IoMessages.reason(e)
                    + "; main.cf is unchanged" + fixFor(e, c.path()), e);
        }
    }

    private History.Undo record(History history, HistoryEntry entry, Path model) throws PftlsException {
        try {
            return history.append(entry, model);
        } catch (IOException e) {
            throw cannotRecord(history, e);
        }
    }

    private static PftlsException cannotRecord(History history, IOException e) {
        return new PftlsException(Kind.IO, "cannot record the change in " + history.file() + ": "
                + IoMessages.reason(e) + "; nothing was changed" + fixFor(e, history.file()), e);
    }

    /** Removes, best effort, what this run made before main.cf was replaced. */
    private void undo(List<Path> created, Path backup, History.Undo recorded) {
        if (recorded != null) {
            try {
                new History(files, recorded.file().getParent()).undo(recorded);
            } catch (IOException ignored) {
                // the entry stays; the history shows it as not applied (main.cf is unchanged)
            }
        }
        List<Path> made = new ArrayList<>(created);
        if (backup != null) {
            made.add(backup);
        }
        for (Path p : made) {
            try {
                files.delete(p);
            } catch (IOException ignored) {
                // best effort: the file is new and referenced nowhere
            }
        }
    }

    private void removeLeftovers(Path directory, Instant now) {
        try {
            files.removeStaleTemporaries(directory, now.minus(STALE));
        } catch (IOException ignored) {
            // only tidying: the run itself does not need it
        }
    }

    private static HistoryEntry entry(Plan plan, Instant now, List<Path> created, Path backup) {
        List<HistoryEntry.Assignment> settings = new ArrayList<>();
        String backupName = "";
        String before = "";
        String after = "";
        if (plan.mainCf().isPresent() && backup != null) {
            MainCfChange c = plan.mainCf().get();
            c.settings().forEach(s -> settings.add(new HistoryEntry.Assignment(s.name(), s.newValue())));
            backupName = backup.getFileName().toString();
            before = ContentHash.of(c.before());
            after = ContentHash.of(c.after());
        }
        return new HistoryEntry(now, plan.operation(), backupName, before, after, created, settings, plan.command());
    }

    /** The configuration directory the plan writes to: main.cf's, else the new files'. */
    private static Optional<Path> directoryOf(Plan plan) {
        if (plan.mainCf().isPresent()) {
            return Optional.of(plan.mainCf().get().path().toAbsolutePath().getParent());
        }
        return plan.files().stream().findFirst().map(f -> f.path().toAbsolutePath().getParent());
    }

    /** The file whose owner and mode a new history file takes: main.cf, when there is one. */
    private Path modelFor(Plan plan) {
        Path dir = directoryOf(plan).orElseThrow();
        Path mainCf = dir.resolve("main.cf");
        return files.exists(mainCf) ? mainCf : plan.files().get(plan.files().size() - 1).path();
    }

    private void checkUnchanged(MainCfChange change) throws PftlsException {
        byte[] now;
        try {
            now = files.read(change.path());
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot read " + change.path() + ": " + IoMessages.reason(e)
                    + "; run pftls as root (or as the owner of main.cf)", e);
        }
        if (!Arrays.equals(now, change.before())) {
            throw changedMeanwhile(change);
        }
    }

    private static PftlsException changedMeanwhile(MainCfChange change) {
        return new PftlsException(Kind.CONFLICT, change.path() + " was changed by someone else while pftls was"
                + " working; nothing was changed: run pftls again to start from the new file");
    }

    static PftlsException cannotCreate(NewFile f, IOException e) {
        return new PftlsException(Kind.IO, "cannot create " + f.role().label() + " file " + f.path() + ": "
                + IoMessages.reason(e) + fixFor(e, f.path()), e);
    }

    static PftlsException cannotBackUp(Path mainCf, Path backup, IOException e) {
        return new PftlsException(Kind.IO, "cannot back up " + mainCf + " to " + backup + ": " + IoMessages.reason(e)
                + "; nothing was changed" + fixFor(e, backup), e);
    }

    static String fixFor(IOException e, Path path) {
        String reason = IoMessages.reason(e);
        if (reason.contains("No space left") || reason.contains("quota")) {
            return "; free some space on the file system of " + path.getParent() + " and run again";
        }
        if (reason.contains("Read-only file system")) {
            return "; remount " + path.getParent() + " read-write (mount -o remount,rw), or run pftls where it is"
                    + " writable";
        }
        if (reason.startsWith("not a regular file") || reason.contains("hard links")) {
            return "; move " + path + " aside (pftls writes only to regular files of its own), then run again";
        }
        if (reason.contains("Permission denied") || reason.contains("Operation not permitted")) {
            return "; run pftls as root, or make " + path.getParent() + " writable";
        }
        return "; check " + path.getParent() + " and run again";
    }
}
