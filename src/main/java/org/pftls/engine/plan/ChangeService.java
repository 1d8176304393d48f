package org.pftls.engine.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.ports.MessageSink;
import org.pftls.engine.ports.Ports;

/**
 * How every change is made, by the command line and by both wizards: the instance is locked
 * ({@link InstanceLock}), the plan is made (or, when it was made earlier, checked by the
 * {@link Applier} against main.cf as it is now) while the lock is held, applied all or nothing, and
 * its warnings and messages are logged in the order {@code postfix tls} prints them: the plan's
 * warnings, then postconf's warnings for the main.cf edit, then the messages.
 */
public final class ChangeService {
    /** Makes the plan once the lock is held (from main.cf as it is then). */
    @FunctionalInterface
    public interface Planner {
        Plan plan() throws PftlsException;
    }

    /** What was applied and what applying did. */
    public record Applied(Plan plan, Applier.Receipt receipt) {
        /** The files created, in creation order. */
        public List<Path> created() {
            return receipt.created();
        }
    }

    private final Path configDirectory;
    private final Ports ports;
    private final MessageSink log;

    /**
     * @param configDirectory the instance (what is locked)
     * @param ports           where the files are
     * @param log             where warnings and messages go (stderr and the mail log, or the mail log only)
     */
    public ChangeService(Path configDirectory, Ports ports, MessageSink log) {
        this.configDirectory = configDirectory;
        this.ports = ports;
        this.log = log;
    }

    /** Locks the instance, makes the plan and applies it (the command line). */
    public Applied run(Planner planner) throws PftlsException {
        try (InstanceLock lock = InstanceLock.acquire(configDirectory)) {
            Plan plan = planner.plan();
            plan.warnings().forEach(log::warning);
            Applier.Receipt receipt = plan.changesNothing() ? new Applier.Receipt(List.of(), Optional.empty())
                    : new Applier(ports).execute(plan);
            plan.mainCf().ifPresent(c -> c.warnings().forEach(log::warning));
            plan.messages().forEach(log::info);
            return new Applied(plan, receipt);
        }
    }

    /**
     * Locks the instance and applies a plan made earlier (the wizards, after the operator has
     * reviewed it); refused, changing nothing, when main.cf changed since the plan was made.
     */
    public Applied apply(Plan plan) throws PftlsException {
        return run(() -> plan);
    }
}
