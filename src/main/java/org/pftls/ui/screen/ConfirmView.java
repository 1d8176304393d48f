package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;
import java.util.function.Consumer;
import org.pftls.ui.TextWrap;
import org.pftls.ui.flow.WizardFlow;

/**
 * Step 7, Confirm: the change happens only when the operator presses the apply button, which
 * never has the focus when the step is shown (Back has it).
 */
final class ConfirmView implements StepView {
    private final Panel body = new Panel(new LinearLayout());
    private final Label status = new Label("");
    private final ProblemLabel problem;
    private final Button back;
    private final Button quit;
    private final Button apply;

    ConfirmView(WizardFlow flow, DisplayStyle style, Navigator nav, Consumer<ConfirmView> onApply) {
        this.problem = new ProblemLabel(style);
        this.back = new Button("Back", nav::back);
        this.quit = new Button("Quit", nav::quit);
        this.apply = new Button(flow.applyVerb(), () -> onApply.accept(this));
        body.addComponent(new Label(TextWrap.block(style.text(flow.confirmWhat()), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label(""));
        if (!flow.confirmWarnings().isEmpty()) {
            FindingsLabel warnings = new FindingsLabel(style);
            warnings.show(flow.confirmWarnings(), "");
            body.addComponent(warnings);
            body.addComponent(new Label(""));
        }
        String where = flow.model().demo() ? " This is the demo sandbox: nothing outside it is touched." : "";
        body.addComponent(new Label(TextWrap.block(style.text("Nothing has been written yet." + where
                + " Press \"" + flow.applyVerb() + "\" to do it now, \"Back\" to review it again, or"
                + " \"Quit\"."), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label(""));
        body.addComponent(status);
        body.addComponent(problem);
    }

    /** Shows that the change is being applied. */
    void applying() {
        problem.clear();
        status.setText("Applying...");
    }

    /** Shows why applying failed; the plan may be stale, so only Back (a new plan) or Quit remain. */
    void failed(String message) {
        status.setText("");
        problem.problem("Not applied: " + message);
        apply.setEnabled(false);
        back.takeFocus();
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public List<Button> buttons() {
        return List.of(back, quit, apply);
    }

    @Override
    public Interactable initialFocus() {
        return back;
    }

    @Override
    public String help(Interactable focused) {
        String what = focused == apply ? "apply the change now" : focused == quit ? "quit" : "back to the Review";
        return "Enter: " + what + "   Tab or Left/Right: choose a button   Esc: quit";
    }
}
