package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.CheckBox;
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
import org.pftls.ui.flow.ChainFilesOffer;
import org.pftls.ui.flow.ReviewBlock;
import org.pftls.ui.flow.Task;
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
    private final ScrollingText pair;
    private final CheckBox chainFiles;
    private final Button back;
    private final Button next;

    FilesView(WizardModel model, FilePicker picker, Answers answers, DisplayStyle style, Navigator nav) {
        this.model = model;
        this.answers = answers;
        this.style = style;
        this.certProblem = new ProblemLabel(style);
        this.keyProblem = new ProblemLabel(style);
        this.pair = new ScrollingText(style, List.of());
        this.back = new Button("Back", nav::back);
        this.next = new Button("Next", nav::next);
        FileBrowser browser = model.files();
        this.key = new FileField(FIELD_WIDTH, answers.keyFile(), nav::next, browser, this::showCandidates);
        this.cert = new FileField(FIELD_WIDTH, answers.certFile(), () -> key.takeFocus(), browser,
                this::showCandidates);
        this.browseCert = new Button("Browse...", () -> picker.open("certificate file", cert.getText(), name -> {
            cert.setText(name);
            checkAll();
        }));
        this.browseKey = new Button("Browse...", () -> picker.open("key file", key.getText(), name -> {
            key.setText(name);
            checkAll();
        }));
        String certbot = browser.letsEncrypt().isEmpty() ? "" : " certbot's certificates are in "
                + browser.letsEncrypt().get(0).path().getParent() + "/NAME/ (fullchain.pem, privkey.pem).";
        body.addComponent(new Label(TextWrap.block(style.text("Relative names are relative to "
                + model.configDirectory() + ". pftls checks that the key and the certificate match before"
                + " anything is changed." + certbot), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label("Certificate file (the server certificate first, then its issuers):"));
        body.addComponent(Panels.horizontal(cert, browseCert));
        body.addComponent(certProblem);
        body.addComponent(new Label("Private key file:"));
        body.addComponent(Panels.horizontal(key, browseKey));
        body.addComponent(keyProblem);
        Optional<ChainFilesOffer> offer = model.chainFilesOffer(Task.DEPLOY);
        chainFiles = offer.filter(ChainFilesOffer::offered).map(o -> new CheckBox(style.text(o.question())))
                .orElse(null);
        if (chainFiles != null) {
            chainFiles.setChecked(answers.chainFiles());
            body.addComponent(chainFiles);
        }
        offer.ifPresent(o -> body.addComponent(new Label(String.join("\n", TextWrap.wrap(style.text(
                (o.offered() ? "" : o.question() + ": ") + o.reason()), "    ", "    ", Dimensions.TEXT_WIDTH, true)))));
        body.addComponent(pair);
        body.addComponent(candidates);
        cert.setTextChangeListener((text, byUser) -> checkAll());
        key.setTextChangeListener((text, byUser) -> checkAll());
        checkAll();
    }

    /** Each field, then the pair as deploy-server-cert checks it (once both are usable). */
    private boolean checkAll() {
        boolean bad = check(cert, certProblem, false).isPresent() | check(key, keyProblem, true).isPresent();
        List<ReviewBlock.Item> found = bad ? List.of() : model.filesCheck(cert.getText().trim(), key.getText().trim());
        pair.show(style, FindingsLabel.lines(style, found, bad ? "" : "the pair passes deploy-server-cert's chain"
                + " check", Dimensions.TEXT_WIDTH - 2, false));
        return !bad && found.stream().noneMatch(i -> i.mark() == ReviewBlock.Mark.PROBLEM);
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
    public Optional<ScrollingText> scrolled() {
        return Optional.of(pair);
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
        if (chainFiles != null && focused == chainFiles) {
            return "Space: tick or untick   Tab: buttons   Esc: quit";
        }
        return StepView.buttonHelp(style, false);
    }

    @Override
    public void keepAnswers() {
        answers.certFile(cert.getText().trim());
        answers.keyFile(key.getText().trim());
        if (chainFiles != null) {
            answers.chainFiles(chainFiles.isChecked());
        }
    }

    @Override
    public boolean commit() {
        if (!checkAll()) {
            (keyProblem.showsProblem() ? key : cert).takeFocus();
            return false;
        }
        keepAnswers();
        return true;
    }
}
