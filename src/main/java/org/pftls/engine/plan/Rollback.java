package org.pftls.engine.plan;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.config.MainCf;
import org.pftls.engine.config.MainCfEditor;
import org.pftls.engine.config.MainCfText;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.tls.Instance;

/**
 * Works out {@code pftls rollback}: which backup to restore (by default the one taken before the
 * newest change pftls made that is in effect; or one named with {@code --to}), whether main.cf
 * was changed outside pftls since (that change would be lost), and which key and certificate
 * files the restored main.cf no longer uses. It reads only; nothing is written until the plan is
 * applied by the {@link Applier}, which backs up the current main.cf and records the rollback.
 * main.cf itself need not be valid (restoring a good version is how one repairs it), but the
 * backup must be.
 */
public final class Rollback {
    /** How times are shown in messages. */
    public static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final FileStore files;
    private final Path configDirectory;

    public Rollback(FileStore files, Path configDirectory) {
        this.files = files;
        this.configDirectory = configDirectory;
    }

    /** Plans the rollback to the backup named {@code to}, or to the previous main.cf. */
    public RollbackPlan plan(Optional<String> to) throws PftlsException {
        if (!files.isDirectory(configDirectory)) {
            throw Instance.missingDirectory(configDirectory);
        }
        History history = new History(files, configDirectory);
        History.Log log = history.read();
        Path mainCf = configDirectory.resolve("main.cf");
        if (!files.exists(mainCf)) {
            throw missingMainCf(mainCf, log);
        }
        byte[] current;
        FileStore.Stamp stamp;
        try {
            stamp = files.stamp(mainCf);
            current = files.read(mainCf);
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot read " + mainCf + ": " + IoMessages.reason(e)
                    + "; run pftls as root (or as the owner of main.cf)", e);
        }
        List<History.Change> changes = history.changes(log, current);
        Optional<History.Change> last = changes.stream()
                .filter(c -> c.entry().changedMainCf() && c.state() != History.State.NOT_APPLIED).findFirst();

