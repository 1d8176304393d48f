package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.AnimatedLabel;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;
import org.pftls.ui.TextWrap;

/**
 * Step 5, Generate: the keys, certificate and plan are made in the background while this screen
 * stays responsive (Back and Esc work); nothing is written.
 */
final class GenerateView implements StepView {
    private static final long FRAME_MILLIS = 200;

    private final DisplayStyle style;
    private final Panel body = new Panel(new LinearLayout());
    private final AnimatedLabel spinner;
    private final ProblemLabel problem;
    private final Button back;
    private boolean animating;
    private boolean failed;

    /** @param what the flow's progress text */
    GenerateView(String what, DisplayStyle style, Navigator nav) {
        this.style = style;
        this.problem = new ProblemLabel(style);
        this.back = new Button("Back", nav::back);
        this.spinner = new AnimatedLabel("Working   ");
        spinner.addFrame("Working.  ").addFrame("Working.. ").addFrame("Working...");
        body.addComponent(new Label(TextWrap.block(style.text(what), Dimensions.TEXT_WIDTH, "  ")));
        body.addComponent(new Label(""));
        body.addComponent(spinner);
        body.addComponent(new Label(""));
        body.addComponent(new Label(TextWrap.block(style.text("Nothing is written yet: you will see every"
                + " change on the Review screen first."), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(problem);
    }

    /** Starts the animation (the screen is shown). */
    void started() {
        spinner.startAnimation(FRAME_MILLIS);
        animating = true;
    }

    /** Shows why preparing failed; the operator goes Back to change an answer. */
    void failed(String message) {
        stopped();
        failed = true;
        spinner.setText("Failed.");
        problem.problem(message);
    }

    /** Stops the animation (the step is left). */
    void stopped() {
        if (animating) {
            spinner.stopAnimation();
            animating = false;
        }
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public List<Button> buttons() {
        return List.of(back);
    }

    @Override
    public Interactable initialFocus() {
        return back;
    }

    @Override
    public String help(Interactable focused) {
        return failed ? "Enter on Back: go back and change an answer   Esc: quit"
                : "Working in the background   Enter on Back: stop and go back   Esc: quit";
    }
}
