package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.Option;
import org.pftls.ui.flow.WizardModel;

/** Step 3, Key: RSA sizes and ECDSA curves, each with its note, and the man page's advice. */
final class KeyView implements StepView {
    private static final int LABEL_WIDTH = 18;

    private final DisplayStyle style;
    private final Answers answers;
    private final Panel body = new Panel(new LinearLayout());
    private final OptionList<KeySpec> list;
    private final ProblemLabel problem;
    private final Button back;
    private final Button next;

    KeyView(List<Option<KeySpec>> options, KeySpec defaultSpec, Answers answers, DisplayStyle style,
            Navigator nav) {
        this.style = style;
        this.answers = answers;
        this.problem = new ProblemLabel(style);
        KeySpec checked = answers.keySpec() != null ? answers.keySpec() : defaultSpec;
        this.list = new OptionList<>(options, o -> style.text(pad(o.label()) + (o.available() ? o.note()
                : "not available: " + o.unavailable().get())), checked, o -> problem.clear(),
                o -> problem.problem(o.label() + " is not available: " + o.unavailable().get()), nav::next);
        this.back = new Button("Back", nav::back);
        this.next = new Button("Next", nav::next);
        body.addComponent(list);
        body.addComponent(new Label(""));
        body.addComponent(new Label(TextWrap.block(style.text(WizardModel.KEY_ADVICE), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(problem);
    }

    private static String pad(String label) {
        StringBuilder b = new StringBuilder(label);
        while (b.length() < LABEL_WIDTH) {
            b.append(' ');
        }
        return b.toString();
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
            answers.keySpec(list.chosen());
        }
    }

    @Override
    public boolean commit() {
        if (list.chosen() == null) {
            problem.problem("Choose a key type.");
            return false;
        }
        answers.keySpec(list.chosen());
        return true;
    }
}
