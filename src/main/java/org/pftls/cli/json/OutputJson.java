package org.pftls.cli.json;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.pftls.engine.plan.Setting;
import org.pftls.engine.tls.ServerCsr;
import org.pftls.engine.tls.TlsaRecord;

/**
 * The subcommands that change nothing and answer something: output-server-csr (csr.schema.json),
 * output-server-tlsa (tlsa.schema.json), all-default-client and all-default-server
 * (all-default.schema.json). Each carries the common fields too (changed false, no files, no diff).
 */
public final class OutputJson {
    private OutputJson() {
    }

    /** output-server-csr --json. */
    public static void csr(OutputStream out, Path configDirectory, ServerCsr csr, List<JsonMessages.Message> messages) {
        try (JsonOutput w = JsonOutput.on(out)) {
            w.startObject();
            unchanged(w, true, "output-server-csr", configDirectory, messages);
            w.field("key_file", csr.keyFile().toString());
            w.strings("host_names", csr.hostNames());
            w.field("csr", csr.pem());
            w.endObject();
        }
    }

    /** output-server-tlsa --json. */
    public static void tlsa(OutputStream out, Path configDirectory, List<TlsaRecord> records,
                            List<JsonMessages.Message> messages) {
        try (JsonOutput w = JsonOutput.on(out)) {
            w.startObject();
            unchanged(w, true, "output-server-tlsa", configDirectory, messages);
            JsonParts.tlsa(w, records);
            w.endObject();
        }
    }

    /**
     * all-default-client/-server --json: {@code ok} and {@code all_default} are the answer (the exit
     * status is 0 exactly when they are true); {@code non_default} lists the settings that are not at
     * their defaults, as {@code name = value}.
     */
    public static void allDefault(OutputStream out, String command, Path configDirectory, List<String> nonDefault,
                                  List<JsonMessages.Message> messages) {
        try (JsonOutput w = JsonOutput.on(out)) {
            w.startObject();
            unchanged(w, nonDefault.isEmpty(), command, configDirectory, messages);
            w.field("all_default", nonDefault.isEmpty());
            w.strings("non_default", nonDefault);
            w.endObject();
        }
    }

    /** The common fields of a run that changes nothing. */
    static void unchanged(JsonOutput w, boolean ok, String command, Path configDirectory,
                          List<JsonMessages.Message> messages) {
        JsonParts.head(w, ok, command, false, false, configDirectory);
        w.startArray("files_created").endArray();
        w.field("main_cf_diff", (String) null);
        JsonParts.settings(w, List.<Setting>of());
        JsonParts.messages(w, messages);
    }
}
