package org.pftls.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pftls.cli.json.RollbackJson;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.plan.Applier;
import org.pftls.engine.plan.InstanceLock;
import org.pftls.engine.plan.Preflight;
import org.pftls.engine.plan.Rollback;
import org.pftls.engine.plan.RollbackPlan;
import org.pftls.ui.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** rollback [--yes] [--force] [--dry-run] [--to BACKUP]: restore the previous main.cf (pftls addition). */
@Command(name = "rollback", description = {"Restore main.cf as it was before the newest change pftls made (or the"
        + " backup named with --to), after showing the diff and asking. The current main.cf is backed up first, so"
        + " running rollback again undoes the rollback. Key and certificate files are never deleted."})
final class RollbackCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls rollback [--yes] [--force] [--dry-run] [--to BACKUP]";

    @Option(names = "--yes", description = "Do not ask (needed when there is no terminal).")
    boolean yes;

    @Option(names = "--force", description = "Roll back even though main.cf was changed outside pftls since"
            + " pftls's last change (that change is lost from main.cf; it stays in the backup).")
    boolean force;

    @Option(names = "--to", paramLabel = "BACKUP", description = "Restore this backup (a main.cf.pftls-... file"
            + " that pftls history lists) instead of the previous main.cf.")
    String to;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    JsonOption json;

    private final CommandContext ctx;

    RollbackCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = ctx.configDirectory();
        Rollback rollback = new Rollback(ctx.ports().files(), dir);
        if (dryRun.dryRun) {
            RollbackPlan p = rollback.plan(Optional.ofNullable(to));
            Preflight.check(dir, p.plan(), ctx.ports());
            refuseSilentLoss(p);
            if (json.json) {
                RollbackJson.dryRun(ctx.out(), dir, p);
                return 0;
            }
            ctx.printLines(report(p, true));
            return 0;
        }
        try (InstanceLock lock = InstanceLock.acquire(dir)) {
            RollbackPlan p = rollback.plan(Optional.ofNullable(to));
            if (p.nothingToDo()) {
                p.plan().messages().forEach(ctx::info);
                if (json.json) {
                    RollbackJson.applied(ctx.out(), dir, p, Optional.empty(), ctx.ports().files(),
                            ctx.capturedMessages().list());
                }
                return 0;
            }
            if (json.json && !yes) {
                throw new PftlsException(Kind.USAGE, "rollback --json does not ask before it replaces main.cf;"
                        + " review it with pftls rollback --dry-run --json, then run pftls rollback --yes --json");
            }
            Console console = ctx.console().console().orElse(null);
            if (!yes && console == null) {
                throw new PftlsException(Kind.USAGE, "rollback asks before it replaces main.cf and there is no"
                        + " terminal to ask on; review it with pftls rollback --dry-run, then run pftls rollback --yes");
            }
            refuseSilentLoss(p);
            if (!json.json) {
                ctx.printLines(report(p, false));
            }
            if (!yes) {
                confirm(console, p);
            }
            ctx.prepareLogging();
            Applier.Receipt receipt = new Applier(ctx.ports()).execute(p.plan());
            p.plan().messages().forEach(ctx::info);
            receipt.backup().ifPresent(b -> ctx.info("The main.cf it replaced was saved as " + b + "."));
            if (json.json) {
                RollbackJson.applied(ctx.out(), dir, p, Optional.of(receipt), ctx.ports().files(),
                        ctx.capturedMessages().list());
            }
            return 0;
        }
    }

    /** With --yes, losing a change made outside pftls needs --force as well. */
    private void refuseSilentLoss(RollbackPlan p) throws PftlsException {
        if (yes && p.changedOutside() && !force) {
            throw new PftlsException(Kind.CONFLICT, ctx.configDirectory().resolve("main.cf") + " was changed outside"
                    + " pftls after pftls's last change, and rolling back would discard that change; see it with pftls"
                    + " rollback --dry-run, then add --force to roll back anyway");
        }
    }

    private void confirm(Console console, RollbackPlan p) throws PftlsException {
        String question = p.changedOutside() && !force
                ? "main.cf was changed outside pftls since pftls's last change (shown above); restore " + p.backup()
                        + " and discard that change too? [y/N] "
                : "Restore " + p.backup() + " as main.cf? [y/N] ";
        String answer = console.readLine("%s", question);
        if (answer == null || !List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT))) {
            throw new PftlsException(Kind.CANCELLED, "rollback cancelled; nothing was changed");
        }
    }

    private List<String> report(RollbackPlan p, boolean dry) {
        List<String> out = new ArrayList<>();
        out.add((dry ? "Plan for rollback (dry run: nothing was changed)" : "Rollback") + ": restore " + p.backup()
                + p.undone().map(e -> ", the main.cf from before " + e.operation() + " on "
                + Rollback.WHEN.format(e.time())).orElse(""));
        if (p.nothingToDo()) {
            out.add("main.cf already has that content: nothing would change.");
            return out;
        }
        if (p.changedOutside()) {
            out.add("main.cf was changed outside pftls after pftls's last change; rolling back discards that change"
                    + " too (the current main.cf is backed up first):");
            byte[] now = p.plan().mainCf().orElseThrow().before();
            out.addAll(p.lastWrittenByPftls().map(v -> diff(v, now, "main.cf (as pftls wrote it)", "main.cf (now)"))
                    .orElse(List.of("  (pftls's version cannot be recomputed; the diff below shows every change)")));
        }
        out.add("main.cf would change as follows:");
        out.addAll(PlanReport.mainCfDiff(p.plan()));
        if (!p.keptFiles().isEmpty()) {
            out.add("Files kept (rollback never deletes keys or certificates) that the restored main.cf does not use:");
            p.keptFiles().forEach(f -> out.add("  " + f));
        }
        out.add("The current main.cf is backed up first: pftls rollback again undoes this.");
        out.add("Command: " + String.join(" ", p.plan().command().stream().map(PlanReport::quote).toList()));
        return out;
    }

    private static List<String> diff(byte[] a, byte[] b, String labelA, String labelB) {
        List<String> left = lines(a);
        List<String> right = lines(b);
        return UnifiedDiffUtils.generateUnifiedDiff(labelA, labelB, left, DiffUtils.diff(left, right), 3);
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8); // shown as a UTF-8 terminal shows the file
        List<String> l = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l;
    }
}
