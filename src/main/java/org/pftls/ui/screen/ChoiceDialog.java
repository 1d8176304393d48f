package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pftls.ui.TextWrap;

/**
 * A small modal question with buttons. It does not block (the GUI loop keeps running, so
 * background work goes on); each button closes it and runs its action. The first button is always
 * the harmless one and has the focus; Esc picks it.
 */
final class ChoiceDialog {
    /** One button: its label and what it does. */
    record Choice(String label, Runnable action) { }

    /**
     * Keys besides the buttons: {@code yes} keys (also 'q', and Ctrl-C when {@code ctrlC}) run the
     * yes action, {@code no} keys (and Esc) the no action; {@code help} says so under the buttons.
     */
    record Keys(String yes, String no, boolean ctrlC, String help) { }

    private ChoiceDialog() {
    }

    /** A message with one OK button. */
    static void message(WindowBasedTextGUI gui, DisplayStyle style, String title, String text) {
        show(gui, style, title, text, List.of(new Choice("OK", () -> { })), null, () -> { }, () -> { });
    }

    /** A question whose Esc picks the first (harmless) button. */
    static void show(WindowBasedTextGUI gui, DisplayStyle style, String title, String text, List<Choice> choices) {
        show(gui, style, title, text, choices, null, () -> { }, choices.get(0).action());
    }

    static void show(WindowBasedTextGUI gui, DisplayStyle style, String title, String text, List<Choice> choices,
                     Keys keys, Runnable yes, Runnable no) {
        BasicWindow window = new BasicWindow(style.text(title));
        window.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label(TextWrap.block(style.text(text), Dimensions.TEXT_WIDTH - 10, "")));
        panel.addComponent(new Label(""));
        Panel row = new Panel(new LinearLayout(Direction.HORIZONTAL));
        Button first = null;
        for (Choice c : choices) {
            Button b = new Button(style.text(c.label()), () -> {
                window.close();
                c.action().run();
            });
            row.addComponent(b);
            if (first == null) {
                first = b;
            }
        }
        panel.addComponent(row, LinearLayout.createLayoutData(LinearLayout.Alignment.End));
        if (keys != null) {
            panel.addComponent(new Label(style.text(keys.help())));
        }
        window.setComponent(panel);
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window w, KeyStroke key, AtomicBoolean deliver) {
                Runnable action = null;
                if (key.getKeyType() == KeyType.Escape) {
                    action = no;
                } else if (keys != null && key.getKeyType() == KeyType.Character && !key.isAltDown()) {
                    char c = Character.toLowerCase(key.getCharacter());
                    if (key.isCtrlDown()) {
                        action = c == 'c' && keys.ctrlC() ? yes : null;
                    } else if (keys.yes().indexOf(c) >= 0 || c == 'q') {
                        action = yes;
                    } else if (keys.no().indexOf(c) >= 0) {
                        action = no;
                    }
                }
                if (action != null) {
                    deliver.set(false);
                    window.close();
                    action.run();
                }
            }
        });
        gui.addWindow(window);
        window.setFocusedInteractable(first);
    }
}
