package org.pftls.ui.screen;

import java.util.List;

/**
 * How the wizard ended: the exit status and the plain-text lines to leave in the scrollback once
 * the full screen is gone.
 *
 * @param status 0 when the task was done, 1 when it was cancelled or failed
 * @param lines  the summary
 */
record WizardResult(int status, List<String> lines) {
    WizardResult {
        lines = List.copyOf(lines);
    }

    static WizardResult cancelled() {
        return new WizardResult(1, List.of("pftls: wizard cancelled; nothing was changed."));
    }
}
