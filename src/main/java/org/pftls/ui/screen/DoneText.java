package org.pftls.ui.screen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pftls.ui.flow.Outcome;
import org.pftls.ui.flow.Prepared;
import org.pftls.ui.flow.Task;

/**
 * What the Done step shows, and the plain-text summary left in the scrollback when the full
 * screen closes.
 *
 * @param outcome    what applying did; null when nothing was applied (output tasks)
 * @param prepared   what was reviewed; null when the wizard ended before Generate
 * @param savedCsr   where the CSR was saved, or null
 * @param afterDone  lines added on the Done step (the postfix reload result)
 * @param demo       whether this is the demo sandbox
 * @param configDir  the configuration directory
 */
record DoneText(Outcome outcome, Prepared prepared, Path savedCsr, List<String> afterDone, boolean demo,
                Path configDir) {

    /** The Done step's text. */
    List<String> screen() {
        List<String> lines = new ArrayList<>();
        if (outcome == null) {
            lines.add(savedCsr == null ? "Nothing was changed." : "Nothing was changed except that the CSR was"
                    + " saved to " + savedCsr + ".");
            if (prepared != null && !prepared.task().changes()) {
                lines.add("");
                lines.addAll(output());
                lines.add("");
                lines.add("These lines are printed again when the wizard closes, so that you can copy them.");
                lines.add("");
                lines.add("Next steps:");
                lines.add(prepared.task() == Task.TLSA
                        ? "  - publish the records in DNS (DNSSEC-signed zone), replacing older ones for this host"
                        : "  - send the CSR to your certificate authority, then deploy the certificate it returns"
                        + " with: pftls -c " + configDir + " deploy-server-cert CERTFILE KEYFILE");
            } else if (prepared != null) {
                prepared.notes().forEach(n -> lines.add("  " + n));
            }
            return lines;
        }
        lines.add("What changed:");
        outcome.changed().forEach(c -> lines.add("  " + c));
        if (!outcome.messages().isEmpty()) {
            lines.add("");
            lines.add("Messages (the command line prints and logs the same lines):");
            outcome.messages().forEach(m -> lines.add("  " + m));
        }
        if (!outcome.nextSteps().isEmpty()) {
            lines.add("");
            lines.add("Next steps:");
            outcome.nextSteps().forEach(n -> lines.add("  - " + n));
        }
        boolean mainCfChanged = prepared != null && prepared.plan().map(pl -> pl.mainCf().isPresent()).orElse(false);
        if (mainCfChanged && !outcome.reloadPossible()) {
            lines.add("");
            lines.add("pftls does not offer postfix reload here: " + (demo ? "this is the demo sandbox."
                    : "Postfix is not installed."));
        }
        return lines;
    }

    /** The scrollback summary (for output tasks: the records or the CSR, as the command line prints them). */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        if (outcome != null) {
            lines.addAll(outcome.summary());
            if (prepared != null && !prepared.tlsa().isEmpty()) {
                lines.add("TLSA records of the key:");
                prepared.tlsa().forEach(t -> lines.add("  " + t));
            }
        } else if (prepared != null && !prepared.task().changes()) {
            lines.addAll(output());
        } else {
            lines.add("pftls: nothing was changed.");
        }
        if (savedCsr != null) {
            lines.add("pftls: the CSR was saved to " + savedCsr);
        }
        afterDone.forEach(l -> lines.add("pftls: " + l));
        return lines;
    }

    /** What an output task produced, exactly as the command line prints it on stdout. */
    private List<String> output() {
        if (prepared.task() == Task.CSR) {
            return prepared.csr().map(c -> c.lines().toList()).orElse(List.of());
        }
        return prepared.tlsa();
    }
}
