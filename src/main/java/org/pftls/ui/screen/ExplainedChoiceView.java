package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Label;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pftls.ui.TextWrap;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.ClientTls;
import org.pftls.ui.flow.Option;
import org.pftls.ui.flow.Task;

/**
 * A choice whose option under the cursor is explained below the list, and, when it does not apply
 * here, why: step 2, Task (every task), and Enable client's Client TLS (opportunistic TLS or DANE).
 */
final class ExplainedChoiceView<T> extends ChoiceView<T> {
    private final Label about = new Label("");
    private final Function<Option<T>, String> refusal;

    private ExplainedChoiceView(List<Option<T>> options, T checked, Consumer<T> store, String noChoice,
                                Function<Option<T>, String> refusal, DisplayStyle style, Navigator nav) {
        super(style, nav, store, noChoice);
        this.refusal = refusal;
        OptionList<T> list = list(new OptionList<>(options,
                o -> style.text(o.label() + (o.available() ? "" : "   (not available here)")),
                checked, this::explain, this::refuse, nav::next));
        body.addComponent(list);
        body.addComponent(new Label(""));
        body.addComponent(about);
        body.addComponent(problem);
        explain(list.underCursor());
    }

    /** Step 2: every task, the ones that do not apply here marked and explained. */
    static ExplainedChoiceView<Task> task(List<Option<Task>> options, Task defaultTask, Answers answers,
                                          DisplayStyle style, Navigator nav) {
        return new ExplainedChoiceView<>(options, answers.task() != null ? answers.task() : defaultTask,
                answers::task, "Every task is unavailable here; quit and fix main.cf first.",
                o -> "\"" + o.label() + "\" is not available here; choose another task.", style, nav);
    }

    /** Enable client: opportunistic TLS or DANE (DANE, where it cannot work, says why). */
    static ExplainedChoiceView<ClientTls> clientTls(List<Option<ClientTls>> options, Answers answers,
                                                    DisplayStyle style, Navigator nav) {
        return new ExplainedChoiceView<>(options, answers.clientTls(), answers::clientTls,
                "Choose opportunistic TLS or DANE.",
                o -> o.label() + " is not available here: " + o.unavailable().get(), style, nav);
    }

    private void explain(Option<T> o) {
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

    private void refuse(Option<T> o) {
        problem.problem(refusal.apply(o));
    }
}
