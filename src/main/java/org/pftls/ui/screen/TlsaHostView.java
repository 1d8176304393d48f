package org.pftls.ui.screen;

import org.pftls.ui.TextWrap;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.List;
import java.util.Optional;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.WizardModel;

/** The TLSA task's host name: the name the _25._tcp records are for (default myhostname). */
final class TlsaHostView implements StepView {
    private final WizardModel model;
    private final Answers answers;
    private final String myhostname;
    private final Panel body = new Panel(new LinearLayout());
    private final TextBox host;
    private final ProblemLabel problem;
    private final Button back;
    private final Button next;

    TlsaHostView(WizardModel model, Answers answers, DisplayStyle style, Navigator nav) {
        this.model = model;
        this.answers = answers;
        this.myhostname = model.defaultTlsaHost();
        this.problem = new ProblemLabel(style);
        this.host = new EntryField(Dimensions.TEXT_WIDTH - 12,
                answers.tlsaHost().isEmpty() ? myhostname : answers.tlsaHost(), nav::next);
        this.back = new Button("Back", nav::back);
        this.next = new Button("Next", nav::next);
        body.addComponent(new Label(TextWrap.block(style.text("The records are for _25._tcp.HOST, where HOST is"
                + " the name clients look up in your MX record. The default is myhostname (" + myhostname + ")."),
                Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label(""));
        body.addComponent(host);
        body.addComponent(problem);
        host.setTextChangeListener((text, byUser) -> check());
        check();
    }

    private Optional<String> check() {
        Optional<String> p = model.hostNameProblem(host.getText().trim());
        if (p.isPresent()) {
            problem.problem(p.get());
        } else {
            problem.fine("records for _25._tcp." + host.getText().trim() + ".");
        }
        return p;
    }

    private void store() {
        String h = host.getText().trim();
        answers.tlsaHost(h.equals(myhostname) ? "" : h);
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
        return host;
    }

    @Override
    public String help(Interactable focused) {
        if (focused == host) {
            return "Type the host name   Enter: next   Tab: to the buttons   Esc: quit";
        }
        return "Enter: " + (focused == back ? "back" : "next") + "   Tab/Left/Right: move   Esc: quit";
    }

    @Override
    public void keepAnswers() {
        store();
    }

    @Override
    public boolean commit() {
        if (check().isPresent()) {
            return false;
        }
        store();
        return true;
    }
}
