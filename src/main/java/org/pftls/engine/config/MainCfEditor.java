package org.pftls.engine.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Edits main.cf bytes exactly as {@code postconf -e} and {@code postconf -X} do
 * ({@code postconf/postconf_edit.c:pcf_edit_main}), working on physical lines:
 * <ol>
 * <li>blank lines and lines whose first non-blank character is {@code #} are copied verbatim,
 *     even inside a value that is replaced;</li>
 * <li>a whitespace-initial line continues the entry above it: copied when that entry is not
 *     edited, dropped when it is;</li>
 * <li>any other line starts an entry whose key is the text up to the first of
 *     {@code ' ', \t, \r, \n, '='}; every occurrence of an edited key is replaced by
 *     {@code key = value\n} ({@code -e}) or removed ({@code -X}); the second occurrence of a key
 *     yields the warning {@code <path>: multiple entries for "key"};</li>
 * <li>{@code -e} appends names never found at the end, sorted by strcmp (as Postfix 3.7.17+ does;
 *     3.7.11 uses a random hash order);</li>
 * <li>every byte of an untouched line is kept (CRLF, trailing blanks, non-ASCII, NUL).</li>
 * </ol>
 * Deliberate difference from Postfix 3.7.11: when the file does not end in a newline and names
 * are appended, a {@code \n} is written first (3.7.15+ behaviour); 3.7.11 glues the first appended
 * line to the last line. Also, 3.7.11 truncates a line at a NUL byte when copying it; this class
 * copies every byte.
 */
public final class MainCfEditor {

    /** The edited bytes and postconf's warnings. */
    public record Edit(byte[] after, List<String> warnings) {
        public Edit {
            after = after.clone();
            warnings = List.copyOf(warnings);
        }

        @Override
        public byte[] after() {
            return after.clone();
        }
    }

    private MainCfEditor() {
    }

    /**
     * {@code postconf -e name=value ...}: sets parameters. Names and values are taken as
     * {@code postconf -e} takes them: both are trimmed of blanks; a later duplicate name wins.
     *
     * @throws IllegalArgumentException for a name postconf would refuse (empty, containing
     *         blanks or {@code =}, starting with {@code #}) or a value with a newline
     */
    public static Edit set(byte[] original, List<Map.Entry<String, String>> settings, String displayPath) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, String> setting : settings) {
            String value = setting.getValue() == null ? "" : setting.getValue();
            if (value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a main.cf value cannot contain a newline: " + setting.getKey());
            }
            wanted.put(checkedName(setting.getKey()), Chars.trim(value));
        }
        return rewrite(original, wanted, true, displayPath);
    }

    /** {@code postconf -X name ...}: removes every entry of each name, with its continuation lines. */
    public static Edit remove(byte[] original, Collection<String> names, String displayPath) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String name : names) {
            wanted.put(checkedName(name), null);
        }
        return rewrite(original, wanted, false, displayPath);
    }

    private static String checkedName(String raw) {
        String name = raw == null ? "" : Chars.trim(raw);
        if (name.isEmpty() || name.startsWith("#")) {
            throw new IllegalArgumentException("not a main.cf parameter name: \"" + raw + "\"");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Chars.isSpace(c) || c == '=') {
                throw new IllegalArgumentException("not a main.cf parameter name: \"" + raw + "\"");
            }
        }
        return name;
    }

    private static Edit rewrite(byte[] original, Map<String, String> wanted, boolean set, String displayPath) {
        String text = new String(original, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.length() + 256);
        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        boolean interesting = false;
        int pos = 0;
        while (pos < text.length()) {
            int newline = text.indexOf('\n', pos);
            int end = newline < 0 ? text.length() : newline + 1;
            String line = text.substring(pos, end);
            pos = end;
            int cp = 0;
            while (cp < line.length() && Chars.isSpace(line.charAt(cp))) {
                cp++;
            }
            if (cp == line.length() || line.charAt(cp) == '#') {
                out.append(line);
            } else if (cp > 0) {
                if (!interesting) {
                    out.append(line);
                }
            } else {
                String key = keyOf(line);
                interesting = wanted.containsKey(key);
                if (interesting) {
                    int count = found.merge(key, 1, Integer::sum);
                    if (count == 2) {
                        warnings.add(displayPath + ": multiple entries for \"" + key + "\"");
                    }
                    if (set) {
                        out.append(key).append(" = ").append(wanted.get(key)).append('\n');
                    }
                } else {
                    out.append(line);
                }
            }
        }
        if (set) {
            Map<String, String> missing = new TreeMap<>();
            wanted.forEach((name, value) -> {
                if (!found.containsKey(name)) {
                    missing.put(name, value);
                }
            });
            if (!missing.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            missing.forEach((name, value) -> out.append(name).append(" = ").append(value).append('\n'));
        }
        return new Edit(out.toString().getBytes(StandardCharsets.ISO_8859_1), warnings);
    }

    /** The key of an entry's first line: the text up to the first of space, \t, \r, \n, '='. */
    static String keyOf(String line) {
        int i = 0;
        while (i < line.length() && !Chars.isSeparator(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        return line.substring(0, i);
    }
}
