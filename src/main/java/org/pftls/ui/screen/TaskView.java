package org.pftls.ui.screen;

import org.pftls.ui.TextWrap;

import com.googlecode.lanterna.gui2.Label;
import java.util.List;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.Option;
import org.pftls.ui.flow.Task;

/** Step 2, Task: every task, the ones that do not apply here marked and explained. */
final class TaskView extends ChoiceView<Task> {
    private final Label about = new Label("");

    TaskView(List<Option<Task>> options, Task defaultTask, Answers answers, DisplayStyle style, Navigator nav) {
        super(style, nav, answers::task, "Every task is unavailable here; quit and fix main.cf first.");
        Task checked = answers.task() != null ? answers.task() : defaultTask;
        OptionList<Task> list = list(new OptionList<>(options,
                o -> style.text(o.label() + (o.available() ? "" : "   (not available here)")),
                checked, this::explain, this::refuse, nav::next));
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
}
