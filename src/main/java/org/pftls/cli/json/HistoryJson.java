package org.pftls.cli.json;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.pftls.engine.plan.History;
import org.pftls.engine.plan.HistoryEntry;
import org.pftls.engine.plan.UtcText;

/** {@code pftls history --json} (schema: history.schema.json): the recorded changes, newest first, with their state. */
public final class HistoryJson {
    private HistoryJson() {
    }

    public static void write(OutputStream out, History history, History.Log log, List<History.Change> changes,
                             List<JsonMessages.Message> messages) {
        try (JsonOutput w = JsonOutput.on(out)) {
            w.startObject();
            OutputJson.unchanged(w, true, "history", history.configDirectory(), messages);
            w.field("history_file", history.file().toString());
            w.field("damaged_lines", log.unreadableLines());
            w.startArray("changes");
            for (History.Change c : changes) {
                HistoryEntry e = c.entry();
                w.startObject();
                w.field("time", UtcText.iso(e.time()));
                w.field("operation", e.operation());
                w.field("state", c.state().name().toLowerCase(Locale.ROOT));
                w.field("state_text", c.state().description());
                w.field("main_cf_changed", e.changedMainCf());
                w.field("backup", e.changedMainCf() ? history.configDirectory().resolve(e.backup()).toString() : null);
                w.field("backup_present", c.backupPresent());
                w.field("main_cf_sha256_before", e.changedMainCf() ? e.before() : null);
                w.field("main_cf_sha256_after", e.changedMainCf() ? e.after() : null);
                w.strings("files_created", e.created().stream().map(Path::toString).toList());
                w.startArray("settings");
                for (HistoryEntry.Assignment a : e.settings()) {
                    w.startObject();
                    w.field("name", a.name());
                    w.field("value", a.value());
                    w.endObject();
                }
                w.endArray();
                w.strings("command_line", e.command());
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
    }
}
