package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;
import org.pftls.engine.plan.Plan;
import org.pftls.ui.flow.Prepared;
import org.pftls.ui.flow.Task;

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

    ConfirmView(Prepared prepared, boolean demo, DisplayStyle style, Navigator nav, Runnable onApply) {
        this.problem = new ProblemLabel(style);
        this.back = new Button("Back", nav::back);
        this.quit = new Button("Quit", nav::quit);
        this.apply = new Button(verb(prepared.task()), onApply);
        Plan plan = prepared.plan().orElseThrow();
        StringBuilder what = new StringBuilder();
        if (!plan.files().isEmpty()) {
            what.append("Create ").append(plan.files().size()).append(" new files (")
                    .append(String.join(", ", plan.files().stream().map(f -> f.path().getFileName() + " "
                            + f.modeText()).toList())).append(")");
        }
        plan.mainCf().ifPresent(c -> {
            if (what.length() > 0) {
                what.append(" and ");
            }
            what.append("set ").append(c.settings().size()).append(" parameters in ").append(c.path());
        });
        what.append('.');
        body.addComponent(new Label(TextWrap.block(style.text(what.toString()), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label(""));
        String where = demo ? " This is the demo sandbox: nothing outside it is touched." : "";
        body.addComponent(new Label(TextWrap.block(style.text("Nothing has been written yet." + where
                + " Press \"" + verb(prepared.task()) + "\" to do it now, \"Back\" to review it again, or"
                + " \"Quit\"."), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label(""));
        body.addComponent(status);
        body.addComponent(problem);
    }

    /** The apply button's label: what it does. */
    static String verb(Task task) {
        return switch (task) {
            case ENABLE_SERVER, ENABLE_CLIENT -> "Enable TLS";
            case DEPLOY -> "Deploy";
            default -> "Create the files";
        };
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
    public String help() {
        return "Tab or Left/Right: choose a button   Enter: press it   Esc: quit";
    }
}