        Path backup;
        Optional<HistoryEntry> undone;
        if (to.isPresent()) {
            backup = namedBackup(to.get());
            String name = backup.getFileName().toString();
            undone = changes.stream().map(History.Change::entry)
                    .filter(e -> e.changedMainCf() && e.backup().equals(name)).findFirst();
        } else {
            if (last.isEmpty()) {
                throw new PftlsException(Kind.INPUT, "nothing to roll back: pftls has made no change to " + mainCf
                        + " that is in effect (see pftls history); restore a backup with --to NAME");
            }
            HistoryEntry e = last.get().entry();
            backup = configDirectory.resolve(e.backup());
            if (!last.get().backupPresent()) {
                throw new PftlsException(Kind.IO, "the backup " + backup + " taken before " + e.operation() + " on "
                        + WHEN.format(e.time()) + " is missing; restore another one with pftls rollback --to NAME"
                        + " (see pftls history)");
            }
            undone = Optional.of(e);
        }
        byte[] restored;
        try {
            restored = files.read(backup);
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot read the backup " + backup + ": " + IoMessages.reason(e)
                    + "; run pftls as root (or as the owner of main.cf)", e);
        }
        if (to.isEmpty() && !ContentHash.of(restored).equals(undone.get().before())) {
            throw new PftlsException(Kind.CONFLICT, "the backup " + backup + " was changed after pftls made it (its"
                    + " SHA-256 differs from the history); check it, then restore it anyway with: pftls rollback --to "
                    + backup.getFileName());
        }
        MainCf.parse(restored, backup.toString()); // a backup Postfix would reject is refused

        boolean changedOutside = last.isPresent() && !ContentHash.of(current).equals(last.get().entry().after());
        Optional<byte[]> pftlsVersion = changedOutside ? reconstruct(last.get().entry()) : Optional.empty();
        List<Path> kept = kept(current, restored, undone);

        boolean same = Arrays.equals(current, restored);
        Optional<MainCfChange> change = same ? Optional.empty()
                : Optional.of(new MainCfChange(mainCf, stamp, current, restored, List.of(), List.of()));
        List<String> warnings = new ArrayList<>();
        if (changedOutside) {
            warnings.add(mainCf + " was changed outside pftls after pftls's last change ("
                    + last.get().entry().operation() + " on " + WHEN.format(last.get().entry().time())
                    + "); rolling back discards that change too (the current main.cf is backed up first)");
        }
        List<String> messages = new ArrayList<>();
        if (same) {
            messages.add(mainCf + " already has the content of " + backup + "; nothing to do");
        } else {
            messages.add("Restored " + mainCf + " from " + backup
                    + undone.map(e -> ", the version before " + e.operation() + " on " + WHEN.format(e.time()))
                    .orElse("") + ".");
            messages.add("Run the command:");
            messages.add("  # postfix reload");
            messages.add("if you want the restored settings to take effect immediately.");
            messages.add("To undo this rollback, run: pftls rollback");
        }
        if (!kept.isEmpty()) {
            messages.add("Kept (rollback never deletes keys or certificates; the restored main.cf does not use them,"
                    + " delete them by hand when no longer needed): " + String.join(" ",
                    kept.stream().map(Path::toString).toList()));
        }
        List<String> command = List.of("pftls", "-c", configDirectory.toString(), "rollback", "--to",
                backup.getFileName().toString());
        Plan plan = new Plan("rollback", List.of(), change, warnings, messages, command);
        return new RollbackPlan(plan, backup, undone, changedOutside, pftlsVersion, kept);
    }

    private Path namedBackup(String name) throws PftlsException {
        Path p = configDirectory.resolve(name).normalize();
        if (!configDirectory.equals(p.getParent()) || !Backups.isBackupName(p.getFileName().toString())
                || !files.isRegularFile(p)) {
            throw new PftlsException(Kind.INPUT, "no backup " + name.replaceAll("\\p{Cntrl}", "?") + " in "
                    + configDirectory + "; name one that pftls history lists (" + Backups.PREFIX + "YYYYMMDD-HHMMSS)");
        }
        return p;
    }

    private PftlsException missingMainCf(Path mainCf, History.Log log) {
        Optional<HistoryEntry> newest = log.entries().stream().filter(HistoryEntry::changedMainCf)
                .reduce((a, b) -> b);
        if (newest.isPresent()) {
            Path b = configDirectory.resolve(newest.get().backup());
            return new PftlsException(Kind.CONFIG, mainCf + " is missing; restore it by hand from the newest backup"
                    + " if that is what you want: cp -p " + b + " " + mainCf);
        }
        return Instance.missingDirectory(configDirectory);
    }

    /** The main.cf pftls wrote in {@code e}, recomputed and checked against its SHA-256. */
    private Optional<byte[]> reconstruct(HistoryEntry e) {
        try {
            Path b = configDirectory.resolve(e.backup());
            if (files.isRegularFile(b) && !e.settings().isEmpty()) {
                List<Map.Entry<String, String>> set = e.settings().stream()
                        .map(s -> Map.entry(s.name(), s.value())).toList();
                byte[] again = MainCfEditor.set(files.read(b), set, b.toString()).after();
                if (ContentHash.of(again).equals(e.after())) {
                    return Optional.of(again);
                }
            }
            for (Path p : files.list(configDirectory)) {
                if (Backups.isBackupName(p.getFileName().toString()) && files.isRegularFile(p)) {
                    byte[] bytes = files.read(p);
                    if (ContentHash.of(bytes).equals(e.after())) {
                        return Optional.of(bytes);
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // cannot show the outside change exactly; the full diff is still shown
        }
        return Optional.empty();
    }

    /** Existing files the current main.cf or the undone change use and the restored main.cf does not. */
    private List<Path> kept(byte[] current, byte[] restored, Optional<HistoryEntry> undone) {
        Set<String> restoredPaths = paths(restored);
        Set<String> candidates = new TreeSet<>(paths(current));
        undone.ifPresent(e -> e.created().forEach(p -> candidates.add(mainCfForm(p))));
        List<Path> kept = new ArrayList<>();
        for (String c : candidates) {
            if (restoredPaths.contains(c)) {
                continue;
            }
            try {
                Path p = Path.of(MainCfText.toText(c, files.nameCharset()));
                if (files.isRegularFile(p)) {
                    kept.add(p);
                }
            } catch (CharacterCodingException | InvalidPathException notAFileName) {
                // not a name this system can open: nothing to keep
            }
        }
        return kept;
    }

    /** A path as main.cf would hold it (its bytes, one char each). */
    private String mainCfForm(Path p) {
        try {
            return MainCfText.fromText(p.toString(), files.nameCharset());
        } catch (CharacterCodingException e) {
            return p.toString();
        }
    }

    /** Absolute paths named in the values of main.cf's *_file and *_files parameters. */
    private static Set<String> paths(byte[] mainCf) {
        Set<String> out = new TreeSet<>();
        try {
            for (Map.Entry<String, String> e : MainCf.parse(mainCf, "main.cf").values().entrySet()) {
                if (e.getKey().endsWith("_file") || e.getKey().endsWith("_files")) {
                    for (String word : e.getValue().split("[\\s,]+")) {
                        if (word.startsWith("/")) {
                            out.add(word);
                        }
                    }
                }
            }
        } catch (PftlsException unparsable) {
            // a main.cf Postfix rejects names no files we could trust
        }
        return out;
    }
}
