package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
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

/**
 * A small modal question with buttons. It does not block (the GUI loop keeps running, so
 * background work goes on); each button closes it and runs its action. Esc picks the first
 * button, which is always the harmless one and has the focus.
 */
final class ChoiceDialog {
    /** One button: its label and what it does. */
    record Choice(String label, Runnable action) { }

    private ChoiceDialog() {
    }

    static Window show(WindowBasedTextGUI gui, DisplayStyle style, String title, String text, List<Choice> choices) {
        BasicWindow window = new BasicWindow(style.text(title));
        window.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label(TextWrap.block(style.text(text), Dimensions.TEXT_WIDTH - 10, "")));
        panel.addComponent(new Label(""));
        Panel row = new Panel(new LinearLayout(com.googlecode.lanterna.gui2.Direction.HORIZONTAL));
        Button first = null;
        for (Choice c : choices) {
            Button b = new Button(c.label(), () -> {
                window.close();
                c.action().run();
            });
            row.addComponent(b);
            if (first == null) {
                first = b;
            }
        }
        panel.addComponent(row, LinearLayout.createLayoutData(LinearLayout.Alignment.End));
        window.setComponent(panel);
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onUnhandledInput(Window w, KeyStroke key, AtomicBoolean handled) {
                if (key.getKeyType() == KeyType.Escape) {
                    window.close();
                    choices.get(0).action().run();
                    handled.set(true);
                }
            }
        });
        gui.addWindow(window);
        window.setFocusedInteractable(first);
        return window;
    }
}
