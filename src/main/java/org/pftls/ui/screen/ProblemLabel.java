package org.pftls.ui.screen;

import org.pftls.ui.TextWrap;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Label;

/**
 * The line under a field that says what is wrong with it, marked with "!" (and red when colour is
 * allowed), or that it is fine: the meaning never depends on colour alone.
 */
final class ProblemLabel extends Label {
    private final DisplayStyle style;
    private boolean problem;

    ProblemLabel(DisplayStyle style) {
        super("");
        this.style = style;
    }

    /** Shows a problem: "! text", wrapped. */
    void problem(String text) {
        problem = true;
        setText(TextWrap.block(style.text("! " + text), Dimensions.TEXT_WIDTH, "  "));
        addStyle(SGR.BOLD);
        if (style.color()) {
            setForegroundColor(TextColor.ANSI.RED);
        }
    }

    /** Shows that all is well: "ok: text". */
    void fine(String text) {
        problem = false;
        setText(TextWrap.block(style.text("ok: " + text), Dimensions.TEXT_WIDTH, "    "));
        removeStyle(SGR.BOLD);
        if (style.color()) {
            setForegroundColor(TextColor.ANSI.GREEN);
        }
    }

    /** Shows nothing. */
    void clear() {
        problem = false;
        setText("");
    }

    boolean showsProblem() {
        return problem;
    }
}
