package org.pftls.cli.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.plan.Applier;
import org.pftls.engine.plan.RollbackPlan;
import org.pftls.engine.plan.UtcText;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.ports.MessageSink.Level;

/**
 * {@code pftls rollback --json} (schema: rollback.schema.json): the backup restored (or that would
 * be), the change it undoes, whether it discards a change made outside pftls, the main.cf diff, the
 * backup of the replaced main.cf, and the files left on disk that the restored main.cf no longer uses.
 */
public final class RollbackJson {
    private RollbackJson() {
    }

    /** {@code --dry-run --json}: {@code messages} are the ones the real run would print. */
    public static void dryRun(OutputStream out, Path configDirectory, RollbackPlan p) {
        List<JsonMessages.Message> messages = new ArrayList<>();
        p.plan().warnings().forEach(t -> messages.add(new JsonMessages.Message(Level.WARNING, t)));
        p.plan().messages().forEach(t -> messages.add(new JsonMessages.Message(Level.INFO, t)));
        write(out, configDirectory, p, true, Optional.empty(), null, messages);
    }

    /** A real run (the receipt is absent when main.cf already had the backup's content). */
    public static void applied(OutputStream out, Path configDirectory, RollbackPlan p, Optional<Applier.Receipt> receipt,
                               FileStore files, List<JsonMessages.Message> messages) {
        Optional<Path> backup = receipt.flatMap(Applier.Receipt::backup);
        String mode = null;
        if (backup.isPresent()) {
            try {
                mode = files.info(backup.get()).mode();
            } catch (IOException e) {
                mode = null; // made a moment ago: unreadable only if someone removed it since
            }
        }
        write(out, configDirectory, p, false, backup, mode, messages);
    }

    private static void write(OutputStream out, Path configDirectory, RollbackPlan p, boolean dryRun,
                              Optional<Path> backup, String backupMode, List<JsonMessages.Message> messages) {
        try (JsonOutput w = JsonOutput.on(out)) {
            w.startObject();
            JsonParts.head(w, true, "rollback", dryRun, !p.nothingToDo(), configDirectory);
            w.startArray("files_created");
            backup.ifPresent(b -> JsonParts.file(w, b, backupMode, "backup"));
            w.endArray();
            w.field("backup", backup.map(Path::toString).orElse(null));
            JsonParts.mainCf(w, p.plan());
            JsonParts.settings(w, p.plan().decisions());
            JsonParts.messages(w, messages);
            JsonParts.commandLine(w, p.plan().command());
            w.field("restored_backup", p.backup().toString());
            if (p.undone().isPresent()) {
                w.startObject("undone");
                w.field("operation", p.undone().get().operation());
                w.field("time", UtcText.iso(p.undone().get().time()));
                w.endObject();
            } else {
                w.field("undone", (String) null);
            }
            w.field("changed_outside", p.changedOutside());
            w.strings("kept_files", p.keptFiles().stream().map(Path::toString).toList());
            w.endObject();
        }
    }
}
