package org.pftls.engine;

/**
 * Text from outside pftls (file names, main.cf values, certificate subjects and names, history
 * lines) made safe to print on a terminal: control characters, which could move the cursor,
 * retitle the window, fake output or hide text (ESC, BEL, CR, backspace, C1 controls such as CSI
 * U+009B), and the Unicode controls that reorder or hide what is shown (bidirectional overrides
 * and isolates, line and paragraph separators) are written as escapes: {@code \n}, {@code \r},
 * {@code \x1b}, {@code \u202e}. A tab stays a tab. Backslashes are not doubled, so escaping twice
 * changes nothing: the output is for people, not for parsing back.
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    public static String escape(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x100) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        if (c < 0x20) {
            return c != '\t';
        }
        return c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
