package org.pftls.engine.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.ports.FileStore;

/**
 * The history file {@code pftls-history.log} in the configuration directory: one line per change
 * pftls made, oldest first, appended (and synced) after the backup of main.cf is complete and
 * before main.cf is replaced. Because every entry carries the SHA-256 of main.cf before and
 * after, the history can tell which changes are in effect, which were interrupted before main.cf
 * was replaced, and whether main.cf was changed outside pftls since.
 */
public final class History {
    public static final String FILE_NAME = "pftls-history.log";
    private static final String HEADER = "# pftls history of main.cf in this directory: one change per line, oldest"
            + " first. Read it with: pftls history\n";

    /** What became of a recorded change, judged from the later entries and the current main.cf. */
    public enum State {
        /** main.cf is exactly as this change left it. */
        CURRENT("main.cf is as this change left it"),
        /** A later pftls change followed it. */
        SUPERSEDED(""),
        /** main.cf was never replaced: the run was interrupted or failed after recording it. */
        NOT_APPLIED("not applied: interrupted before main.cf was replaced"),
        /** main.cf was changed by something other than pftls after this change. */
        CHANGED_AFTER("main.cf was changed outside pftls after this"),
        /** The change created files only; main.cf was not touched. */
        FILES_ONLY("");

        private final String description;

        State(String description) {
            this.description = description;
        }

        /** A short note for listings; empty when there is nothing to say. */
        public String description() {
            return description;
        }
    }

    /** A recorded change with its state and whether its backup file is still there. */
    public record Change(HistoryEntry entry, State state, boolean backupPresent) { }

    /** The readable entries, oldest first, and how many lines could not be read. */
    public record Log(List<HistoryEntry> entries, int unreadableLines) {
        public Log {
            entries = List.copyOf(entries);
        }
    }

    /** How to take back an append: cut the file back to its old size, or delete a new file. */
    public record Undo(Path file, long previousSize) { }

    private final FileStore files;
    private final Path configDirectory;

    public History(FileStore files, Path configDirectory) {
        this.files = files;
        this.configDirectory = configDirectory;
    }

    public Path file() {
        return configDirectory.resolve(FILE_NAME);
    }

    public Path configDirectory() {
        return configDirectory;
    }

    /** Reads the history; an absent file is an empty history. */
    public Log read() throws PftlsException {
        Path file = file();
        if (!files.exists(file)) {
            return new Log(List.of(), 0);
        }
        String text;
        try {
            text = new String(files.read(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot read " + file + ": " + IoMessages.reason(e)
                    + "; run pftls as root (or as the owner of main.cf)", e);
        }
        List<HistoryEntry> entries = new ArrayList<>();
        int unreadable = 0;
        int end = text.lastIndexOf('\n');
        if (end + 1 < text.length()) {
            unreadable++; // a last line without its newline: an append that was interrupted
        }
        if (end >= 0) {
            for (String line : text.substring(0, end).split("\n", -1)) {
                Optional<HistoryEntry> e = HistoryEntry.parse(line);
                if (e.isPresent()) {
                    entries.add(e.get());
                } else if (!line.isEmpty() && !line.startsWith("#")) {
                    unreadable++;
                }
            }
        }
        return new Log(entries, unreadable);
    }

    /**
     * Fails (IOException) unless the history file is absent or a regular file pftls can append to
     * (not a symlink, FIFO or device): checked before a change writes anything, so that a history
     * pftls cannot write stops the change while nothing is changed yet.
     */
    public void checkAppendable() throws IOException {
        Path file = file();
        if (files.exists(file)) {
            files.readTail(file, 1);
        }
    }

    /**
     * Appends {@code entry} (creating the file with the owner and mode of {@code model}, main.cf)
     * and syncs it; returns how to take it back.
     */
    public Undo append(HistoryEntry entry, Path model) throws IOException {
        Path file = file();
        StringBuilder text = new StringBuilder();
        long previousSize = -1;
        if (files.exists(file)) {
            byte[] last = files.readTail(file, 1); // not the whole file: it only grows
            previousSize = files.stamp(file).size();
            if (last.length > 0 && last[0] != '\n') {
                text.append('\n'); // end a line an interrupted append left unfinished
            }
        } else {
            text.append(HEADER);
        }
        text.append(entry.toLine()).append('\n');
        files.append(file, text.toString().getBytes(StandardCharsets.UTF_8), model);
        return new Undo(file, previousSize);
    }

    /** Takes back an append (best effort is the caller's business). */
    public void undo(Undo undo) throws IOException {
        if (undo.previousSize() < 0) {
            files.delete(undo.file());
        } else {
            files.truncate(undo.file(), undo.previousSize());
        }
    }

    /** The recorded changes, newest first, each with its state given the current main.cf. */
    public List<Change> changes(Log log, byte[] currentMainCf) {
        String observed = ContentHash.of(currentMainCf);
        boolean currentSeen = false;
        List<Change> out = new ArrayList<>();
        List<HistoryEntry> entries = log.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            State state;
            if (!e.changedMainCf()) {
                state = State.FILES_ONLY;
            } else if (e.after().equals(observed)) {
                state = currentSeen ? State.SUPERSEDED : State.CURRENT;
                currentSeen = true;
                observed = e.before();
            } else if (e.before().equals(observed)) {
                state = State.NOT_APPLIED;
            } else {
                state = State.CHANGED_AFTER;
                currentSeen = true;
                observed = e.before();
            }
            boolean backupPresent = e.changedMainCf() && files.isRegularFile(configDirectory.resolve(e.backup()));
            out.add(new Change(e, state, backupPresent));
        }
        return out;
    }
}
