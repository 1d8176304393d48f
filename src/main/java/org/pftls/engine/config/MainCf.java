package org.pftls.engine.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pftls.engine.PftlsException;

/**
 * An immutable, parsed main.cf, read by Postfix's own rules ({@code util/readlline.c:readllines},
 * {@code util/split_nameval.c}, {@code util/dict.c:dict_load_fp}):
 * <ul>
 * <li>lines are split on {@code \n} only; whitespace is ASCII isspace (space, \t, \n, \v, \f, \r);</li>
 * <li>a line whose first non-blank character is {@code #} is a comment; blank lines are dropped;</li>
 * <li>a logical line is a line that does not start with whitespace plus all following
 *     whitespace-initial lines; blank and comment lines do not end it; joining removes only the
 *     {@code \n};</li>
 * <li>whitespace-initial text at the start of the file is skipped with a warning;</li>
 * <li>{@code name = value}: the name runs up to whitespace or {@code =}; the value is trimmed;</li>
 * <li>a logical line without {@code =} or without a name is a fatal error;</li>
 * <li>duplicates: the last one wins (a warning when the value differs);</li>
 * <li>text after a NUL byte in a logical line is lost.</li>
 * </ul>
 * Messages show control characters as {@code ?}, as Postfix's logging does.
 * Bytes are decoded as ISO-8859-1, so every Java {@code char} of a name or value is one byte of
 * the file: non-ASCII (e.g. UTF-8) values round-trip byte for byte when re-encoded as ISO-8859-1.
 */
public final class MainCf {

    private final byte[] content;
    private final String displayPath;
    private final Map<String, String> values;
    private final List<String> warnings;

    private MainCf(byte[] content, String displayPath, Map<String, String> values, List<String> warnings) {
        this.content = content;
        this.displayPath = displayPath;
        this.values = values;
        this.warnings = warnings;
    }

    /** An empty main.cf (as if the file had no settings). */
    public static MainCf empty(String displayPath) {
        return new MainCf(new byte[0], displayPath, Map.of(), List.of());
    }

    /**
     * Parses main.cf content.
     *
     * @param content     the file's bytes
     * @param displayPath the path used in messages, e.g. {@code /etc/postfix/main.cf}
     * @throws PftlsException {@link PftlsException.Kind#CONFIG} on a line Postfix rejects
     */
    public static MainCf parse(byte[] content, String displayPath) throws PftlsException {
        byte[] copy = content.clone();
        String text = new String(copy, StandardCharsets.ISO_8859_1);
        Map<String, String> values = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (LogicalLine line : logicalLines(text)) {
            String body = line.text();
            int nul = body.indexOf('\0');
            if (nul >= 0) {
                body = body.substring(0, nul);
            }
            if (!body.isEmpty() && Chars.isSpace(body.charAt(0))) {
                warnings.add(displayPath + ": logical line must not start with whitespace: \""
                        + Chars.printable(body.length() > 30 ? body.substring(0, 30) + "..." : body) + "\"");
                continue;
            }
            String[] nameValue = splitNameValue(body);
            if (nameValue.length == 1) {
                throw new PftlsException(PftlsException.Kind.CONFIG, displayPath + ", line " + line.firstLine()
                        + ": " + nameValue[0] + ": \"" + Chars.printable(body) + "\"; fix or comment out that line");
            }
            String previous = values.get(nameValue[0]);
            if (previous != null && !previous.equals(nameValue[1])) {
                warnings.add(displayPath + ", line " + line.firstLine() + ": overriding earlier entry: "
                        + nameValue[0] + "=" + Chars.printable(previous));
            }
            values.put(nameValue[0], nameValue[1]);
        }
        return new MainCf(copy, displayPath, Collections.unmodifiableMap(values), List.copyOf(warnings));
    }

    /**
     * This main.cf with some settings replaced or added, as a daemon sees it under master.cf's
     * {@code -o name=value} options; the bytes stay those of the file.
     */
    public MainCf withOverrides(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return new MainCf(content, displayPath, Collections.unmodifiableMap(merged), warnings);
    }

    /** The file's bytes, exactly as given to {@link #parse}. */
    public byte[] bytes() {
        return content.clone();
    }

    /** The path used in messages. */
    public String displayPath() {
        return displayPath;
    }

    /** The raw value (trimmed, inner whitespace kept, not expanded), when main.cf sets the name. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** True when main.cf sets the name. */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** Every setting, the last value of each name, in order of first appearance. Unmodifiable. */
    public Map<String, String> values() {
        return values;
    }

    /** Postfix's warnings while reading, in file order (overriding entries, leading whitespace). */
    public List<String> warnings() {
        return warnings;
    }

    /** One logical line: joined text (without the {@code \n}s) and the number of its first line. */
    record LogicalLine(String text, int firstLine) {
    }

    /** Splits text into logical lines exactly as readllines() does. */
    static List<LogicalLine> logicalLines(String text) {
        List<LogicalLine> result = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        int lineNumber = 0;
        int firstLine = 0;
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            int newline = text.indexOf('\n', pos);
            int end = newline < 0 ? length : newline;
            String physical = text.substring(pos, end);
            pos = newline < 0 ? length : newline + 1;
            lineNumber++;
            int firstNonSpace = 0;
            while (firstNonSpace < physical.length() && Chars.isSpace(physical.charAt(firstNonSpace))) {
                firstNonSpace++;
            }
            boolean ignorable = firstNonSpace == physical.length() || physical.charAt(firstNonSpace) == '#';
            if (!ignorable) {
                if (buf.length() == 0) {
                    firstLine = lineNumber;
                }
                buf.append(physical);
            }
            if (buf.length() > 0) {
                boolean continues = pos < length && (text.charAt(pos) == '#' || Chars.isSpace(text.charAt(pos)));
                if (!continues) {
                    result.add(new LogicalLine(buf.toString(), firstLine));
                    buf.setLength(0);
                }
            }
        }
        if (buf.length() > 0) {
            result.add(new LogicalLine(buf.toString(), firstLine));
        }
        return result;
    }

    /**
     * split_nameval(): returns {name, value}, or a one-element array holding Postfix's error text.
     */
    static String[] splitNameValue(String line) {
        int np = 0;
        int length = line.length();
        while (np < length && Chars.isSpace(line.charAt(np))) {
            np++;
        }
        if (np == length || line.charAt(np) == '=') {
            return new String[] {"missing attribute name"};
        }
        int ep = np;
        while (ep < length && !Chars.isSpace(line.charAt(ep)) && line.charAt(ep) != '=') {
            ep++;
        }
        int cp = ep;
        while (cp < length && Chars.isSpace(line.charAt(cp))) {
            cp++;
        }
        if (cp == length || line.charAt(cp) != '=') {
            return new String[] {"missing '=' after attribute name"};
        }
        return new String[] {line.substring(np, ep), Chars.trim(line.substring(cp + 1))};
    }
}
