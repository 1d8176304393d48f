package org.pftls.ui.flow;

import java.util.List;

/**
 * What the Done step shows, and what is left in the scrollback after the full screen closes.
 *
 * @param changed        one line per created file or changed main.cf
 * @param messages       the messages (the same lines the command line prints and logs)
 * @param nextSteps      what to do next (reload, CSR, TLSA, DANE wait)
 * @param reloadPossible whether "postfix reload" can be run from here
 */
public record Outcome(List<String> changed, List<String> messages, List<String> nextSteps, boolean reloadPossible) {

    /** The plain-text summary for the scrollback. */
    public List<String> summary() {
        List<String> out = new java.util.ArrayList<>();
        if (changed.isEmpty()) {
            out.add("pftls: nothing was changed.");
        } else {
            out.add("pftls: changed:");
            changed.forEach(c -> out.add("  " + c));
        }
        messages.forEach(m -> out.add("pftls: " + m));
        if (!nextSteps.isEmpty()) {
            out.add("Next steps:");
            nextSteps.forEach(n -> out.add("  - " + n));
        }
        return out;
    }
}
