package org.pftls.ui.screen;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping of prose for labels (Lanterna's labels do not wrap by themselves). */
final class TextWrap {
    private TextWrap() {
    }

    /**
     * Wraps {@code text} at spaces so that no line is longer than {@code width}; a word longer than
     * the width is cut. Continuation lines start with {@code indent}.
     */
    static List<String> wrap(String text, int width, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split(" +")) {
            String prefix = lines.isEmpty() ? "" : indent;
            int room = width - (line.length() == 0 ? prefix.length() : line.length() + 1);
            if (word.length() > room && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                prefix = indent;
            }
            if (line.length() == 0) {
                line.append(prefix);
            } else {
                line.append(' ');
            }
            line.append(word);
            while (line.length() > width) {
                lines.add(line.substring(0, width));
                String rest = line.substring(width);
                line.setLength(0);
                line.append(indent).append(rest);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@link #wrap} joined with newlines, for a multi-line label. */
    static String block(String text, int width, String indent) {
        return String.join("\n", wrap(text, width, indent));
    }

    /**
     * Folds one line of preformatted text (spacing kept) to {@code width}: it breaks at the last
     * space that fits, or anywhere when there is none; continuation lines keep the line's leading
     * spaces plus four more.
     */
    static List<String> fold(String line, int width) {
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
