package org.pftls.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Word wrapping for both wizards: prose (labels do not wrap by themselves, and a serial console
 * or screen reader is better off with short lines) and preformatted lines too wide for the screen.
 */
public final class TextWrap {
    private TextWrap() {
    }

    /**
     * Wraps {@code text} at spaces so that no line is longer than {@code width}; a word longer than
     * the width is cut. Continuation lines start with {@code indent}.
     */
    public static List<String> wrap(String text, int width, String indent) {
        return wrap(text, "", indent, width, true);
    }

    /**
     * Wraps {@code text} at blanks to {@code width} columns, the first line starting with
     * {@code first}, the others with {@code rest}. A word longer than the room is cut when
     * {@code cutLongWords} (a label must fit), else kept whole (a path stays copyable).
     */
    public static List<String> wrap(String text, String first, String rest, int width, boolean cutLongWords) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.strip().split("\\s+")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
            while (cutLongWords && line.length() > width && width > rest.length()) {
                lines.add(line.substring(0, width));
                String cut = line.substring(width);
                line = new StringBuilder(rest).append(cut);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** {@link #wrap(String, int, String)} joined with newlines, for a multi-line label. */
    public static String block(String text, int width, String indent) {
        return String.join("\n", wrap(text, width, indent));
    }

    /**
     * Folds one line of preformatted text (spacing kept) to {@code width}: it breaks at the last
     * space that fits, or anywhere when there is none; continuation lines keep the line's leading
     * spaces plus four more.
     */
    public static List<String> fold(String line, int width) {
        List<String> out = new ArrayList<>();
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        String indent = " ".repeat(Math.min(lead + 4, Math.max(0, width / 2)));
        String rest = line;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= indent.length()) {
                cut = width;
            }
            out.add(rest.substring(0, cut));
            rest = indent + rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }
}
