package org.pftls.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.verify.AlgorithmCheck;
import org.pftls.engine.verify.VerifyReport;

/**
 * A {@link VerifyReport} as the Done step shows it: one line per algorithm (what the server serves),
 * one per problem or warning with its fix, and the verdict.
 */
final class VerifyLines {
    private VerifyLines() {
    }

    static List<String> of(VerifyReport r) {
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
}
