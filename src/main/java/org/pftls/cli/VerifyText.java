package org.pftls.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pftls.engine.check.Finding;
import org.pftls.engine.verify.AlgorithmCheck;
import org.pftls.engine.verify.DnsTlsaCheck;
import org.pftls.engine.verify.TlsaCheck;
import org.pftls.engine.verify.VerifyReport;

/** {@code pftls verify} as text: what was served per algorithm, the TLSA records, every finding, the verdict. */
final class VerifyText {
    private VerifyText() {
    }

    static List<String> lines(VerifyReport r) {
        List<String> out = new ArrayList<>();
        out.add("Verified " + r.target().address() + " (" + r.target().origin() + ") at " + r.time() + ":");
        for (AlgorithmCheck a : r.algorithms()) {
            String name = String.format("  %-6s ", a.algorithm().postfixName());
            if (a.ok()) {
                out.add(name + "serves the deployed key" + (a.certificateMatch() ? ", certificate and chain" : "")
                        + " (" + a.protocol() + ", " + a.cipher() + ", " + a.millis() + " ms)");
            } else if (a.servedSpkiSha256().isPresent()) {
                out.add(name + "serves something else than main.cf deploys (" + a.protocol() + ", " + a.cipher() + ")");
            } else {
                out.add(name + "no certificate served");
            }
            a.keyFile().ifPresent(k -> out.add("         key " + k + a.deployedSpkiSha256()
                    .map(s -> " (SPKI sha256 " + s.substring(0, 16) + "...)").orElse("")));
            a.certFile().ifPresent(c -> out.add("         certificate " + c));
            a.served().ifPresent(s -> out.add("         served " + s.subject() + ", expires " + s.notAfter()
                    + a.servedSpkiSha256().map(x -> " (SPKI sha256 " + x.substring(0, 16) + "...)").orElse("")));
        }
        tlsa(out, r.tlsa());
        for (Finding f : r.allFindings()) {
            out.add(f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.text() + " [" + f.code() + "]");
        }
        int problems = r.problems().size();
        out.add(r.ok() ? "OK: the running server serves what is deployed."
                : "FAILED: " + problems + " problem" + (problems == 1 ? "" : "s") + " (above).");
        return out;
    }

    private static void tlsa(List<String> out, TlsaCheck t) {
        if (t.expected().isEmpty()) {
            return;
        }
        out.add("  TLSA   records for the deployed keys"
                + (t.servedMatch() ? " (the served certificates match them):" : ":"));
        for (TlsaCheck.Expected e : t.expected()) {
            out.add("         " + e.record(t.name()) + "  ; " + e.algorithm().postfixName());
        }
        if (t.dns().isEmpty()) {
            return;
        }
        DnsTlsaCheck d = t.dns().get();
        out.add("  DNS    " + t.name() + " at " + d.resolver() + ": " + d.status().name().toLowerCase(Locale.ROOT)
                + ", DNSSEC " + d.dnssec().name().toLowerCase(Locale.ROOT) + " (validated by pftls)"
                + (d.resolverAd() ? ", AD bit set by the resolver" : ", no AD bit from the resolver"));
        for (DnsTlsaCheck.Published p : d.published()) {
            out.add("         " + p.data() + (p.usable() ? "" : " (not used by SMTP)") + "  ; "
                    + (p.matches().isEmpty() ? "matches nothing" : "matches " + String.join(", ", p.matches())));
        }
    }
}
