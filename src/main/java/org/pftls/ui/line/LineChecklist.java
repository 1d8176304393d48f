package org.pftls.ui.line;

import java.util.List;
import java.util.Set;
import org.pftls.ui.flow.ReviewBlock;
import org.pftls.ui.line.LineSession.Move;

/**
 * A Review checklist in line mode: the entries with a check box are numbered (the Review shows
 * them as {@code [x] 1) ...}); typing numbers unticks them (or ticks them again), Enter alone
 * keeps them as shown. What is unticked goes into the answers.
 */
final class LineChecklist {
    private final Prompter io;

    LineChecklist(Prompter io) {
        this.io = io;
    }

    /**
     * @param unticked the ids the operator unticked (changed in place)
     * @param reprint  shows the checklist again after a change
     */
    Move ask(ReviewBlock.Checklist list, Set<String> unticked, Runnable reprint) {
        List<ReviewBlock.Entry> offered = list.offered();
        if (offered.isEmpty()) {
            return Move.NEXT;
        }
        while (true) {
            Reply r = io.ask("Untick (or tick again) by number, e.g. 2 3; Enter keeps them as shown: ");
            if (!r.isAnswer()) {
                return LineQuestions.move(r);
            }
            if (r.text().isEmpty()) {
                return Move.NEXT;
            }
            boolean ok = true;
            for (String word : r.text().split("[\\s,]+")) {
                int n = word.matches("[0-9]{1,3}") ? Integer.parseInt(word) : 0;
                if (n < 1 || n > offered.size()) {
                    Paragraph.wrap("\"" + word + "\" is not one of 1 to " + offered.size(), "  ! ", "    ", io.width())
                            .forEach(io::say);
                    ok = false;
                    continue;
                }
                String id = offered.get(n - 1).id();
                if (!unticked.remove(id)) {
                    unticked.add(id);
                }
            }
            if (ok) {
                reprint.run();
            }
        }
    }
}
