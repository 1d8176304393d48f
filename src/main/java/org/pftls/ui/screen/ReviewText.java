package org.pftls.ui.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.ui.flow.Prepared;
import org.pftls.ui.flow.Task;

/**
 * What the Review step shows, as lines: the equivalent command, every file to be created (mode,
 * owner, role, path), the certificate, the TLSA records, the main.cf change as a unified diff
 * (before and after), the notes, and the CSR when it was asked for.
 */
final class ReviewText {
    private static final String INDENT = "  ";

    /**
     * Files that exist already and are deployed as they are (the Deploy task), and the
     * certificate in them.
     */
    record Existing(List<String> files, Optional<CertificateSummary> certificate) {
        static final Existing NONE = new Existing(List.of(), Optional.empty());
    }

    private ReviewText() {
    }

    static List<String> lines(Prepared p, String csr, Existing existing) {
        List<String> out = new ArrayList<>();
        if (csr != null && p.task() != Task.CSR) {
            // Asked for with "Show CSR": shown first, where the operator is looking.
            out.add("Certificate signing request for the new key (PEM):");
            csr.lines().forEach(out::add);
            out.add("");
        }
        out.add("Equivalent command:");
        out.add(INDENT + p.command());
        if (!existing.files().isEmpty()) {
            out.add("");
            out.add("Files to deploy, as they are (nothing is copied): mode, owner, path");
            existing.files().forEach(f -> out.add(INDENT + f));
        }
        if (p.task().changes()) {
            out.add("");
            changes(p, out);
        }
        p.certificate().or(existing::certificate).ifPresent(c -> {
            out.add("");
            certificate(c, out);
        });
        if (!p.tlsa().isEmpty()) {
            out.add("");
            out.add(p.task() == Task.TLSA ? "TLSA records:" : "TLSA records of the new key (for DANE: publish them in DNS):");
            p.tlsa().forEach(l -> out.add(INDENT + l));
        }
        if (!p.notes().isEmpty()) {
            out.add("");
            out.add("Notes:");
            p.notes().forEach(n -> out.add(INDENT + "! " + n));
        }
        if (csr != null && p.task() == Task.CSR) {
            out.add("");
            out.add("Certificate signing request (PEM):");
            csr.lines().forEach(out::add);
        }
        return out;
    }

    private static void changes(Prepared p, List<String> out) {
        if (!p.changesSomething()) {
            out.add("Nothing will change: no file is created and main.cf stays as it is.");
            return;
        }
        if (p.files().isEmpty()) {
            out.add("No new files are created.");
        } else {
            out.add("Files to be created (never overwriting anything): mode, owner, what, path");
            p.files().forEach(f -> out.add(INDENT + f));
        }
        out.add("");
        if (p.diff().isEmpty()) {
            out.add("main.cf does not change.");
        } else {
            out.add("main.cf will change like this (- before, + after):");
            p.diff().forEach(l -> out.add(INDENT + l));
        }
    }

    private static void certificate(CertificateSummary c, List<String> out) {
        out.add("Certificate:");
        out.add(INDENT + "Subject:    " + c.subject());
        out.add(INDENT + "DNS names:  " + String.join(", ", c.dnsNames()));
        out.add(INDENT + "Valid:      " + c.notBefore() + " to " + c.notAfter());
        out.add(INDENT + "Key:        " + c.keyDescription());
        out.add(INDENT + "SHA-256:    " + half(c.sha256Fingerprint(), true));
        String rest = half(c.sha256Fingerprint(), false);
        if (!rest.isEmpty()) {
            out.add(INDENT + "            " + rest);
        }
    }

    /** The fingerprint's first or second 16 bytes, so that it fits in 80 columns. */
    private static String half(String fingerprint, boolean first) {
        int cut = Math.min(fingerprint.length(), 16 * 3);
        return first ? fingerprint.substring(0, cut).replaceAll(":$", "") : fingerprint.substring(cut);
    }
}
