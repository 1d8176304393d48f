package org.pftls.ui.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.ui.flow.Prepared;

/**
 * The Review step as plain lines, with the same content as the full-screen Review: the files to
 * create (mode, owner, role, path), the certificate (subject, names, validity, key, serial,
 * SHA-256 fingerprint), the TLSA records, the main.cf diff, the notes and the equivalent command.
 */
final class ReviewText {
    private static final String INDENT = "  ";

    private ReviewText() {
    }

    static List<String> lines(Prepared p, Optional<CertificateSummary> certificate, List<String> tlsa) {
        List<String> out = new ArrayList<>();
        if (!p.files().isEmpty()) {
            out.add("Files to create (nothing existing is overwritten):");
            p.files().forEach(f -> out.add(INDENT + f));
        }
        certificate.ifPresent(c -> {
            out.add("Certificate:");
            out.add(INDENT + "Subject:     " + c.subject());
            out.add(INDENT + "DNS names:   " + String.join(" ", c.dnsNames()));
            out.add(INDENT + "Valid:       " + c.notBefore() + " to " + c.notAfter());
            out.add(INDENT + "Key:         " + c.keyDescription());
            out.add(INDENT + "Serial:      " + c.serialHex());
            out.add(INDENT + "SHA-256 fingerprint:");
            out.add(INDENT + INDENT + c.sha256Fingerprint());
        });
        if (!tlsa.isEmpty()) {
            out.add("DANE TLSA records (for DNS, if you publish them):");
            tlsa.forEach(t -> out.add(INDENT + t));
        }
        if (!p.diff().isEmpty()) {
            out.add("main.cf changes (unified diff):");
            p.diff().forEach(d -> out.add(INDENT + d));
        } else if (p.task().changes()) {
            out.add("main.cf: no change.");
        }
        if (!p.notes().isEmpty()) {
            out.add("Notes:");
            p.notes().forEach(n -> out.add(INDENT + n));
        }
        out.add("Equivalent command:");
        out.add(INDENT + p.command());
        return out;
    }
}
