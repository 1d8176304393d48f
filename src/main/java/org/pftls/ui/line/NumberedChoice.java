package org.pftls.ui.line;

import java.util.ArrayList;
import java.util.List;
import org.pftls.ui.flow.Option;

/**
 * A question with numbered choices: the options as lines (label, note, and why a choice is not
 * available here), the default taken on Enter, and the checking of a typed answer.
 *
 * @param <T> the value of a choice
 */
final class NumberedChoice<T> {
    private final List<Option<T>> options;
    private final int defaultIndex;

    /** The outcome of checking a typed answer: the chosen option, or why the answer was refused. */
    record Checked<T>(Option<T> chosen, String problem) {
        boolean ok() {
            return chosen != null;
        }
    }

    /**
     * @param options      the choices, in order (numbered from 1)
     * @param defaultValue the value Enter takes; when it is not an available choice, the first
     *                     available choice is the default
     */
    NumberedChoice(List<Option<T>> options, T defaultValue) {
        this.options = List.copyOf(options);
        int index = -1;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).available() && options.get(i).value().equals(defaultValue)) {
                index = i;
            }
        }
        if (index < 0) {
            for (int i = options.size() - 1; i >= 0; i--) {
                if (options.get(i).available()) {
                    index = i;
                }
            }
        }
        this.defaultIndex = index;
    }

    /** The option lines: {@code "  1) label - note"}, then the reason for an unavailable one. */
    List<String> lines() {
        return lines(Paragraph.WIDTH);
    }

    /** The option lines wrapped to {@code width} columns. */
    List<String> lines(int width) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Option<T> o = options.get(i);
            String number = String.format("%3d) ", i + 1);
            String text = o.label() + (o.note().isEmpty() ? "" : " - " + o.note());
            out.addAll(Paragraph.wrap(text, number, "       ", width));
            o.unavailable().ifPresent(why -> out.addAll(Paragraph.wrap("(not available: " + why + ")",
                    "       ", "        ", width)));
        }
        return out;
    }

    /** The prompt: {@code "Choose 1-7 [1]: "}. */
    String prompt() {
        return "Choose 1-" + options.size() + (defaultIndex >= 0 ? " [" + (defaultIndex + 1) + "]" : "") + ": ";
    }

    /** Checks a typed answer; an empty answer takes the default. */
    Checked<T> check(String answer) {
        String a = answer.strip();
        if (a.isEmpty()) {
            if (defaultIndex < 0) {
                return new Checked<>(null, "none of these choices is available here: type back or quit");
            }
            return new Checked<>(options.get(defaultIndex), null);
        }
        int n;
        try {
            n = a.matches("[0-9]{1,3}") ? Integer.parseInt(a) : -1;
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > options.size()) {
            return new Checked<>(null, "\"" + a + "\" is not one of the choices: type a number from 1 to "
                    + options.size() + (defaultIndex >= 0 ? " (Enter takes " + (defaultIndex + 1) + ")" : "")
                    + ", back or quit");
        }
        Option<T> o = options.get(n - 1);
        if (!o.available()) {
            return new Checked<>(null, n + " (" + o.label() + ") is not available: " + o.unavailable().get());
        }
        return new Checked<>(o, null);
    }
}
