package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import java.util.function.Consumer;
import org.pftls.ui.flow.QuitQuestion;

/**
 * The flow's quit question as a dialog: Continue first (it has the focus); y or q quits (the
 * flow's {@link QuitQuestion#quitChoice()}: after Generate that discards, never deleting a file),
 * n or Esc continues, and Ctrl-C in the dialog (the second Ctrl-C) quits, as in line mode.
 */
final class QuitDialog {
    private QuitDialog() {
    }

    static void show(WindowBasedTextGUI gui, DisplayStyle style, QuitQuestion q, Consumer<QuitQuestion.Choice> then) {
        ChoiceDialog.show(gui, style, q.title(), q.text(), q.choices().stream()
                .map(c -> new ChoiceDialog.Choice(c.label(), () -> then.accept(c))).toList(),
                new ChoiceDialog.Keys("y", "n", true, "y or q: " + q.quitChoice().label().toLowerCase(java.util.Locale.ROOT)
                        + "   n or Esc: continue   Tab: move   Enter: press"),
                () -> then.accept(q.quitChoice()), () -> then.accept(QuitQuestion.Choice.CONTINUE));
    }
}
