package org.pftls.cli;

import org.pftls.engine.PftlsException;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Preflight;
import org.pftls.engine.tls.TlsEngine;
import org.pftls.ui.PlanReport;

/**
 * How every changing subcommand runs: either print the plan (--dry-run, which takes no lock and
 * writes nothing), or let the engine's {@link org.pftls.engine.plan.ChangeService} lock the
 * instance, read it, plan, apply and log, as the wizards do.
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
        if (dryRun) {
            Plan plan = planner.plan(ctx.engine());
            Preflight.check(ctx.configDirectory(), plan, ctx.ports()); // fails as the real run would
            ctx.printLines(PlanReport.render(plan));
            return 0;
        }
        ctx.prepareLogging(); // every changing run logs its messages: start the logger while we work
        ctx.changes().run(() -> planner.plan(ctx.engine()));
        return 0;
    }
}
