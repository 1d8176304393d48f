package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pftls.ui.flow.Prepared;
import org.pftls.ui.flow.Task;

/**
 * Step 6, Review: everything that will change, before anything does; the CSR on request, and
 * saving it to a file.
 */
final class ReviewView implements StepView {
    /** What the Review step's CSR buttons ask of the window. */
    interface CsrActions {
        /** Makes (or returns) the CSR; null when it cannot be made (the window has said why). */
        String csr();

        /** Opens the save dialog for the CSR. */
        void save(String csr, Consumer<String> saved);
    }

    private final DisplayStyle style;
    private final Prepared prepared;
    private final ReviewText.Existing existing;
    private final ScrollingText text;
    private final List<Button> buttons = new ArrayList<>();
    private final List<String> extra = new ArrayList<>();
    private String csr;

    ReviewView(Prepared prepared, ReviewText.Existing existing, boolean offerCsr, CsrActions csrActions,
               DisplayStyle style, Navigator nav) {
        this.style = style;
        this.prepared = prepared;
        this.existing = existing;
        this.csr = prepared.csr().orElse(null);
        this.text = new ScrollingText(style, ReviewText.lines(prepared, csr, existing));
        buttons.add(new Button("Back", nav::back));
        if (offerCsr) {
            if (csr == null) {
                buttons.add(new Button("Show CSR", () -> {
                    csr = csrActions.csr();
                    refresh();
                }));
            }
            buttons.add(new Button("Save CSR...", () -> {
                if (csr == null) {
                    csr = csrActions.csr();
                    refresh();
                }
                if (csr != null) {
                    csrActions.save(csr, path -> {
                        extra.add("The CSR was saved to " + path + ".");
                        refresh();
                    });
                }
            }));
        }
        buttons.add(new Button(prepared.task().changes() ? "Next" : "Finish", nav::next));
    }

    private void refresh() {
        List<String> lines = new ArrayList<>(extra);
        if (!extra.isEmpty()) {
            lines.add("");
        }
        lines.addAll(ReviewText.lines(prepared, csr, existing));
        text.show(style, lines);
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
        return buttons.get(buttons.size() - 1);
    }

    @Override
    public String help() {
        return "Tab: move   " + style.upDown() + "/PgUp/PgDn: scroll the text   Enter: press   Esc: quit";
    }

    /** Whether the CSR buttons apply: the CSR task, and plans that make a key. */
    static boolean offersCsr(Prepared p) {
        return p.task() == Task.CSR || p.plan().map(plan -> !plan.files().isEmpty()).orElse(false);
    }
}
