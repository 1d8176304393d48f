package org.pftls.ui.screen;

/** What a step's buttons and keys can ask of the wizard window. */
interface Navigator {
    /** Checks the step's answers and goes to the next step. */
    void next();

    /** Goes to the previous step, keeping the answers. */
    void back();

    /** Asks whether to quit (and, after Generate, what to do with the generated files). */
    void quit();
}
