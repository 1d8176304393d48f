package org.pftls.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.verify.AlgorithmCheck;
import org.pftls.engine.verify.DnsTlsaCheck;
import org.pftls.engine.verify.VerifyReport;

/**
 * A {@link VerifyReport} as the Done step shows it: one line per algorithm (what the server serves),
 * the TLSA records DNS publishes (whether the answer was DNSSEC-validated, what each record
 * matches), one line per problem or warning with its fix, and the verdict.
 */
final class VerifyLines {
    private VerifyLines() {
    }

    /** @param dnsNote what is said about DNS instead of its answer (not asked, or no answer) */
    static List<String> of(VerifyReport r, Optional<String> dnsNote) {
        List<String> out = new ArrayList<>();
        out.add("pftls verify: " + r.target().address() + " (" + r.target().origin() + "):");
        for (AlgorithmCheck a : r.algorithms()) {
            String name = String.format(Locale.ROOT, "  %-6s ", a.algorithm().postfixName());
            if (a.ok()) {
                out.add(name + "ok: serves the deployed key" + (a.certificateMatch() ? ", certificate and chain" : "")
                        + " (" + a.protocol() + ", " + a.cipher() + ")");
            } else if (a.servedSpkiSha256().isPresent()) {
                out.add(name + "serves something else than main.cf deploys (" + a.protocol() + ")");
            } else {
                out.add(name + "no certificate served");
            }
        }
        r.tlsa().dns().ifPresent(d -> dns(out, r.tlsa().name(), d));
        dnsNote.ifPresent(n -> out.add("  TLSA   " + n));
        for (Finding f : r.allFindings()) {
            if (f.severity() != Severity.INFO) {
                out.add("  ! " + (f.severity() == Severity.PROBLEM ? "PROBLEM" : "warning") + ": " + f.text()
                        + " [" + f.code() + "]");
            }
        }
        int problems = r.problems().size();
        out.add(r.ok() ? "  OK: the running server serves what is deployed."
                : "  FAILED: " + problems + " problem" + (problems == 1 ? "" : "s") + " (above).");
        return out;
    }

    /** The published records: how many, whether the answer was DNSSEC-validated, and what each matches. */
    private static void dns(List<String> out, String name, DnsTlsaCheck d) {
        int n = d.published().size();
        String validated = switch (d.dnssec()) {
            case SECURE -> "DNSSEC-validated";
            case INSECURE -> "not DNSSEC-signed (DANE clients ignore such records)";
            case BOGUS -> "DNSSEC validation failed (bogus)";
            case UNCHECKED -> "not DNSSEC-validated" + (d.detail().isEmpty() ? "" : " (" + d.detail() + ")");
        };
        out.add("  TLSA   " + name + " at " + d.resolver() + ": " + (n == 0 ? "no TLSA records" : n + " record"
                + (n == 1 ? "" : "s")) + "; the answer is " + validated);
        for (DnsTlsaCheck.Published p : d.published()) {
            out.add("    " + p.data());
            out.add("      " + (p.matches().isEmpty() ? "matches no deployed, served or staged key"
                    : "matches " + String.join(", ", p.matches())) + (p.usable() ? "" : " (not used by SMTP)"));
        }
    }
}
