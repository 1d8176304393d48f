package org.pftls.cli.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.engine.plan.Applier;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.ports.MessageSink.Level;
import org.pftls.engine.tls.Instance;
import org.pftls.engine.tls.NewKeyRecords;
import org.pftls.engine.tls.TlsaRecord;

/**
 * The changing subcommands with {@code --json} (enable-client, enable-server, new-server-key,
 * new-server-cert, deploy-server-cert; schema: change.schema.json): the plan, and after a real run
 * what the applier made (files created, the backup of main.cf) and the messages it printed.
 */
public final class ChangeJson {
    private ChangeJson() {
    }

    /**
     * {@code --dry-run --json}: what the real run would do. {@code messages} are the ones the real run
     * would print; {@code tlsa} is empty, because the keys a dry run makes are thrown away.
     */
    public static void dryRun(OutputStream out, Path configDirectory, Plan plan) {
        List<JsonMessages.Message> messages = new ArrayList<>();
        plan.warnings().forEach(t -> messages.add(new JsonMessages.Message(Level.WARNING, t)));
        plan.mainCf().ifPresent(c -> c.warnings().forEach(t -> messages.add(new JsonMessages.Message(Level.WARNING, t))));
        plan.messages().forEach(t -> messages.add(new JsonMessages.Message(Level.INFO, t)));
        try (JsonOutput w = JsonOutput.on(out)) {
            w.startObject();
            JsonParts.head(w, true, plan.operation(), true, !plan.changesNothing(), configDirectory);
            w.startArray("files_created");
            for (NewFile f : plan.files()) {
                JsonParts.file(w, f.path(), f.modeText(), JsonParts.kind(f));
            }
            w.endArray();
            w.field("backup", (String) null);
            JsonParts.mainCf(w, plan);
            JsonParts.settings(w, plan.decisions());
            JsonParts.messages(w, messages);
            JsonParts.tlsa(w, List.of());
            JsonParts.commandLine(w, plan.command());
            w.endObject();
        }
    }

    /**
     * A real run: the files the applier created (keys, certificates, then the backup of main.cf), the
     * TLSA records of the new keys, and the messages printed during the run.
     */
    public static void applied(OutputStream out, Instance instance, Plan plan, Applier.Receipt receipt,
                               List<JsonMessages.Message> messages) throws PftlsException {
        FileStore files = instance.ports().files();
        List<TlsaRecord> tlsa = NewKeyRecords.of(plan, instance); // before the first byte: it may fail
        String backupMode = null;
        if (receipt.backup().isPresent()) {
            try {
                backupMode = files.info(receipt.backup().get()).mode();
            } catch (IOException e) {
                backupMode = null; // made a moment ago: unreadable only if someone removed it since
            }
        }
        try (JsonOutput w = JsonOutput.on(out)) {
            w.startObject();
            JsonParts.head(w, true, plan.operation(), false, !plan.changesNothing(), instance.configDirectory());
            w.startArray("files_created");
            for (NewFile f : plan.files()) {
                if (receipt.created().contains(f.path())) {
                    JsonParts.file(w, f.path(), f.modeText(), JsonParts.kind(f));
                }
            }
            if (receipt.backup().isPresent()) {
                JsonParts.file(w, receipt.backup().get(), backupMode, "backup");
            }
            w.endArray();
            w.field("backup", receipt.backup().map(Path::toString).orElse(null));
            JsonParts.mainCf(w, plan);
            JsonParts.settings(w, plan.decisions());
            JsonParts.messages(w, messages);
            JsonParts.tlsa(w, tlsa);
            JsonParts.commandLine(w, plan.command());
            w.endObject();
        }
    }
}
