package org.pftls.ui.flow;

import java.util.List;

/**
 * The question asked before the wizard quits: its text and the choices, the harmless one
 * ({@link Choice#CONTINUE}) first. After Generate it is the keep-or-discard question.
 */
public record QuitQuestion(String title, String text, List<Choice> choices) {

    public QuitQuestion {
        choices = List.copyOf(choices);
    }

    /** What the operator can answer. */
    public enum Choice {
        /** Go on with the wizard. */
        CONTINUE("Continue"),
        /** Quit; nothing was made that would be lost. */
        QUIT("Quit"),
        /** Quit and forget the key and certificate made in memory. */
        DISCARD("Discard and quit"),
        /** Quit, forget the key made in memory, and delete the CSR saved for it. */
        DISCARD_AND_DELETE_CSR("Discard, delete the CSR"),
        /** Write the new key and certificate as files (not deployed), then quit. */
        KEEP("Keep the files and quit");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether this choice ends the wizard. */
        public boolean quits() {
            return this != CONTINUE;
        }
    }

    /** The choice that y or q (and a second Ctrl-C) stands for: quit, discarding, never deleting a file. */
    public Choice quitChoice() {
        return choices.contains(Choice.QUIT) ? Choice.QUIT : Choice.DISCARD;
    }
}
