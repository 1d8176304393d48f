package org.pftls.ui.screen;

import org.pftls.ui.TextWrap;

import com.googlecode.lanterna.gui2.Label;
import java.util.List;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.Option;
import org.pftls.ui.flow.WizardModel;

/** Step 3, Key: RSA sizes and ECDSA curves, each with its note, and the man page's advice. */
final class KeyView extends ChoiceView<KeySpec> {
    private static final int LABEL_WIDTH = 18;

    KeyView(List<Option<KeySpec>> options, KeySpec defaultSpec, Answers answers, DisplayStyle style,
            Navigator nav) {
        super(style, nav, answers::keySpec, "Choose a key type.");
        KeySpec checked = answers.keySpec() != null ? answers.keySpec() : defaultSpec;
        body.addComponent(list(new OptionList<>(options, o -> style.text(pad(o.label()) + (o.available() ? o.note()
                : "not available: " + o.unavailable().get())), checked, o -> problem.clear(),
                o -> problem.problem(o.label() + " is not available: " + o.unavailable().get()), nav::next)));
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
}
