package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Panels;
import java.util.List;
import java.util.Optional;
import org.pftls.ui.TextWrap;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.FileBrowser;
import org.pftls.ui.flow.WizardModel;

/**
 * The Deploy task's files: a certificate (chain) file and a key file, typed (with line editing
 * and Tab completion) or picked with Browse..., each checked as it is typed (readable, a
 * certificate chain in order, an unencrypted key).
 */
final class FilesView implements StepView {
    private static final int FIELD_WIDTH = Dimensions.TEXT_WIDTH - 16;

    private final WizardModel model;
    private final Answers answers;
    private final DisplayStyle style;
    private final Panel body = new Panel(new LinearLayout());
    private final FileField cert;
    private final FileField key;
    private final Button browseCert;
    private final Button browseKey;
    private final ProblemLabel certProblem;
    private final ProblemLabel keyProblem;
    private final Label candidates = new Label("");
    private final Button back;
    private final Button next;

    FilesView(WizardModel model, FilePicker picker, Answers answers, DisplayStyle style, Navigator nav) {
        this.model = model;
        this.answers = answers;
        this.style = style;
        this.certProblem = new ProblemLabel(style);
        this.keyProblem = new ProblemLabel(style);
        this.back = new Button("Back", nav::back);
        this.next = new Button("Next", nav::next);
        FileBrowser browser = model.files();
        this.key = new FileField(FIELD_WIDTH, answers.keyFile(), nav::next, browser, this::showCandidates);
        this.cert = new FileField(FIELD_WIDTH, answers.certFile(), () -> key.takeFocus(), browser,
                this::showCandidates);
        this.browseCert = new Button("Browse...", () -> picker.open("certificate file", cert.getText(), name -> {
            cert.setText(name);
            check(cert, certProblem, false);
        }));
        this.browseKey = new Button("Browse...", () -> picker.open("key file", key.getText(), name -> {
            key.setText(name);
            check(key, keyProblem, true);
        }));
        String certbot = browser.letsEncrypt().isEmpty() ? "" : " certbot's certificates are in "
                + browser.letsEncrypt().get(0).path().getParent() + "/NAME/ (fullchain.pem, privkey.pem).";
        body.addComponent(new Label(TextWrap.block(style.text("Relative names are relative to "
                + model.configDirectory() + ". pftls checks that the key and the certificate match before"
                + " anything is changed." + certbot), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label(""));
        body.addComponent(new Label("Certificate file (the server certificate first, then its issuers):"));
        body.addComponent(Panels.horizontal(cert, browseCert));
        body.addComponent(certProblem);
        body.addComponent(new Label("Private key file:"));
        body.addComponent(Panels.horizontal(key, browseKey));
        body.addComponent(keyProblem);
        body.addComponent(candidates);
        cert.setTextChangeListener((text, byUser) -> check(cert, certProblem, false));
        key.setTextChangeListener((text, byUser) -> check(key, keyProblem, true));
        check(cert, certProblem, false);
        check(key, keyProblem, true);
    }

    private void showCandidates(List<String> names) {
        candidates.setText(names.isEmpty() ? "" : TextWrap.block(style.text("Tab again to move on; matches: "
                + String.join("  ", names)), Dimensions.TEXT_WIDTH, "  "));
    }

    private Optional<String> check(FileField field, ProblemLabel label, boolean isKey) {
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
    public String help(Interactable focused) {
        if (focused == cert || focused == key) {
            return "Tab: complete/next field  Ctrl-U/K/W: delete  Enter: " + (focused == cert ? "to the key"
                    : "next") + "  Esc: quit";
        }
        if (focused == browseCert || focused == browseKey) {
            return "Enter: pick a file   Tab: move   Esc: quit";
        }
        return StepView.buttonHelp(style, false);
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
