package org.pftls.ui.flow;

import java.util.List;
import org.pftls.engine.check.Finding;

/** Findings as marked items, problems first (the order the check gives them), for the Files step and the Review. */
final class FindingItems {
    private FindingItems() {
    }

    static List<ReviewBlock.Item> of(List<Finding> findings) {
        return findings.stream().map(f -> new ReviewBlock.Item(switch (f.severity()) {
            case PROBLEM -> ReviewBlock.Mark.PROBLEM;
            case WARNING -> ReviewBlock.Mark.WARNING;
            case INFO -> ReviewBlock.Mark.NOTE;
        }, f.text())).toList();
    }
}
