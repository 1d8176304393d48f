package org.pftls.ui.line;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import org.pftls.ui.flow.WizardModel;

/** The line-mode (JLine) wizard: the same steps as the full-screen one, as numbered prompts. */
public final class LineWizard {
    private LineWizard() {
    }

    /** Runs the wizard on plain lines; returns the exit status (0 done, 1 cancelled or failed). */
    public static int run(WizardModel model, InputStream in, PrintStream out, Map<String, String> env) {
        throw new UnsupportedOperationException("line-mode wizard not built yet");
    }
}
