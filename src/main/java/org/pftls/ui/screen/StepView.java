package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import java.util.List;
import java.util.Optional;

/**
 * One step's screen. The window puts it in a frame (step indicator, question, demo label, help
 * bar); the view provides the widgets, the buttons and the help text, and stores its answers.
 */
interface StepView {
    /** The step's widgets; they get all the room between the header and the buttons. */
    Component body();

    /** The button row, left to right. */
    List<Button> buttons();

    /** What has the focus when the step is shown. */
    Interactable initialFocus();

    /** The one-line key help for this step when {@code focused} has the focus. */
    String help(Interactable focused);

    /** Text that the arrow keys and Page Up/Down scroll, whatever has the focus. */
    default Optional<ScrollingText> scrolled() {
        return Optional.empty();
    }

    /** Stores the answers as they are, valid or not (before Back, so nothing typed is lost). */
    default void keepAnswers() {
    }

    /**
     * Checks and stores the answers before Next. On a problem the view shows it next to the field
     * and returns false: the operator stays on this step.
     */
    default boolean commit() {
        return true;
    }

    /** The help for a focused button. */
    static String buttonHelp(DisplayStyle style, boolean scrolls) {
        return "Enter: press   Tab/" + (scrolls ? "Left/Right: other button   " + style.upDown() + "/PgUp/PgDn: scroll"
                : "Shift-Tab: move") + "   Esc: quit";
    }
}
