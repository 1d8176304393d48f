package org.pftls.engine.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;

/**
 * The result of {@code pftls verify}: data that the command line prints as text or JSON, and that
 * a wizard's Done screen can show.
 *
 * @param time       when it ran (the instance's clock)
 * @param target     where it connected, and why there
 * @param algorithms one check per deployed algorithm
 * @param tlsa       the TLSA records computed from the deployed keys (and DNS, when asked)
 * @param findings   problems that are not about one algorithm (nothing deployed, connection refused, ...)
 */
public record VerifyReport(Instant time, SmtpTarget target, List<AlgorithmCheck> algorithms, TlsaCheck tlsa,
                           List<Finding> findings) {
    public VerifyReport {
        algorithms = List.copyOf(algorithms);
        findings = List.copyOf(findings);
    }

    /** Every finding: the general ones, then each algorithm's, then the DNS ones. */
    public List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>(findings);
        algorithms.forEach(a -> all.addAll(a.findings()));
        tlsa.dns().ifPresent(d -> all.addAll(d.findings()));
        return all;
    }

    /** The problems (findings of severity PROBLEM). */
    public List<Finding> problems() {
        return allFindings().stream().filter(f -> f.severity() == Severity.PROBLEM).toList();
    }

    /** True when the running server serves what is deployed (and DNS matches, when asked). */
    public boolean ok() {
        return problems().isEmpty() && !algorithms.isEmpty() && algorithms.stream().allMatch(AlgorithmCheck::ok);
    }
}
