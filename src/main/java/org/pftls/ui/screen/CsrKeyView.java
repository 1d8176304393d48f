package org.pftls.ui.screen;

import org.pftls.ui.TextWrap;

import com.googlecode.lanterna.gui2.Label;
import java.util.List;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.Option;

/** The CSR task's key: one of the deployed keys (those not deployed are shown, and why). */
final class CsrKeyView extends ChoiceView<String> {
    CsrKeyView(List<Option<String>> options, Answers answers, DisplayStyle style, Navigator nav) {
        super(style, nav, answers::csrKey, "No key is deployed: enable server TLS or deploy a key first.");
        OptionList<String> list = list(new OptionList<>(options, o -> style.text(o.label() + "   "
                + (o.available() ? o.note() : "(not available: " + o.unavailable().get() + ")")), answers.csrKey(),
                o -> problem.clear(), o -> problem.problem(o.unavailable().get()), nav::next));
        body.addComponent(new Label(TextWrap.block(style.text("A certificate signing request (CSR) carries the"
                + " public key and the host names to a certificate authority; the private key never leaves this"
                + " server."), Dimensions.TEXT_WIDTH, "")));
        body.addComponent(new Label(""));
        body.addComponent(list);
        body.addComponent(problem);
    }
}
