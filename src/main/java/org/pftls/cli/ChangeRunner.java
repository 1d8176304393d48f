package org.pftls.cli;

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
        try (InstanceLock lock = InstanceLock.acquire(ctx.configDirectory())) {
            Plan plan = planner.plan(ctx.engine());
            plan.warnings().forEach(ctx::warning);
            if (!plan.changesNothing()) {
                new Applier(ctx.ports()).apply(plan);
            }
            if (plan.mainCf().isPresent()) {
                plan.mainCf().get().warnings().forEach(ctx::warning);
            }
            plan.messages().forEach(ctx::info);
            return 0;
        }
    }
}
