package org.pftls.cli;

import org.pftls.cli.json.ChangeJson;
import org.pftls.engine.PftlsException;
import org.pftls.engine.plan.ChangeService;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Preflight;
import org.pftls.engine.tls.TlsEngine;
import org.pftls.ui.PlanReport;

/**
 * How every changing subcommand runs: either print the plan (--dry-run, which takes no lock and
 * writes nothing), or let the engine's {@link org.pftls.engine.plan.ChangeService} lock the
 * instance, read it, plan, apply and log, as the wizards do. With --json the same steps run; the
 * plan (and what applying made) is printed as one JSON object, and the messages are in it (see
 * {@link CommandContext#captureMessages}).
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
        TlsEngine[] engine = new TlsEngine[1];
        ChangeService.Applied applied = ctx.changes().run(() -> {
            engine[0] = ctx.engine();
            return planner.plan(engine[0]);
        });
        if (json) {
            ChangeJson.applied(ctx.out(), engine[0].instance(), applied.plan(), applied.receipt(),
                    ctx.capturedMessages().list());
        }
        return 0;
    }
}
