package org.pftls.engine.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A rollback, worked out and not yet applied: the {@link Plan} (main.cf now → the backup's bytes;
 * applying it backs up the current main.cf first, so a rollback can itself be rolled back) and
 * what the operator must know before saying yes.
 *
 * @param plan             the change; no main.cf change when main.cf already equals the backup
 * @param backup           the backup that would be restored
 * @param undone           the recorded change being undone, when the backup belongs to one
 * @param changedOutside   main.cf was changed by something other than pftls after pftls's last
 *                         change: rolling back discards that change too
 * @param lastWrittenByPftls when {@code changedOutside}: the main.cf pftls wrote, if it could be
 *                         reconstructed exactly (to show what the outside change was)
 * @param keptFiles        files the current main.cf (or the undone change) uses and the restored one
 *                         does not: rollback never deletes them, the operator may
 */
public record RollbackPlan(Plan plan, Path backup, Optional<HistoryEntry> undone, boolean changedOutside,
                           Optional<byte[]> lastWrittenByPftls, List<Path> keptFiles) {
    public RollbackPlan {
        keptFiles = List.copyOf(keptFiles);
    }

    /** True when main.cf already has the backup's content. */
    public boolean nothingToDo() {
        return plan.mainCf().isEmpty();
    }
}
