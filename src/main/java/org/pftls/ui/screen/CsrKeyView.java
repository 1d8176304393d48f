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

/** The CSR task's key: one of the deployed keys (those not deployed are shown, and why). */
final class CsrKeyView implements StepView {
    private final DisplayStyle style;
    private final Answers answers;
    private final Panel body = new Panel(new LinearLayout());
    private final OptionList<String> list;
    private final ProblemLabel problem;
    private final Button back;
    private final Button next;

    CsrKeyView(List<Option<String>> options, Answers answers, DisplayStyle style, Navigator nav) {
        this.style = style;
        this.answers = answers;
        this.problem = new ProblemLabel(style);
        this.list = new OptionList<>(options, o -> style.text(o.label() + "   " + (o.available() ? o.note()
                : "(not available: " + o.unavailable().get() + ")")), answers.csrKey(), o -> problem.clear(),
                o -> problem.problem(o.unavailable().get()), nav::next);
        this.back = new Button("Back", nav::back);
        this.next = new Button("Next", nav::next);
        body.addComponent(new Label(TextWrap.block(style.text("A certificate signing request (CSR) carries the"
                + " public key and the host names to a certificate authority; the private key never leaves this"
                + " server."), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label(""));
        body.addComponent(list);
        body.addComponent(problem);
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
            answers.csrKey(list.chosen());
        }
    }

    @Override
    public boolean commit() {
        if (list.chosen() == null) {
            problem.problem("No key is deployed: enable server TLS or deploy a key first.");
            return false;
        }
        answers.csrKey(list.chosen());
        return true;
    }
}
