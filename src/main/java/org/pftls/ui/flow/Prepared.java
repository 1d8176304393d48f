package org.pftls.ui.flow;

import java.util.List;
import java.util.Optional;
import org.pftls.engine.check.ChainVerdict;
import org.pftls.engine.check.Finding;
import org.pftls.engine.plan.KeyCertificate;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;

/**
 * The result of the Generate step, everything the Review step shows: made in memory, nothing is
 * written yet.
 *
 * @param task          the task
 * @param plan          what applying will do (absent for CSR and TLSA, which only output)
 * @param csr           the CSR in PEM (CSR task)
 * @param records       the TLSA task's output, as {@code output-server-tlsa} prints it
 * @param existingFiles for Deploy: the chosen files as they are (mode, owner, path, what)
 * @param command       the equivalent non-interactive command line
 * @param chain         for Deploy: the chain check of the chosen files, as deploy-server-cert made it
 * @param overrides     master.cf options that shadow what the task deploys (pftls never edits master.cf)
 * @param rollover      when a new key is made while keys are deployed: the TLSA records of the
 *                      deployed ("current") and the new ("next") keys, as {@code new-server-key}
 *                      prints them (RolloverAdvice), one per line
 * @param merge         whether the plan merges into settings that are not all default (its
 *                      parameter changes can be unticked)
 * @param daneCheck     Enable client (DANE): what the check of the resolvers found, as enable-client
 *                      --dane says it, and what it says about a security level it keeps
 */
public record Prepared(Task task, Optional<Plan> plan, Optional<String> csr, List<String> records,
                       List<String> existingFiles, String command, Optional<ChainVerdict> chain,
                       List<Finding> overrides, List<String> rollover, boolean merge, List<String> daneCheck) {

    public Prepared {
        records = List.copyOf(records);
        existingFiles = List.copyOf(existingFiles);
        overrides = List.copyOf(overrides);
        rollover = List.copyOf(rollover);
        daneCheck = List.copyOf(daneCheck);
    }

    /** Without the DANE check (every task but Enable client with DANE). */
    Prepared(Task task, Optional<Plan> plan, Optional<String> csr, List<String> records, List<String> existingFiles,
             String command, Optional<ChainVerdict> chain, List<Finding> overrides, List<String> rollover,
             boolean merge) {
        this(task, plan, csr, records, existingFiles, command, chain, overrides, rollover, merge, List.of());
    }

    /** An output task's result, or a plan without any of the extras. */
    Prepared(Task task, Optional<Plan> plan, Optional<String> csr, List<String> records, List<String> existingFiles,
             String command) {
        this(task, plan, csr, records, existingFiles, command, Optional.empty(), List.of(), List.of(), false);
    }

    /** The same with another plan (the one left when the operator unticked some changes). */
    Prepared withPlan(Plan other) {
        return new Prepared(task, Optional.of(other), csr, records, existingFiles, command, chain, overrides, rollover,
                merge, daneCheck);
    }

    /** True when Confirm would change something on disk. */
    public boolean changesSomething() {
        return plan.isPresent() && !plan.get().changesNothing();
    }

    /** The keys and certificates the plan makes or deploys, as the engine made them. */
    public List<KeyCertificate> keys() {
        return plan.map(Plan::keys).orElse(List.of());
    }

    /** Whether the plan makes files that exist only in memory until applied (so quitting loses them unless kept). */
    public boolean hasUnwrittenFiles() {
        return plan.isPresent() && !plan.get().files().isEmpty();
    }

    /** Whether the plan makes a new key (or a copy of one): a CSR can be made for it. */
    public boolean makesKey() {
        return plan.map(p -> p.files().stream().anyMatch(f -> f.role() == NewFile.Role.PRIVATE_KEY)).orElse(false);
    }
}
