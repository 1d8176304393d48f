package org.pftls.cli.json;

import java.io.OutputStream;
import java.util.List;

/**
 * A failure with {@code --json} (schema: error.schema.json), for every subcommand and for usage
 * errors: {@code {"ok": false, "error": "<the one-line message of pftls: fatal:>", "kind": ...}}, with
 * the messages printed before the failure. The exit status is the usual one.
 */
public final class ErrorJson {
    private ErrorJson() {
    }

    /**
     * @param command    the subcommand, or null when there is none (or it is unknown)
     * @param kind       usage, input, config, crypto, io, conflict, cancelled, or internal (a bug)
     * @param error      the message, without {@code pftls: fatal: }
     * @param exitStatus the process's exit status
     */
    public static void write(OutputStream out, String command, String kind, String error, int exitStatus,
                             List<JsonMessages.Message> messages) {
        try (JsonOutput w = JsonOutput.on(out)) {
            w.startObject();
            w.field("ok", false);
            w.field("command", command);
            w.field("error", error);
            w.field("kind", kind);
            w.field("exit_status", exitStatus);
            w.field("changed", false);
            JsonParts.messages(w, messages);
            w.endObject();
        }
    }
}
