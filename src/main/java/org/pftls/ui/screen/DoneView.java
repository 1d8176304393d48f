package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 8, Done: what changed, the messages (the same lines the command line prints and logs),
 * the offer to run postfix reload (with its result under the text), and the next steps.
 */
final class DoneView implements StepView {
    private final DisplayStyle style;
    private final Panel body = new Panel(new LinearLayout());
    private final ProblemLabel reloadStatus;
    private final List<Button> buttons = new ArrayList<>();
    private final Button finish;

    DoneView(List<String> lines, boolean offerReload, Runnable onReload, Runnable onFinish, DisplayStyle style) {
        this.style = style;
        this.reloadStatus = new ProblemLabel(style);
        body.addComponent(new ScrollingText(style, lines));
        body.addComponent(reloadStatus);
        if (offerReload) {
            buttons.add(new Button("Reload Postfix now", onReload));
        }
        finish = new Button("Finish", onFinish);
        buttons.add(finish);
    }

    /** Shows that postfix reload is running. */
    void reloading() {
        reloadStatus.setText("Running postfix reload...");
    }

    /** Shows how postfix reload went. */
    void reloaded(String text, boolean ok) {
        if (ok) {
            reloadStatus.fine(text);
        } else {
            reloadStatus.problem(text);
        }
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public List<Button> buttons() {
        return buttons;
    }

    @Override
    public Interactable initialFocus() {
        return finish;
    }

    @Override
    public String help() {
        return "Enter: press   Tab: move   " + style.upDown() + ": scroll the text   Esc: finish";
    }
}
