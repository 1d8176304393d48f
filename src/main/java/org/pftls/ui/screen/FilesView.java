package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Panels;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.List;
import java.util.Optional;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.WizardModel;

/**
 * The Deploy task's files: a certificate (chain) file and a key file, typed or picked, each
 * checked as it is typed (readable, a certificate chain in order, an unencrypted key).
 */
final class FilesView implements StepView {
    private static final int FIELD_WIDTH = Dimensions.TEXT_WIDTH - 16;

    private final WizardModel model;
    private final Answers answers;
    private final Panel body = new Panel(new LinearLayout());
    private final EntryField cert;
    private final EntryField key;
    private final ProblemLabel certProblem;
    private final ProblemLabel keyProblem;
    private final Button back;
    private final Button next;

    FilesView(WizardModel model, FilePicker picker, Answers answers, DisplayStyle style, Navigator nav) {
        this.model = model;
        this.answers = answers;
        this.certProblem = new ProblemLabel(style);
        this.keyProblem = new ProblemLabel(style);
        this.back = new Button("Back", nav::back);
        this.next = new Button("Next", nav::next);
        this.key = new EntryField(FIELD_WIDTH, answers.keyFile(), nav::next);
        this.cert = new EntryField(FIELD_WIDTH, answers.certFile(), () -> key.takeFocus());
        body.addComponent(new Label(TextWrap.block(style.text("Relative names are relative to "
                + model.configDirectory() + ". pftls checks that the key and the certificate match before"
                + " anything is changed."), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label(""));
        body.addComponent(new Label("Certificate file (the server certificate first, then its issuers):"));
        body.addComponent(Panels.horizontal(cert, new Button("Browse...",
                () -> picker.open("certificate file", name -> {
                    cert.setText(name);
                    check(cert, certProblem, false);
                }))));
        body.addComponent(certProblem);
        body.addComponent(new Label("Private key file:"));
        body.addComponent(Panels.horizontal(key, new Button("Browse...",
                () -> picker.open("key file", name -> {
                    key.setText(name);
                    check(key, keyProblem, true);
                }))));
        body.addComponent(keyProblem);
        cert.setTextChangeListener((text, byUser) -> check(cert, certProblem, false));
        key.setTextChangeListener((text, byUser) -> check(key, keyProblem, true));
        check(cert, certProblem, false);
        check(key, keyProblem, true);
    }

    private Optional<String> check(TextBox field, ProblemLabel label, boolean isKey) {
        Optional<String> p = model.fileProblem(field.getText(), isKey);
        if (p.isPresent()) {
            label.problem(p.get());
        } else {
            label.fine(isKey ? "a usable private key" : "a usable certificate chain");
        }
        return p;
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
        return cert;
    }

    @Override
    public String help() {
        return "Type a file name or Browse   Tab: next field   Enter: next   Esc: quit";
    }

    @Override
    public void keepAnswers() {
        answers.certFile(cert.getText().trim());
        answers.keyFile(key.getText().trim());
    }

    @Override
    public boolean commit() {
        boolean certBad = check(cert, certProblem, false).isPresent();
        boolean keyBad = check(key, keyProblem, true).isPresent();
        if (certBad || keyBad) {
            (certBad ? cert : key).takeFocus();
            return false;
        }
        keepAnswers();
        return true;
    }
}
