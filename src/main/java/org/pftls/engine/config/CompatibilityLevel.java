package org.pftls.engine.config;

/**
 * Postfix compatibility levels ({@code global/compat_level.c}): {@code major[.minor[.patch]]}, as
 * one number that compares as the levels do.
 */
final class CompatibilityLevel {
    private static final long MAX_MAJOR = Long.MAX_VALUE >> 20;
    private static final long MAX_MINOR = 1023;

    private CompatibilityLevel() {
    }

    /** compat_level_from_string(). */
    static long parse(String text) {
        long[] parts = new long[3];
        int pos = 0;
        for (int i = 0; i < 3; i++) {
            Number number = Number.strtol(text, pos);
            int end = number == null ? pos : number.end();
            boolean last = end == text.length();
            boolean dot = !last && text.charAt(end) == '.';
            long max = i == 0 ? MAX_MAJOR : MAX_MINOR;
            if (number == null || number.value() < 0 || number.value() > max || !(last || (dot && i < 2))) {
                throw new MacroSyntaxError("malformed compatibility level syntax: \"" + text + "\"");
            }
            parts[i] = number.value();
            if (last) {
                break;
            }
            pos = end + 1;
        }
        return (parts[0] << 20) | (parts[1] << 10) | parts[2];
    }

    /** A number read by strtol and where it ended. */
    private record Number(long value, int end) {
        /** strtol(s + from, &end, 10): blanks, optional sign, digits; null when no digits or out of range. */
        static Number strtol(String s, int from) {
            int i = from;
            while (i < s.length() && Chars.isSpace(s.charAt(i))) {
                i++;
            }
            int signStart = i;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digits = i;
            while (i < s.length() && Chars.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return null;
            }
            try {
                return new Number(Long.parseLong(s.substring(s.charAt(signStart) == '+' ? signStart + 1 : signStart,
                        i)), i);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
