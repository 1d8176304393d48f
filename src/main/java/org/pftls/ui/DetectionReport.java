package org.pftls.ui;

import java.util.ArrayList;
import java.util.List;
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
        for (DeployedPair p : d.deployed()) {
            String name = p.algorithm().postfixName().toUpperCase(java.util.Locale.ROOT);
            if (!p.configured()) {
                out.add(name + " key and certificate: none deployed");
                continue;
            }
            out.add(name + " key:  " + p.keyFile().map(Object::toString).orElse("(not set)")
                    + p.keyMode().map(m -> "  mode " + m).orElse("")
                    + p.keyDescription().map(k -> "  " + k).orElse(""));
            out.add(name + " cert: " + p.certFile().map(Object::toString).orElse("(not set)"));
            if (p.certificate().isPresent()) {
                CertificateSummary c = p.certificate().get();
                out.add("      subject " + c.subject() + ", DNS " + String.join(" ", c.dnsNames()));
                out.add("      valid " + c.notBefore() + " to " + c.notAfter());
            }
            p.matches().ifPresent(m -> out.add("      key and certificate " + (m ? "match" : "DO NOT MATCH")));
        }
        d.versionAdvice().stream().filter(f -> f.severity() == Severity.INFO)
                .forEach(f -> out.add("Note: " + f.text()));
        if (d.warnings().isEmpty()) {
            out.add("No problems found.");
        } else {
            out.add("Warnings:");
            d.warnings().forEach(w -> out.add("  ! " + w));
        }
        return out;
    }

    private static boolean opportunisticByDefault(Detection d) {
        return d.versionAdvice().stream().anyMatch(f -> f.code().equals("client-opportunistic-by-default"));
    }
}
