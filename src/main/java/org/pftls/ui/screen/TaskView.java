package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.Option;
import org.pftls.ui.flow.Task;

/** Step 2, Task: every task, the ones that do not apply here marked and explained. */
final class TaskView implements StepView {
    private final DisplayStyle style;
    private final Answers answers;
    private final Panel body = new Panel(new LinearLayout());
    private final OptionList<Task> list;
    private final Label about = new Label("");
    private final ProblemLabel problem;
    private final Button back;
    private final Button next;

    TaskView(List<Option<Task>> options, Task defaultTask, Answers answers, DisplayStyle style, Navigator nav) {
        this.style = style;
        this.answers = answers;
        this.problem = new ProblemLabel(style);
        Task checked = answers.task() != null ? answers.task() : defaultTask;
        this.list = new OptionList<>(options,
                o -> style.text(o.label() + (o.available() ? "" : "   (not available here)")),
                checked, this::explain, this::refuse, nav::next);
        this.back = new Button("Back", nav::back);
        this.next = new Button("Next", nav::next);
        body.addComponent(list);
        body.addComponent(new Label(""));
        body.addComponent(about);
        body.addComponent(problem);
        explain(list.underCursor());
    }

    private void explain(Option<Task> o) {
        if (o == null) {
            about.setText("");
            return;
        }
        String text = TextWrap.block(style.text(o.note()), Dimensions.TEXT_WIDTH, "");
        if (!o.available()) {
            text += "\n" + TextWrap.block(style.text("Not available here: " + o.unavailable().get()),
                    Dimensions.TEXT_WIDTH, "  ");
        }
        about.setText(text);
        problem.clear();
    }

    private void refuse(Option<Task> o) {
        problem.problem("\"" + o.label() + "\" is not available here; choose another task.");
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public List<Button> buttons() {
        return List.of(back, next);
    }

    @Override
    public Interactable initialFocus() {
        return list;
    }

    @Override
    public String help() {
        return style.upDown() + ": move  Enter: choose, next  Space: choose  Tab: buttons  Esc: quit";
    }

    @Override
    public void keepAnswers() {
        if (list.chosen() != null) {
            answers.task(list.chosen());
        }
    }

    @Override
    public boolean commit() {
        Task t = list.chosen();
        if (t == null) {
            problem.problem("Every task is unavailable here; quit and fix main.cf first.");
            return false;
        }
        answers.task(t);
        return true;
    }
}
