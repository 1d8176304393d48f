package org.pftls.ui;

import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.UntrustedText;
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
        out.add("Postfix:                 " + d.postfixVersion()
                + (d.postfixInstalled() ? "" : " (not installed: built-in defaults)"));
        out.add("myhostname:              " + d.myhostname());
        out.add("tls_random_source:       " + d.tlsRandomSource());
        out.add("SMTP client TLS:         " + (d.clientAllDefault() ? "all default (enable-client applies)"
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
        if (d.warnings().isEmpty()) {
            out.add("No problems found.");
        } else {
            out.add("Warnings:");
            d.warnings().forEach(w -> out.add("  ! " + w));
        }
        out.replaceAll(UntrustedText::escape); // certificate fields and file names: no terminal controls
        return out;
    }
}
