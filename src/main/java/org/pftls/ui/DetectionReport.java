package org.pftls.ui;

import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.UntrustedText;
import org.pftls.engine.check.Severity;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.Detection;

/** A {@link Detection} as plain text lines: {@code pftls status}, the Detect step of both wizards. */
public final class DetectionReport {
    private DetectionReport() {
    }

    public static List<String> lines(Detection d) {
        List<String> out = new ArrayList<>();
        out.add("Configuration directory: " + d.configDirectory());
        out.add("Postfix:                 " + (d.postfixInstalled()
                ? d.postfixVersion() + d.postfixPrograms().map(p -> " (programs in " + p + ")").orElse("")
                : "none found; using the built-in defaults of " + BuiltinPostfix37.MODEL));
        out.add("myhostname:              " + d.myhostname());
        out.add("tls_random_source:       " + d.tlsRandomSource());
        out.add("SMTP client TLS:         " + (d.clientAllDefault() ? "all default (enable-client applies)"
                + (opportunisticByDefault(d) ? "; opportunistic already (the default security level is may)" : "")
                : "configured: " + String.join(", ", d.clientNonDefault())));
        out.add("SMTP server TLS:         " + (d.serverAllDefault() ? "all default (enable-server applies)"
                : "configured: " + String.join(", ", d.serverNonDefault())));
        out.add("Server TLS level:        " + d.server().level().describe());
        out.add("Server certificates:     " + d.server().description());
        for (var o : d.server().overrides()) {
            out.add("master.cf override:      " + o.service() + " (port " + o.port() + ", line " + o.line() + "): -o "
                    + o.parameter() + "=" + o.value());
        }
        d.versionAdvice().stream().filter(f -> f.severity() == Severity.INFO)
                .forEach(f -> out.add("Note: " + f.text()));
        List<String> shown = new ArrayList<>();
        for (DeployedPair p : d.deployed()) {
            out.addAll(CertificateReportText.lines(p));
            shown.addAll(p.problems());
        }
        List<String> others = d.warnings().stream().filter(w -> !shown.contains(w)).toList();
        if (d.warnings().isEmpty()) {
            out.add("No problems found.");
        } else if (!others.isEmpty()) {
            out.add(shown.isEmpty() ? "Warnings:" : "Other warnings:");
            others.forEach(w -> out.add("  ! " + w));
        }
        out.replaceAll(UntrustedText::escape); // certificate fields and file names: no terminal controls
        return out;
    }

    private static boolean opportunisticByDefault(Detection d) {
        return d.versionAdvice().stream().anyMatch(f -> f.code().equals("client-opportunistic-by-default"));
    }
}
