package org.pftls.ui.screen;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import org.pftls.ui.flow.WizardModel;

/**
 * The full-screen (Lanterna) wizard. Entry point used by the command line when it has chosen
 * the full-screen front end.
 */
public final class FullScreenWizard {
    private FullScreenWizard() {
    }

    /**
     * Runs the wizard on the terminal behind {@code in}/{@code out} until the operator finishes or
     * quits, restores the terminal, prints the plain-text summary to {@code out}, and returns the
     * exit status (0 done, 1 cancelled or failed).
     */
    public static int run(WizardModel model, InputStream in, PrintStream out, Map<String, String> env) {
        throw new UnsupportedOperationException("full-screen wizard not built yet");
    }
}
