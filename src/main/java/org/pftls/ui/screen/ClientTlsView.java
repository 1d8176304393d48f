package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Label;
import java.util.List;
import org.pftls.ui.TextWrap;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.ClientTls;
import org.pftls.ui.flow.Option;

/** Enable client: opportunistic TLS or DANE, the one under the cursor explained (DANE, where it cannot work, why). */
final class ClientTlsView extends ChoiceView<ClientTls> {
    private final Label about = new Label("");

    ClientTlsView(List<Option<ClientTls>> options, Answers answers, DisplayStyle style, Navigator nav) {
        super(style, nav, answers::clientTls, "Choose opportunistic TLS or DANE.");
        OptionList<ClientTls> list = list(new OptionList<>(options,
                o -> style.text(o.label() + (o.available() ? "" : "   (not available here)")),
                answers.clientTls(), this::explain, this::refuse, nav::next));
        body.addComponent(list);
        body.addComponent(new Label(""));
        body.addComponent(about);
        body.addComponent(problem);
        explain(list.underCursor());
    }

    private void explain(Option<ClientTls> o) {
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

    private void refuse(Option<ClientTls> o) {
        problem.problem(o.label() + " is not available here: " + o.unavailable().get());
    }
}
