package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 8, Done: what changed, the messages (the same lines the command line prints and logs),
 * the offer to run postfix reload, and the next steps.
 */
final class DoneView implements StepView {
    private final DisplayStyle style;
    private final List<String> lines;
    private final ScrollingText text;
    private final List<Button> buttons = new ArrayList<>();
    private final Button finish;
    private Button reload;

    DoneView(List<String> lines, boolean offerReload, Runnable onReload, Runnable onFinish, DisplayStyle style) {
        this.style = style;
        this.lines = new ArrayList<>(lines);
        this.text = new ScrollingText(style, this.lines);
        if (offerReload) {
            reload = new Button("Reload Postfix now", onReload);
            buttons.add(reload);
        }
        finish = new Button("Finish", onFinish);
        buttons.add(finish);
    }

    /** Adds lines (the result of postfix reload). */
    void append(List<String> more) {
        lines.add("");
        lines.addAll(more);
        text.show(style, lines);
    }

    @Override
    public Component body() {
        return text;
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
        return "Enter: press the button   Tab: move   " + style.upDown() + " on the text: scroll   Esc: finish";
    }
}
