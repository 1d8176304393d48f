package org.pftls.cli.json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.pftls.engine.config.MainCfText;
import org.pftls.engine.plan.MainCfChange;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Setting;
import org.pftls.engine.ports.MessageSink.Level;
import org.pftls.engine.tls.TlsaRecord;
import org.pftls.ui.PlanReport;

/** The parts every JSON object of pftls shares (schema: common.schema.json), written from engine data. */
final class JsonParts {
    private JsonParts() {
    }

    /** {@code ok}, {@code command}, {@code dry_run}, {@code changed}, {@code config_directory}. */
    static void head(JsonOutput w, boolean ok, String command, boolean dryRun, boolean changed, Path configDirectory) {
        w.field("ok", ok);
        w.field("command", command);
        w.field("dry_run", dryRun);
        w.field("changed", changed);
        w.field("config_directory", configDirectory == null ? null : configDirectory.toString());
    }

    /** {@code "messages": [{"level": "info", "text": ...}, ...]}. */
    static void messages(JsonOutput w, List<JsonMessages.Message> messages) {
        w.startArray("messages");
        for (JsonMessages.Message m : messages) {
            message(w, m.level(), m.text());
        }
        w.endArray();
    }

    static void message(JsonOutput w, Level level, String text) {
        w.startObject();
        w.field("level", level.name().toLowerCase(Locale.ROOT));
        w.field("text", text);
        w.endObject();
    }

    /** {@code "settings"}: every parameter the plan decided about, with old and new value, action and reason. */
    static void settings(JsonOutput w, List<Setting> decisions) {
        w.startArray("settings");
        for (Setting s : decisions) {
            w.startObject();
            w.field("name", s.name());
            w.field("old", s.oldValue().map(JsonParts::text).orElse(null));
            w.field("new", text(s.newValue()));
            w.field("action", s.action().label());
            w.field("reason", s.reason());
            w.endObject();
        }
        w.endArray();
    }

    /** A main.cf value (its bytes, one char per byte) as text: UTF-8, as the diff shows it; other bytes become U+FFFD. */
    static String text(String mainCfValue) {
        return MainCfText.display(mainCfValue, StandardCharsets.UTF_8);
    }

    /** One entry of {@code files_created}. */
    static void file(JsonOutput w, Path path, String mode, String kind) {
        w.startObject();
        w.field("path", path.toString());
        w.field("mode", mode);
        w.field("kind", kind);
        w.endObject();
    }

    /** private_key or certificate. */
    static String kind(NewFile f) {
        return f.role().name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code main_cf_diff} (the unified diff --dry-run prints, or null) and {@code main_cf} (path,
     * before and after, or null): main.cf's bytes read as UTF-8, as the diff shows them (a byte
     * that is not UTF-8 becomes U+FFFD).
     */
    static void mainCf(JsonOutput w, Plan plan) {
        if (plan.mainCf().isEmpty()) {
            w.field("main_cf_diff", (String) null);
            w.field("main_cf", (String) null);
            return;
        }
        MainCfChange c = plan.mainCf().get();
        StringBuilder diff = new StringBuilder();
        PlanReport.mainCfDiff(plan).forEach(line -> diff.append(line).append('\n'));
        w.field("main_cf_diff", diff.toString());
        w.startObject("main_cf");
        w.field("path", c.path().toString());
        w.field("before", new String(c.before(), StandardCharsets.UTF_8));
        w.field("after", new String(c.after(), StandardCharsets.UTF_8));
        w.endObject();
    }

    /** {@code "tlsa": [{"host": ..., "owner": ..., ...}, ...]}. */
    static void tlsa(JsonOutput w, List<TlsaRecord> records) {
        w.startArray("tlsa");
        for (TlsaRecord r : records) {
            w.startObject();
            w.field("key_file", r.keyFile().toString());
            w.field("algorithm", r.algorithm().postfixName());
            w.field("host", r.hostName());
            w.field("owner", r.owner());
            w.field("usage", 3);
            w.field("selector", 1);
            w.field("matching_type", 1);
            w.field("data", r.spkiSha256());
            w.field("record", r.line());
            w.endObject();
        }
        w.endArray();
    }

    /** The equivalent command line, as words. */
    static void commandLine(JsonOutput w, List<String> words) {
        w.strings("command_line", words);
    }
}
