package org.pftls.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pftls.engine.check.ChainLink;
import org.pftls.engine.check.ChainVerdict;
import org.pftls.engine.check.Finding;
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
     * @param p        what Generate prepared (a merge's checklist lists all its decisions)
     * @param applied  the same without the changes the operator unticked: what Confirm applies
     * @param unticked the unticked changes (parameter names)
     * @param csrAsked the CSR of the new key, when the operator asked to see it: it comes first,
     *                 where they are looking
     */
    ReviewDocument build(Prepared p, Prepared applied, Set<String> unticked, Optional<String> csrAsked) {
        List<ReviewSection> sections = new ArrayList<>();
        csrAsked.filter(c -> p.task() != Task.CSR).ifPresent(c -> sections.add(section(Kind.CSR_ASKED,
                "Certificate signing request for the new key (PEM):", new Lines(Lines.Style.PEM, c.lines().toList()))));
        sections.add(command(p, unticked));
        if (!p.existingFiles().isEmpty()) {
            sections.add(section(Kind.EXISTING_FILES, "Files to deploy, as they are (nothing is copied): mode, owner,"
                    + " path", new Lines(Lines.Style.PLAIN, p.existingFiles())));
        }
        p.chain().ifPresent(v -> sections.add(chain(v)));
        if (!p.daneCheck().isEmpty()) {
            sections.add(section(Kind.DANE_CHECK, "The resolvers Postfix asks (enable-client --dane's DNSSEC check):",
                    new ReviewBlock.Marked(p.daneCheck().stream()
                            .map(t -> new ReviewBlock.Item(ReviewBlock.Mark.NOTE, t)).toList())));
        }
        applied.plan().ifPresent(plan -> changes(p, plan, sections));
        if (!p.overrides().isEmpty()) {
            sections.add(section(Kind.MASTER_CF, "master.cf overrides main.cf for some services (pftls never edits"
                    + " master.cf):", new ReviewBlock.Marked(FindingItems.of(p.overrides()))));
        }
        for (KeyCertificate k : p.keys()) {
            sections.add(section(Kind.CERTIFICATE, p.keys().size() == 1 ? "Certificate:"
                    : "Certificate (" + k.algorithm() + "):", certificate(k.certificate())));
        }
        if (!p.rollover().isEmpty()) {
            sections.add(rollover(p));
        } else {
            List<String> records = records(p);
            if (!records.isEmpty()) {
                sections.add(section(Kind.TLSA, tlsaHeading(p), new Lines(Lines.Style.COPYABLE, records)));
            }
        }
        applied.plan().flatMap(plan -> notes(plan, p.chain())).ifPresent(sections::add);
        p.csr().ifPresent(c -> sections.add(section(Kind.CSR, "Certificate signing request (PEM):",
                new Lines(Lines.Style.PEM, c.lines().toList()))));
        return new ReviewDocument(sections);
    }

    /** The equivalent command; for a merge with unticked changes, the postconf lines that leave them out. */
    private static ReviewSection command(Prepared p, Set<String> unticked) {
        List<String> left = p.plan().map(plan -> MergeReview.left(plan, unticked)).orElse(List.of());
        if (!p.merge() || left.isEmpty()) {
            return section(Kind.COMMAND, "Equivalent command:", new Lines(Lines.Style.COPYABLE, List.of(p.command())));
        }
        Plan plan = p.plan().orElseThrow();
        String dir = plan.command().size() > 2 ? plan.command().get(2) : "";
        return new ReviewSection(Kind.COMMAND, "Equivalent commands:", List.of(
                new ReviewBlock.Text("The command makes every change; unticked here, " + String.join(", ", left)
                        + (left.size() == 1 ? " is" : " are") + " left out, as the postconf line"
                        + (left.size() == 1 ? " after it does:" : "s after it do:")),
                new Lines(Lines.Style.COPYABLE, MergeReview.commands(p.command(), plan, unticked, dir))));
    }

    /** Deploy: the chain as a small tree, leaf first (each certificate linked to the next), and what the check found. */
    private static ReviewSection chain(ChainVerdict v) {
        List<ReviewBlock> blocks = new ArrayList<>();
        ReviewBlock.Node next = null;
        List<ChainLink> links = v.chain();
        for (int i = links.size() - 1; i >= 0; i--) {
            ChainLink l = links.get(i);
            String role = switch (l.role()) {
                case SERVER -> "server certificate";
                case INTERMEDIATE -> "intermediate CA";
                case ROOT -> "root CA";
            };
            next = new ReviewBlock.Node(l.position() + ". " + role + ": " + l.subject(), List.of(
                    new Row("Issuer", l.issuer()), new Row("Valid", l.notBefore() + " to " + l.notAfter()),
                    new Row("Key", l.keyDescription()), new Row("Check", l.linkText())),
                    next == null ? List.of() : List.of(next));
        }
        if (next != null) {
            blocks.add(new ReviewBlock.Tree(List.of(next)));
        }
        List<Finding> found = v.findings();
        blocks.add(found.isEmpty() ? new ReviewBlock.Marked(List.of(new ReviewBlock.Item(ReviewBlock.Mark.OK,
                "the chain check found nothing to fix"))) : new ReviewBlock.Marked(FindingItems.of(found)));
        return new ReviewSection(Kind.CHAIN, "Certificate chain, as deploy-server-cert checks it:", blocks);
    }

    private void changes(Prepared p, Plan plan, List<ReviewSection> sections) {
        if (plan.changesNothing()) {
            List<ReviewBlock> blocks = new ArrayList<>();
            blocks.add(new ReviewBlock.Text("Nothing will change: no file is created and main.cf stays as it is."));
            if (!plan.messages().isEmpty()) {
                blocks.add(new Lines(Lines.Style.PLAIN, plan.messages()));
            }
            if (p.merge()) {
                sections.add(decisions(p));
            }
            sections.add(new ReviewSection(Kind.MAIN_CF, "What changes:", blocks));
            return;
        }
        if (p.task() != Task.DEPLOY) {
            sections.add(plan.files().isEmpty() ? section(Kind.NEW_FILES, "Files to be created:",
                    new ReviewBlock.Text("No new files are created."))
                    : section(Kind.NEW_FILES, "Files to be created (never overwriting anything): mode, owner, what, path",
                    new Lines(Lines.Style.PLAIN, fileRows(plan))));
        }
        if (p.merge()) {
            sections.add(decisions(p));
        }
        sections.add(plan.mainCf().isEmpty() ? section(Kind.MAIN_CF, "main.cf:",
                new ReviewBlock.Text("main.cf does not change."))
                : section(Kind.MAIN_CF, "main.cf will change like this (- before, + after):",
                new Lines(Lines.Style.DIFF, PlanReport.mainCfDiff(plan))));
    }

    /** A merge: every parameter as the subcommand with --merge decides it, the changes with check boxes. */
    private static ReviewSection decisions(Prepared p) {
        return new ReviewSection(Kind.DECISIONS, "main.cf parameters, as " + p.task().subcommand() + " --merge"
                + " decides them:", List.of(new ReviewBlock.Text(MergeReview.explanation()),
                MergeReview.checklist(p.plan().orElseThrow())));
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

    /** "Current + next": the deployed keys' records and the new keys' records side by side, with the advice. */
    private static ReviewSection rollover(Prepared p) {
        String advice = p.task() == Task.ENABLE_SERVER
                ? "Applying deploys the new key(s) at once. If you publish DANE TLSA records, publish the \"next\""
                + " records below first and wait until the old records' TTL has passed (or quit, make the keys with"
                + " \"New key and certificate\" and deploy them later); remove the \"current\" ones afterwards."
                : "If you publish DANE TLSA records, publish all of these now, wait until the old records' TTL has"
                + " passed, then deploy the new key; remove the \"current\" records afterwards.";
        return new ReviewSection(Kind.ROLLOVER, "TLSA records, deployed and new keys (DANE \"current + next\"):",
                List.of(new ReviewBlock.Text(advice),
                new Lines(Lines.Style.COPYABLE, p.rollover())));
    }

    /** The warnings (those the chain section shows are not repeated) and the version notes. */
    private static Optional<ReviewSection> notes(Plan plan, Optional<ChainVerdict> chain) {
        List<String> shown = chain.map(v -> v.findings().stream().map(Finding::text).toList()).orElse(List.of());
        List<ReviewBlock.Item> items = new ArrayList<>();
        plan.warnings().stream().filter(w -> !shown.contains(w))
                .forEach(w -> items.add(new ReviewBlock.Item(ReviewBlock.Mark.WARNING, w)));
        plan.notes().forEach(n -> items.add(new ReviewBlock.Item(ReviewBlock.Mark.NOTE, n)));
        return items.isEmpty() ? Optional.empty()
                : Optional.of(section(Kind.NOTES, "Notes:", new ReviewBlock.Marked(items)));
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
