package org.pftls.ui.flow;

import java.util.List;
import java.util.Optional;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.plan.Plan;

/**
 * The result of the Generate step, everything the Review step shows: made in memory, nothing is
 * written yet.
 *
 * @param task        the task
 * @param plan        what applying will do (absent for CSR and TLSA, which only output)
 * @param certificate the new (or chosen) certificate
 * @param tlsa        TLSA record lines for the new (or chosen) key(s), with their "; keyfile" lines
 * @param csr         the CSR in PEM (CSR task)
 * @param files       one line per file: mode, owner, role, path
 * @param diff        main.cf as a unified diff (empty when main.cf does not change)
 * @param command     the equivalent non-interactive command line
 * @param notes       warnings and remarks to show on the Review screen
 */
public record Prepared(Task task, Optional<Plan> plan, Optional<CertificateSummary> certificate, List<String> tlsa,
                       Optional<String> csr, List<String> files, List<String> diff, String command,
                       List<String> notes) {

    /** True when Confirm would change something on disk. */
    public boolean changesSomething() {
        return plan.isPresent() && !plan.get().changesNothing();
    }
}
