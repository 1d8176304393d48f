package org.pftls.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pftls.engine.check.ChainLink;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.tls.CertificateReport;
import org.pftls.engine.tls.DeployedPair;

/**
 * One deployed key and certificate as plain text lines, for {@code pftls status} and the Detect
 * step: the certificate's details, its chain as deployed, and every finding with its fix.
 */
public final class CertificateReportText {
    private static final String INDENT = "      ";

    private CertificateReportText() {
    }

    public static List<String> lines(DeployedPair p) {
        String name = p.algorithm().postfixName().toUpperCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (!p.configured()) {
            out.add(name + " key and certificate: none deployed");
            return out;
        }
        if (p.report().isEmpty()) {
            out.add(name + " key:  " + p.keyFile().map(Path::toString).orElse("(not set)"));
            out.add(name + " cert: " + p.certFile().map(Path::toString).orElse("(not set)"));
            return out;
        }
        CertificateReport r = p.report().get();
        out.add(name + " key:  " + r.keyFile().map(Path::toString).orElse("(not set)")
                + r.keyDescription().map(k -> "  " + k).orElse("")
                + r.keyMode().map(m -> "  mode " + m).orElse("")
                + r.keyOwner().map(o -> "  owner " + o + r.keyGroup().map(g -> ":" + g).orElse("")).orElse(""));
        out.add(name + " cert: " + r.certFile().map(Path::toString).orElse("(not set)")
                + r.certbotLineage().map(l -> "  (certbot: " + l + ")").orElse(""));
        if (r.certificate().isPresent()) {
            CertificateSummary c = r.certificate().get();
            out.add(INDENT + "subject   " + c.subject());
            out.add(INDENT + "DNS names " + (c.dnsNames().isEmpty() ? "(none)" : String.join(", ", c.dnsNames())));
            out.add(INDENT + "issuer    " + r.issuer().orElse("?") + (r.selfSigned() ? " (self-signed)" : ""));
            out.add(INDENT + "valid     " + c.notBefore() + " to " + c.notAfter()
                    + r.daysUntilExpiry().map(CertificateReportText::days).orElse(""));
            out.add(INDENT + "chain     " + r.chainLength() + (r.chainLength() == 1 ? " certificate" : " certificates")
                    + " as deployed");
            for (ChainLink link : r.chain()) {
                out.add(INDENT + "  " + link.position() + ". " + link.subject() + " (" + link.keyDescription()
                        + ", until " + link.notAfter() + "): " + link.linkText());
            }
        }
        p.matches().ifPresent(m -> out.add(INDENT + "key and certificate " + (m ? "match" : "DO NOT MATCH")));
        for (Finding f : r.findings()) {
            out.add(INDENT + (f.severity() == Severity.INFO ? "- " : "! ") + f.text());
        }
        return out;
    }

    private static String days(long days) {
        if (days < 0) {
            return " (expired " + -days + (days == -1 ? " day" : " days") + " ago)";
        }
        return " (" + days + (days == 1 ? " day" : " days") + " left)";
    }
}
