package org.pftls.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pftls.cli.json.HistoryJson;
import org.pftls.engine.PftlsException;
import org.pftls.engine.config.MainCfText;
import org.pftls.engine.plan.History;
import org.pftls.engine.plan.HistoryEntry;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.plan.Rollback;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.tls.Instance;
import org.pftls.ui.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** history: the changes pftls made to the instance, newest first (pftls addition). */
@Command(name = "history", description = {"List the changes pftls made in the configuration directory, newest"
        + " first: when, which subcommand, the parameters set, the files created, and the backup of main.cf taken"
        + " before each change (restore it with pftls rollback). Changes nothing."})
final class HistoryCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls history";

    @Mixin
    JsonOption json;

    private final CommandContext ctx;

    HistoryCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = ctx.configDirectory();
        FileStore files = ctx.ports().files();
        if (!files.isDirectory(dir)) {
            throw Instance.missingDirectory(dir);
        }
        History history = new History(files, dir);
        History.Log log = history.read();
        if (log.unreadableLines() > 0) {
            ctx.warning(log.unreadableLines() + " damaged line(s) in " + history.file() + " skipped (an interrupted"
                    + " write leaves one); the other entries are listed");
        }
        if (json.json) {
            HistoryJson.write(ctx.out(), history, log, history.changes(log, currentMainCf(files, dir.resolve("main.cf"))),
                    ctx.capturedMessages().list());
            return 0;
        }
        if (log.entries().isEmpty()) {
            ctx.printLines(List.of("pftls has recorded no change in " + dir + " (" + history.file() + " has no entries)."));
            return 0;
        }
        ctx.printLines(lines(history, log, currentMainCf(files, dir.resolve("main.cf"))));
        return 0;
    }

    private static byte[] currentMainCf(FileStore files, Path mainCf) throws PftlsException {
        try {
            return files.exists(mainCf) ? files.read(mainCf) : new byte[0];
        } catch (IOException e) {
            throw new PftlsException(PftlsException.Kind.IO, "cannot read " + mainCf + ": " + IoMessages.reason(e)
                    + "; run pftls as root (or as the owner of main.cf)", e);
        }
    }

    static List<String> lines(History history, History.Log log, byte[] current) {
        List<String> out = new ArrayList<>();
        out.add("Changes pftls made in " + history.configDirectory() + ", newest first (pftls rollback restores the"
                + " backup of the newest change in effect):");
        for (History.Change c : history.changes(log, current)) {
            HistoryEntry e = c.entry();
            StringBuilder head = new StringBuilder(Rollback.WHEN.format(e.time())).append("  ")
                    .append(String.format("%-18s", e.operation()));
            if (e.changedMainCf()) {
                head.append("  backup ").append(e.backup());
                if (!c.backupPresent()) {
                    head.append(" (missing)");
                }
            } else if (!e.result().isEmpty()) {
                head.append("  ").append(e.result()); // a check (verify): changed nothing
            } else {
                head.append("  (main.cf not changed)");
            }
            if (!c.state().description().isEmpty()) {
                head.append("  [").append(c.state().description()).append(']');
            }
            out.add(head.toString());
            if (!e.settings().isEmpty()) {
                out.add("    set: " + String.join(" ", e.settings().stream()
                        .map(s -> s.name() + "=" + PlanReport.quote(MainCfText.display(s.value(), UTF_8))).toList()));
            }
            if (!e.created().isEmpty()) {
                out.add("    created: " + String.join(" ", e.created().stream().map(Path::toString).toList()));
            }
            if (!e.command().isEmpty()) {
                out.add("    command: " + String.join(" ", e.command().stream().map(PlanReport::quote).toList()));
            }
        }
        return out;
    }
}
