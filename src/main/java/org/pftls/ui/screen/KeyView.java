package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.CheckBox;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import java.util.List;
import java.util.Optional;
import org.pftls.ui.TextWrap;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.ChainFilesOffer;
import org.pftls.ui.flow.KeyChoice;
import org.pftls.ui.flow.Option;
import org.pftls.ui.flow.WizardModel;

/**
 * Step 3, Key: both keys, RSA sizes and ECDSA curves, each with its note, and the man page's
 * advice; for Enable server on Postfix 3.4 and later, whether to deploy through
 * smtpd_tls_chain_files (a check box, its reason under it).
 */
final class KeyView extends ChoiceView<KeyChoice> {
    private static final int LABEL_WIDTH = 30;

    private final Answers answers;
    private final CheckBox chainFiles;

    KeyView(List<Option<KeyChoice>> options, KeyChoice defaultChoice, Optional<ChainFilesOffer> offer,
            Answers answers, DisplayStyle style, Navigator nav) {
        super(style, nav, answers::keyChoice, "Choose a key type.");
        this.answers = answers;
        KeyChoice checked = answers.keyChoice() != null ? answers.keyChoice() : defaultChoice;
        body.addComponent(list(new OptionList<>(options, o -> style.text(pad(o.label()) + (o.available() ? o.note()
                : "not available: " + o.unavailable().get())), checked, o -> problem.clear(),
                o -> problem.problem(o.label() + " is not available: " + o.unavailable().get()), nav::next)));
        if (offer.isEmpty()) {
            body.addComponent(new Label(""));
        }
        body.addComponent(new Label(TextWrap.block(style.text(WizardModel.KEY_ADVICE), Dimensions.TEXT_WIDTH, "")));
        chainFiles = offer.filter(ChainFilesOffer::offered).map(o -> new CheckBox(style.text(o.question())))
                .orElse(null);
        if (chainFiles != null) {
            chainFiles.setChecked(answers.chainFiles());
            body.addComponent(chainFiles);
        } else {
            offer.ifPresent(o -> body.addComponent(new Label(style.text("Note: " + o.question() + "."))));
        }
        offer.ifPresent(o -> body.addComponent(new Label(String.join("\n", TextWrap.wrap(style.text(o.reason()),
                "    ", "    ", Dimensions.TEXT_WIDTH, true)))));
        body.addComponent(problem);
    }

    @Override
    public String help(Interactable focused) {
        if (chainFiles != null && focused == chainFiles) {
            return "Space: tick or untick   Tab: buttons   Shift-Tab: the keys   Esc: quit";
        }
        return super.help(focused);
    }

    @Override
    public void keepAnswers() {
        super.keepAnswers();
        if (chainFiles != null) {
            answers.chainFiles(chainFiles.isChecked());
        }
    }

    @Override
    public boolean commit() {
        if (chainFiles != null) {
            answers.chainFiles(chainFiles.isChecked());
        }
        return super.commit();
    }

    private static String pad(String label) {
        StringBuilder b = new StringBuilder(label);
        while (b.length() < LABEL_WIDTH) {
            b.append(' ');
        }
        return b.toString();
    }
}
