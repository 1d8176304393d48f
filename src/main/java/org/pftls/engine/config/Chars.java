package org.pftls.engine.config;

/** Postfix's character classes: ASCII only, whatever the locale. */
final class Chars {
    /** CHARS_SPACE in Postfix: the separators of postconf output and of $-expression operands. */
    static final String SEPARATORS = " \t\r\n";

    private Chars() {
    }

    /** C isspace() in the C locale: space, \t, \n, \v, \f, \r. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Removes isspace() characters at both ends. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * postconf's output normalisation (pcf_print_line): runs of space, \t, \r, \n become one space,
     * and such characters at either end are removed. \v and \f are kept.
     */
    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isSeparator(s.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            while (i < n && !isSeparator(s.charAt(i))) {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Control characters as '?', as Postfix's msg output shows them (keeps messages on one line). */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
