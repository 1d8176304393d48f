package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Step 8, Done: what changed, the messages, the next steps, and the offer to run postfix reload
 * (with its result under the text).
 */
final class DoneView implements StepView {
    private final DisplayStyle style;
    private final Panel body = new Panel(new LinearLayout());
    private final ScrollingText text;
    private final ProblemLabel reloadStatus;
    private final List<Button> buttons = new ArrayList<>();
    private final Button finish;
    private Button reload;

    DoneView(List<String> lines, boolean offerReload, Consumer<DoneView> onReload, Runnable onFinish,
             DisplayStyle style) {
        this.style = style;
        this.reloadStatus = new ProblemLabel(style);
        this.text = new ScrollingText(style, lines);
        body.addComponent(text);
        body.addComponent(reloadStatus);
        if (offerReload) {
            reload = new Button("Reload Postfix now", () -> onReload.accept(this));
            buttons.add(reload);
        }
        finish = new Button("Finish", onFinish);
        buttons.add(finish);
    }

    /** Shows that postfix reload is running. */
    void reloading() {
        reloadStatus.setText("Running postfix reload...");
    }

    /** Shows how postfix reload went (Postfix's own words when it failed). */
    void reloaded(String line, boolean ok) {
        if (ok) {
            reloadStatus.fine(line);
        } else {
            reloadStatus.problem(line);
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
    public Optional<ScrollingText> scrolled() {
        return Optional.of(text);
    }

    @Override
    public String help(Interactable focused) {
        return "Enter: " + (focused == reload ? "reload" : "finish") + "   Tab: other button   " + style.upDown()
                + "/PgUp/PgDn: scroll   Esc: finish";
    }
}
