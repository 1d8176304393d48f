package org.pftls.cli;

import java.util.List;
import java.util.Optional;
import org.pftls.cli.json.ChangeJson;
import org.pftls.engine.PftlsException;
import org.pftls.engine.plan.Applier;
import org.pftls.engine.plan.InstanceLock;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Preflight;
import org.pftls.engine.tls.TlsEngine;
import org.pftls.ui.PlanReport;

/**
 * How every changing subcommand runs: lock the instance, read it, plan, then either print the
 * plan (--dry-run, which takes no lock and writes nothing) or apply it and print the messages.
 * With --json the same steps run; the plan (and what applying made) is printed as one JSON object,
 * and the messages are in it (see {@link CommandContext#captureMessages}).
 */
final class ChangeRunner {
    /** Makes the plan from a freshly read instance. */
    @FunctionalInterface
    interface Planner {
        Plan plan(TlsEngine engine) throws PftlsException;
    }

    private final CommandContext ctx;

    ChangeRunner(CommandContext ctx) {
        this.ctx = ctx;
    }

    int run(boolean dryRun, Planner planner) throws PftlsException {
        return run(dryRun, false, planner);
    }

    int run(boolean dryRun, boolean json, Planner planner) throws PftlsException {
        if (dryRun) {
            Plan plan = planner.plan(ctx.engine());
            Preflight.check(ctx.configDirectory(), plan, ctx.ports()); // fails as the real run would
            if (json) {
                ChangeJson.dryRun(ctx.out(), ctx.configDirectory(), plan);
            } else {
                ctx.printLines(PlanReport.render(plan));
            }
            return 0;
        }
        ctx.prepareLogging(); // every changing run logs its messages: start the logger while we work
        try (InstanceLock lock = InstanceLock.acquire(ctx.configDirectory())) {
            TlsEngine engine = ctx.engine();
            Plan plan = planner.plan(engine);
            plan.warnings().forEach(ctx::warning);
            Applier.Receipt receipt = new Applier.Receipt(List.of(), Optional.empty());
            if (!plan.changesNothing()) {
                receipt = new Applier(ctx.ports()).execute(plan);
            }
            if (plan.mainCf().isPresent()) {
                plan.mainCf().get().warnings().forEach(ctx::warning);
            }
            plan.messages().forEach(ctx::info);
            if (json) {
                ChangeJson.applied(ctx.out(), engine.instance(), plan, receipt, ctx.capturedMessages().list());
            }
            return 0;
        }
    }
}
