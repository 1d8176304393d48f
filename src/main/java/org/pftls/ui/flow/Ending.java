package org.pftls.ui.flow;

import java.util.List;

/**
 * How the wizard ended: the exit status and the plain-text lines to leave behind (in the
 * scrollback once the full screen is gone; printed last in line mode).
 *
 * @param status 0 when the task was done, 1 when it was cancelled or failed
 * @param lines  the summary
 */
public record Ending(int status, List<String> lines) {
    public Ending {
        lines = List.copyOf(lines);
    }

    static Ending cancelled() {
        return new Ending(1, List.of("pftls: wizard cancelled; nothing was changed."));
    }
}
