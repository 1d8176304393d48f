package org.pftls.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.plan.KeyCertificate;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;
import org.pftls.ui.PlanReport;
import org.pftls.ui.flow.ReviewBlock.Lines;
import org.pftls.ui.flow.ReviewBlock.Row;
import org.pftls.ui.flow.ReviewSection.Kind;

/**
 * Makes the Review document of a prepared task: the one place that decides what the Review
 * shows, for both wizards. A new section is added here (with a new {@link Kind}).
 */
final class ReviewBuilder {
    private final String fileOwner;

    /** @param fileOwner the owner new files get, shown with their mode */
    ReviewBuilder(String fileOwner) {
        this.fileOwner = fileOwner;
    }

    /**
     * @param csrAsked the CSR of the new key, when the operator asked to see it: it comes first,
     *                 where they are looking
     */
    ReviewDocument build(Prepared p, Optional<String> csrAsked) {
        List<ReviewSection> sections = new ArrayList<>();
        csrAsked.filter(c -> p.task() != Task.CSR).ifPresent(c -> sections.add(section(Kind.CSR_ASKED,
                "Certificate signing request for the new key (PEM):", new Lines(Lines.Style.PEM, c.lines().toList()))));
        sections.add(section(Kind.COMMAND, "Equivalent command:", new Lines(Lines.Style.COPYABLE, List.of(p.command()))));
        if (!p.existingFiles().isEmpty()) {
            sections.add(section(Kind.EXISTING_FILES, "Files to deploy, as they are (nothing is copied): mode, owner,"
                    + " path", new Lines(Lines.Style.PLAIN, p.existingFiles())));
        }
        p.plan().ifPresent(plan -> changes(p.task(), plan, sections));
        for (KeyCertificate k : p.keys()) {
            sections.add(section(Kind.CERTIFICATE, p.keys().size() == 1 ? "Certificate:"
                    : "Certificate (" + k.algorithm() + "):", certificate(k.certificate())));
        }
        List<String> records = records(p);
        if (!records.isEmpty()) {
            sections.add(section(Kind.TLSA, tlsaHeading(p), new Lines(Lines.Style.COPYABLE, records)));
        }
        p.plan().filter(plan -> !plan.warnings().isEmpty()).ifPresent(plan -> sections.add(section(Kind.NOTES, "Notes:",
                new ReviewBlock.Marked(plan.warnings().stream()
                        .map(w -> new ReviewBlock.Item(ReviewBlock.Mark.WARNING, w)).toList()))));
        p.csr().ifPresent(c -> sections.add(section(Kind.CSR, "Certificate signing request (PEM):",
                new Lines(Lines.Style.PEM, c.lines().toList()))));
        return new ReviewDocument(sections);
    }

    private void changes(Task task, Plan plan, List<ReviewSection> sections) {
        if (plan.changesNothing()) {
            List<ReviewBlock> blocks = new ArrayList<>();
            blocks.add(new ReviewBlock.Text("Nothing will change: no file is created and main.cf stays as it is."));
            if (!plan.messages().isEmpty()) {
                blocks.add(new Lines(Lines.Style.PLAIN, plan.messages()));
            }
            sections.add(new ReviewSection(Kind.MAIN_CF, "What changes:", blocks));
            return;
        }
        if (task != Task.DEPLOY) {
            sections.add(plan.files().isEmpty() ? section(Kind.NEW_FILES, "Files to be created:",
                    new ReviewBlock.Text("No new files are created."))
                    : section(Kind.NEW_FILES, "Files to be created (never overwriting anything): mode, owner, what, path",
                    new Lines(Lines.Style.PLAIN, fileRows(plan))));
        }
        sections.add(plan.mainCf().isEmpty() ? section(Kind.MAIN_CF, "main.cf:",
                new ReviewBlock.Text("main.cf does not change."))
                : section(Kind.MAIN_CF, "main.cf will change like this (- before, + after):",
                new Lines(Lines.Style.DIFF, PlanReport.mainCfDiff(plan))));
    }

    private List<String> fileRows(Plan plan) {
        List<String> rows = new ArrayList<>();
        for (NewFile f : plan.files()) {
            rows.add(f.modeText() + "  " + fileOwner + "  " + f.role().label() + "  " + f.path());
        }
        return rows;
    }

    private static ReviewBlock certificate(CertificateSummary c) {
        return new ReviewBlock.Rows(List.of(
                new Row("Subject", c.subject()),
                new Row("DNS names", String.join(", ", c.dnsNames())),
                new Row("Valid", c.notBefore() + " to " + c.notAfter()),
                new Row("Key", c.keyDescription()),
                new Row("Serial", c.serialHex()),
                new Row("SHA-256", c.sha256Fingerprint())));
    }

    /** The TLSA records: the task's output, or one per key, each after its "; keyfile" line. */
    private static List<String> records(Prepared p) {
        if (p.task() == Task.TLSA) {
            return p.records();
        }
        List<String> lines = new ArrayList<>();
        for (KeyCertificate k : p.keys()) {
            if (!k.tlsaRecord().isEmpty()) {
                lines.add("; " + k.keyFile());
                lines.add(k.tlsaRecord());
            }
        }
        return lines;
    }

    private static String tlsaHeading(Prepared p) {
        if (p.task() == Task.TLSA) {
            return "TLSA records:";
        }
        if (p.keys().stream().anyMatch(k -> k.origin() == KeyCertificate.Origin.NEW_KEY)) {
            return "TLSA records of the new key (for DANE: publish them in DNS):";
        }
        if (p.keys().stream().anyMatch(k -> k.origin() == KeyCertificate.Origin.EXISTING)) {
            return "TLSA records of the key to deploy (publish them before deploying):";
        }
        return "TLSA records of the kept key (records published for it stay valid):";
    }

    private static ReviewSection section(Kind kind, String heading, ReviewBlock block) {
        return new ReviewSection(kind, heading, List.of(block));
    }
}
