package org.pftls.ui.screen;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Label;
import java.util.ArrayList;
import java.util.List;
import org.pftls.ui.TextWrap;
import org.pftls.ui.flow.ReviewBlock;

/**
 * Findings under the fields of a step (the chain check of a certificate and key pair), each marked
 * in words ("! PROBLEM:", "! warning:", "- ", "ok:") and, where colour is allowed, red when any is
 * a problem: the meaning never depends on colour alone.
 */
final class FindingsLabel extends Label {
    private final DisplayStyle style;

    FindingsLabel(DisplayStyle style) {
        super("");
        this.style = style;
    }

    /** Shows the items ({@code fine} when there are none and it is worth saying). */
    void show(List<ReviewBlock.Item> items, String fine) {
        boolean problem = items.stream().anyMatch(i -> i.mark() == ReviewBlock.Mark.PROBLEM);
        setText(String.join("\n", lines(style, items, fine, Dimensions.TEXT_WIDTH, true)));
        if (problem) {
            addStyle(SGR.BOLD);
        } else {
            removeStyle(SGR.BOLD);
        }
        if (style.color()) {
            setForegroundColor(problem ? TextColor.ANSI.RED : items.isEmpty() ? TextColor.ANSI.GREEN
                    : TextColor.ANSI.DEFAULT);
        }
    }

    /**
     * The items as wrapped lines, each marked in words; a word longer than the width (a path) is cut
     * when {@code cut} (a label), else kept whole (text that folds its lines keeps it copyable).
     */
    static List<String> lines(DisplayStyle style, List<ReviewBlock.Item> items, String fine, int width, boolean cut) {
        List<String> lines = new ArrayList<>();
        if (items.isEmpty() && !fine.isEmpty()) {
            lines.add(style.text("ok: " + fine));
        }
        for (ReviewBlock.Item i : items) {
            String mark = switch (i.mark()) {
                case PROBLEM, WARNING -> "! " + i.mark().word() + ": ";
                case NOTE -> "- ";
                case OK -> "ok: ";
            };
            lines.addAll(TextWrap.wrap(style.text(i.text()), mark, "  ", width, cut));
        }
        return lines;
    }
}
