package org.pftls.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pftls.ui.flow.ReviewBlock;
import org.pftls.ui.flow.ReviewBlock.Entry;
import org.pftls.ui.flow.ReviewBlock.Item;
import org.pftls.ui.flow.ReviewBlock.Lines;
import org.pftls.ui.flow.ReviewBlock.Mark;
import org.pftls.ui.flow.ReviewBlock.Node;
import org.pftls.ui.flow.ReviewBlock.Row;
import org.pftls.ui.flow.ReviewDocument;
import org.pftls.ui.flow.ReviewSection;

/**
 * Every kind of Review block, as both wizards show it: what the coming sections (main.cf changes
 * to untick, a certificate chain, findings, TLSA records of several keys) are made of.
 */
class ReviewLinesTest {
    /** A document with one section per block kind, like the sections the next features add. */
    static ReviewDocument everyBlock() {
        return new ReviewDocument(List.of(
                new ReviewSection(ReviewSection.Kind.CERTIFICATE, "Certificate:", List.of(new ReviewBlock.Rows(List.of(
                        new Row("Subject", "CN=mx.example.org"),
                        new Row("SHA-256", "0A:93:AF:A0:82:9F:F1:AB:CE:5F:C3:8A:53:8E:A8:A4:C5:CD:3A:4E:D9:F0:A7:D5:E5"
                                + ":AB:F5:B8:AB:15:9F:60"))))),
                new ReviewSection(ReviewSection.Kind.NOTES, "Findings:", List.of(new ReviewBlock.Marked(List.of(
                        new Item(Mark.PROBLEM, "the certificate expired on 2026-01-01; deploy a new one"),
                        new Item(Mark.WARNING, "the key is readable by others; chmod 600 it"),
                        new Item(Mark.OK, "key and certificate match"))))),
                new ReviewSection(ReviewSection.Kind.CERTIFICATE, "Chain:", List.of(new ReviewBlock.Tree(List.of(
                        new Node("CN=mx.example.org", List.of(new Row("Issuer", "CN=R11")), List.of(
                                new Node("CN=R11", List.of(new Row("Issuer", "CN=ISRG Root X1")), List.of()))))))),
                new ReviewSection(ReviewSection.Kind.MAIN_CF, "main.cf parameters:", List.of(new ReviewBlock.Checklist(
                        "main.cf", List.of(
                        new Entry("smtpd_tls_security_level", "smtpd_tls_security_level: none -> may", "changed",
                                true),
                        new Entry("smtpd_tls_loglevel", "smtpd_tls_loglevel = 1", "kept", false),
                        new Entry("smtpd_tls_received_header", "smtpd_tls_received_header = yes", "added", true))))),
                new ReviewSection(ReviewSection.Kind.CSR, "CSR:", List.of(
                        new ReviewBlock.Text("Send it to the CA."),
                        new Lines(Lines.Style.PEM, List.of("-----BEGIN CERTIFICATE REQUEST-----", "MIIB",
                                "-----END CERTIFICATE REQUEST-----"))))));
    }

    @Test
    void everyBlockKindHasItsLayout() {
        List<String> lines = new ReviewLines(60, false).render(everyBlock(),
                key -> key.equals("main.cf") ? Set.of("smtpd_tls_received_header") : Set.of());
        assertEquals(List.of(
                "Certificate:",
                "  Subject:  CN=mx.example.org",
                "  SHA-256:  0A:93:AF:A0:82:9F:F1:AB:CE:5F:C3:8A:53:8E:A8:A4:",
                "            C5:CD:3A:4E:D9:F0:A7:D5:E5:AB:F5:B8:AB:15:9F:60",
                "",
                "Findings:",
                "  ! PROBLEM: the certificate expired on 2026-01-01; deploy a",
                "             new one",
                "  ! warning: the key is readable by others; chmod 600 it",
                "  ok: key and certificate match",
                "",
                "Chain:",
                "  CN=mx.example.org",
                "    Issuer:  CN=R11",
                "    `- CN=R11",
                "         Issuer:  CN=ISRG Root X1",
                "",
                "main.cf parameters:",
                "  [x] 1) smtpd_tls_security_level: none -> may (changed)",
                "          smtpd_tls_loglevel = 1 (kept)",
                "  [ ] 2) smtpd_tls_received_header = yes (added)",
                "",
                "CSR:",
                "  Send it to the CA.",
                "-----BEGIN CERTIFICATE REQUEST-----",
                "MIIB",
                "-----END CERTIFICATE REQUEST-----"), lines);
    }

    @Test
    void treeBranchesAreBoxCharactersOnUnicodeTerminals() {
        List<String> lines = new ReviewLines(60, true).render(everyBlock(), key -> Set.of());
        assertEquals("    \u2514\u2500 CN=R11", lines.get(lines.indexOf("    Issuer:  CN=R11") + 1));
    }
}
