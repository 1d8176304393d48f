package org.pftls.packaging;

import java.util.regex.Pattern;

/**
 * Python's {@code fnmatch.fnmatch} on POSIX (case-sensitive), as ansible-galaxy applies its ignore
 * patterns to collection-relative paths: {@code *} matches anything, {@code /} included;
 * {@code ?} one character; {@code [seq]}, {@code [!seq]} a character class. A translation of
 * {@code fnmatch.translate} into a Java regular expression.
 */
final class Fnmatch {
    private Fnmatch() {
    }

    static boolean matches(String name, String pattern) {
        return Pattern.compile(translate(pattern), Pattern.DOTALL).matcher(name).matches();
    }

    static String translate(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    String set = pattern.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    } else if (set.startsWith("^")) {
                        set = "\\" + set;
                    }
                    re.append('[').append(set.replace("[", "\\[").replace("&&", "\\&\\&")).append(']');
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
