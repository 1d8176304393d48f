package org.pftls.ui.line;

import java.util.List;
import org.pftls.ui.TextWrap;

/**
 * Line mode's text width: short lines that do not depend on the terminal's own wrapping (serial
 * consoles, screen readers). Words longer than the width are kept whole, so paths stay copyable.
 */
final class Paragraph {
    /** Text width: fits an 80-column terminal with room to spare. */
    static final int WIDTH = 78;
    /** Below this, wrapping to the terminal would do more harm than good. */
    private static final int NARROWEST = 30;

    private Paragraph() {
    }

    /** {@code text} wrapped to {@link #WIDTH}, the first line starting with {@code first}, the rest with {@code rest}. */
    static List<String> wrap(String text, String first, String rest) {
        return wrap(text, first, rest, WIDTH);
    }

    /** The width to wrap to on a terminal {@code columns} wide (0 when unknown, as on a dumb terminal). */
    static int widthFor(int columns) {
        return columns >= NARROWEST ? Math.min(WIDTH, columns - 1) : WIDTH;
    }

    /** {@code text} wrapped to {@code width} columns. */
    static List<String> wrap(String text, String first, String rest, int width) {
        return TextWrap.wrap(text, first, rest, width, false);
    }
}
