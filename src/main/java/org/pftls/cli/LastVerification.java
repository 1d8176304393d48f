package org.pftls.cli;

import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.plan.History;
import org.pftls.engine.plan.Rollback;
import org.pftls.engine.tls.Instance;
import org.pftls.engine.verify.VerifyHistory;

/** The line of {@code pftls status} about the newest {@code pftls verify} in the history. */
final class LastVerification {
    private LastVerification() {
    }

    /** The newest recorded verify; empty when there is none (or the history cannot be read). */
    static Optional<VerifyHistory.Last> of(CommandContext ctx, Instance instance) {
        try {
            History.Log log = new History(ctx.ports().files(), instance.configDirectory()).read();
            return VerifyHistory.latest(log, instance.mainCf().bytes());
        } catch (PftlsException e) {
            return Optional.empty();
        }
    }

    static List<String> lines(Optional<VerifyHistory.Last> last) {
        if (last.isEmpty()) {
            return List.of("Running server: never verified by pftls (after postfix reload, check it with: pftls verify)");
        }
        VerifyHistory.Last l = last.get();
        String when = Rollback.WHEN.format(l.time());
        String line = "Running server: last verified " + when + ", " + l.result();
        if (l.mainCfChanged()) {
            line += "; main.cf has changed since: after postfix reload, run pftls verify again";
        } else if (!l.ok()) {
            line += "; run pftls verify for the details";
        }
        return List.of(line);
    }
}
