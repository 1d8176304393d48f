package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.ui.ReviewLines;
import org.pftls.ui.flow.ReviewBlock;
import org.pftls.ui.flow.ReviewDocument;
import org.pftls.ui.flow.WizardFlow;

/**
 * Step 6, Review: the flow's Review document (the same lines line mode prints), scrolled with the
 * arrow keys and Page Up/Down whatever has the focus; the CSR on request (shown at the top, where
 * the operator is looking) and saving it to a file; the check boxes of the document's checklists.
 */
final class ReviewView implements StepView {
    private final WindowBasedTextGUI gui;
    private final WizardFlow flow;
    private final DisplayStyle style;
    private final ScrollingText text;
    private final List<Button> buttons = new ArrayList<>();
    private final List<String> saved = new ArrayList<>();
    private final Button next;

    ReviewView(WindowBasedTextGUI gui, WizardFlow flow, DisplayStyle style, Navigator nav) {
        this.gui = gui;
        this.flow = flow;
        this.style = style;
        this.text = new ScrollingText(style, lines());
        buttons.add(new Button("Back", nav::back));
        if (flow.offersCsr()) {
            if (!flow.csrShown()) {
                buttons.add(new Button("Show CSR", this::showCsr));
            }
            buttons.add(new Button("Save CSR...", this::saveCsr));
        }
        if (flow.review().checklists().stream().anyMatch(c -> !c.offered().isEmpty())) {
            buttons.add(new Button("Choose changes...", this::chooseChanges));
        }
        next = new Button(flow.reviewNext(), nav::next);
        buttons.add(next);
    }

    private List<String> lines() {
        List<String> lines = new ArrayList<>(saved);
        if (!saved.isEmpty()) {
            lines.add("");
        }
        ReviewDocument document = flow.review();
        lines.addAll(new ReviewLines(Dimensions.TEXT_WIDTH - 2, style.unicode()).render(document, flow::unticked));
        return lines;
    }

    private void refresh(boolean toTop) {
        text.show(style, lines());
        if (toTop) {
            text.toTop();
        }
    }

    private void showCsr() {
        try {
            flow.csr();
            refresh(true);
        } catch (PftlsException e) {
            ChoiceDialog.message(gui, style, "No CSR", e.getMessage());
        }
    }

    private void saveCsr() {
        boolean shown = flow.csrShown();
        SaveCsrDialog.open(gui, flow, style, path -> {
            saved.add("The CSR was saved to " + path + ".");
            refresh(!shown);
        });
    }

    private void chooseChanges() {
        for (ReviewBlock.Checklist list : flow.review().checklists()) {
            if (!list.offered().isEmpty()) {
                ChecklistDialog.open(gui, style, list, flow.unticked(list.key()), () -> refresh(false));
            }
        }
    }

    @Override
    public Component body() {
        return text;
    }

    @Override
    public List<Button> buttons() {
        return buttons;
    }

    @Override
    public Interactable initialFocus() {
        return next;
    }

    @Override
    public Optional<ScrollingText> scrolled() {
        return Optional.of(text);
    }

    @Override
    public String help(Interactable focused) {
        return "Tab: buttons   " + style.upDown() + "/PgUp/PgDn: scroll   Enter: press   Esc: quit";
    }
}
