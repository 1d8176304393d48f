package org.pftls.ui.line;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.ui.ReviewLines;
import org.pftls.ui.flow.Option;
import org.pftls.ui.flow.ReviewBlock;
import org.pftls.ui.flow.ReviewDocument;
import org.pftls.ui.flow.WizardFlow;
import org.pftls.ui.line.LineSession.Move;

/**
 * The Review step in line mode: the flow's Review document as plain lines (the full screen shows
 * the same lines), the check boxes of its checklists by number, and the CSR actions (show it,
 * save it to a new file) where the task has a CSR or makes a key.
 */
final class LineReview {
    private static final int SHOW = 1;
    private static final int SAVE = 2;
    private static final int NEXT = 3;

    private final WizardFlow flow;
    private final Prompter io;

    LineReview(WizardFlow flow, Prompter io) {
        this.flow = flow;
        this.io = io;
    }

    Move show() {
        ReviewDocument document = flow.review();
        print(document);
        for (ReviewBlock.Checklist list : document.checklists()) {
            Move m = checklist(list);
            if (m != Move.NEXT) {
                return m;
            }
        }
        return flow.offersCsr() ? csrActions() : Move.NEXT;
    }

    private void print(ReviewDocument document) {
        new ReviewLines(io.width(), false).render(document, flow::unticked).forEach(io::say);
    }

    /** Unticking (and ticking again) entries of a checklist by number, until Enter alone. */
    private Move checklist(ReviewBlock.Checklist list) {
        return new LineChecklist(io).ask(list, flow.unticked(list.key()), () -> print(new ReviewDocument(
                flow.review().sections().stream().filter(s -> s.blocks().contains(list)).toList())));
    }

    /** The Review's CSR actions: show it (unless the Review shows it already), save it to a file, or go on. */
    private Move csrActions() {
        while (true) {
            List<Option<Integer>> options = new ArrayList<>();
            if (!flow.csrShown()) {
                options.add(Option.of(SHOW, "Show the CSR", "PEM text, to paste into the CA's form"));
            }
            options.add(Option.of(SAVE, "Save the CSR to a file", "a new file in " + flow.model().configDirectory()));
            options.add(Option.of(NEXT, flow.reviewNext(), ""));
            NumberedChoice<Integer> question = new NumberedChoice<>(options, NEXT);
            question.lines(io.width()).forEach(io::say);
            Reply r = io.ask(question.prompt());
            if (!r.isAnswer()) {
                return LineQuestions.move(r);
            }
            NumberedChoice.Checked<Integer> checked = question.check(r.text());
            if (!checked.ok()) {
                problem(checked.problem());
                continue;
            }
            int chosen = checked.chosen().value();
            if (chosen == NEXT) {
                return Move.NEXT;
            }
            try {
                if (chosen == SHOW) {
                    flow.csr().lines().forEach(io::say);
                } else {
                    saveCsr();
                }
            } catch (PftlsException e) {
                problem(e.getMessage());
            }
        }
    }

    private Optional<Path> saveCsr() {
        String suggested = flow.suggestedCsrName();
        while (true) {
            Reply r = io.askPath("File name for the CSR (relative to " + flow.model().configDirectory() + ") ["
                    + suggested + "]: ");
            if (r.kind() != Reply.Kind.ANSWER) {
                return Optional.empty(); // back, quit or end of input: back to the choices
            }
            try {
                Path saved = flow.saveCsr(r.text().isEmpty() ? suggested : r.text());
                io.say("Saved the CSR to " + saved + " (mode 0644).");
                return Optional.of(saved);
            } catch (PftlsException e) {
                problem(e.getMessage());
            }
        }
    }

    private void problem(String text) {
        Paragraph.wrap(text, "  ! ", "    ", io.width()).forEach(io::say);
    }
}
