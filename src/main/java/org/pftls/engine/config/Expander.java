package org.pftls.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pftls.engine.PftlsException;

/**
 * Expands {@code $name} references as {@code postconf -x} does: a port of Postfix's
 * {@code util/mac_parse.c} and {@code util/mac_expand.c} with {@code MAC_EXP_FLAG_RECURSE}, plus the
 * {@code <level}-style operators of {@code global/compat_level.c} that postconf registers.
 * <ul>
 * <li>{@code $name} (longest {@code [A-Za-z0-9_]+} run), {@code ${name}}, {@code $(name)};</li>
 * <li>{@code ${name?text}} (text when the value is non-empty), {@code ${name:text}} (text when the
 *     value is empty or undefined), {@code ${name?{T}:{F}}}, with {@code {}} operands whose
 *     surrounding blanks are ignored;</li>
 * <li>{@code ${{a} == {b}?{T}:{F}}} with {@code == != < <= > >=} (numeric when both sides are all
 *     digits, else strcmp) and {@code ==level}, {@code <level}, ... comparing compatibility levels;</li>
 * <li>{@code $$} is a literal {@code $}; literal text is never rescanned; looked-up values are
 *     expanded recursively; an undefined name expands to "" with the warning
 *     {@code undefined parameter: NAME}.</li>
 * </ul>
 * Syntax errors and nesting deeper than 100 are {@link PftlsException.Kind#CONFIG} errors (postconf
 * stops with "macro processing error"). An Expander collects warnings; use one per task.
 */
public final class Expander {

    private static final int MAX_NESTING = 100;
    private static final String OPERATOR_CHARS = "<>!=?+-*/~&|%";
    private static final String ANY_OPERATOR =
            "\"==\" or \"!=\"\" or \"<\"\" or \"<=\"\" or \">=\"\" or \">\"";
    private static final String TRUE = "true";
    private static final String FALSE = "";

    private final ParameterLookup lookup;
    private final List<String> warnings = new ArrayList<>();

    public Expander(ParameterLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * Expands a raw value.
     *
     * @throws PftlsException {@link PftlsException.Kind#CONFIG} naming the value and the problem
     */
    public String expand(String value) throws PftlsException {
        try {
            return expandOnce(value);
        } catch (SyntaxError e) {
            throw new PftlsException(PftlsException.Kind.CONFIG, "cannot expand \"" + value + "\": "
                    + e.getMessage() + "; fix the $ expression in main.cf");
        }
    }

    /** Warnings so far, e.g. {@code undefined parameter: p_undef}, one per lookup, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** A syntax error inside the expansion; becomes a PftlsException at the top. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    /** MAC_EXP_CONTEXT: the result buffer and the nesting level of one mac_expand() call. */
    private static final class Context {
        final StringBuilder result = new StringBuilder();
        int level;
    }

    private String expandOnce(String pattern) {
        Context context = new Context();
        parse(pattern, context);
        return context.result.toString();
    }

    /** mac_parse(): splits into literal text and macro expressions, calling back for each. */
    private void parse(String value, Context context) {
        StringBuilder buf = new StringBuilder();
        int length = value.length();
        int vp = 0;
        while (vp < length) {
            char c = value.charAt(vp);
            if (c != '$') {
                buf.append(c);
                vp++;
            } else if (vp + 1 < length && value.charAt(vp + 1) == '$') {
                buf.append('$');
                vp += 2;
            } else {
                if (buf.length() > 0) {
                    literal(buf.toString(), context);
                    buf.setLength(0);
                }
                vp++;
                if (vp < length && (value.charAt(vp) == '{' || value.charAt(vp) == '(')) {
                    char open = value.charAt(vp);
                    char close = open == '{' ? '}' : ')';
                    int level = 1;
                    vp++;
                    int ep = vp;
                    while (level > 0) {
                        if (ep >= length) {
                            throw new SyntaxError("truncated macro reference: \"" + value + "\"");
                        }
                        char e = value.charAt(ep);
                        if (e == open) {
                            level++;
                        }
                        if (e == close) {
                            level--;
                        }
                        ep++;
                    }
                    buf.append(value, vp, ep - 1);
                    vp = ep;
                } else {
                    int ep = vp;
                    while (ep < length && (Chars.isAlnum(value.charAt(ep)) || value.charAt(ep) == '_')) {
                        ep++;
                    }
                    buf.append(value, vp, ep);
                    vp = ep;
                }
                if (buf.length() == 0) {
                    throw new SyntaxError("empty macro name: \"" + value + "\"");
                }
                expression(buf.toString(), context);
                buf.setLength(0);
            }
        }
        if (buf.length() > 0) {
            literal(buf.toString(), context);
        }
    }

    private void enter(String buf, Context context) {
        if (context.level++ > MAX_NESTING) {
            throw new SyntaxError("unreasonable macro call nesting: \"" + buf + "\"");
        }
    }

    private void literal(String text, Context context) {
        enter(text, context);
        context.result.append(text);
        context.level--;
    }

    /** mac_expand_callback() for a MAC_PARSE_EXPR. */
    private void expression(String s, Context context) {
        enter(s, context);
        int length = s.length();
        int cp = 0;
        String found;
        char ch;
        int[] cursor = {cp};
        if (findLeftCurly(s, cursor)) {
            found = relational(s, cursor);
            cp = cursor[0];
            ch = cp < length ? s.charAt(cp) : 0;
            if (ch != 0) {
                if (ch != '?' && ch != ':') {
                    throw new SyntaxError("\"?\" or \":\" expected at: \"...}>>>" + first20(s, cp) + "\"");
                }
                cp++;
            }
        } else {
            cp = skipSeparators(s, cp);
            int start = cp;
            int nameEnd;
            while (true) {
                int blanks = skipSeparators(s, cp) - cp;
                char next = cp + blanks < length ? s.charAt(cp + blanks) : 0;
                if (next == 0) {
                    nameEnd = cp;
                    ch = 0;
                    break;
                }
                if (next == '?' || next == ':') {
                    nameEnd = cp;
                    cp += blanks + 1;
                    ch = next;
                    break;
                }
                char c = s.charAt(cp);
                if (!Chars.isAlnum(c) && c != '_') {
                    throw new SyntaxError("attribute name syntax error at: \"..." + s.substring(0, cp) + ">>>"
                            + first20(s, cp) + "\"");
                }
                cp++;
            }
            String name = s.substring(start, nameEnd);
            Optional<String> value = lookup.raw(name);
            if (value.isEmpty()) {
                warnings.add("undefined parameter: " + name);
            }
            found = value.orElse(null);
        }
        boolean nonEmpty = found != null && !found.isEmpty();
        switch (ch) {
            case '?': {
                cursor[0] = cp;
                String ifTrue;
                if (findLeftCurly(s, cursor)) {
                    ifTrue = curlyPayload(s, cursor);
                    cp = cursor[0];
                } else {
                    ifTrue = s.substring(cp);
                    cp = length;
                }
                if (nonEmpty) {
                    parse(ifTrue, context);
                }
                if (cp == length) {
                    break;
                }
                if (s.charAt(cp) != ':') {
                    throw new SyntaxError("\":\" expected at: \"..." + ifTrue + "}>>>" + first20(s, cp) + "\"");
                }
                cp++;
                falseBranch(s, cp, nonEmpty, context);
                break;
            }
            case ':':
                falseBranch(s, cp, nonEmpty, context);
                break;
            default:
                if (nonEmpty) {
                    parse(found, context);
                }
                break;
        }
        context.level--;
    }

    private void falseBranch(String s, int cp, boolean nonEmpty, Context context) {
        int[] cursor = {cp};
        String ifFalse;
        if (findLeftCurly(s, cursor)) {
            ifFalse = curlyPayload(s, cursor);
            cp = cursor[0];
        } else {
            ifFalse = s.substring(cp);
            cp = s.length();
        }
        if (!nonEmpty) {
            parse(ifFalse, context);
        }
        if (cp != s.length()) {
            throw new SyntaxError("unexpected input at: \"..." + ifFalse + "}>>>" + first20(s, cp) + "\"");
        }
    }

    /** mac_exp_parse_relational(): returns "true" or "" and advances the cursor. */
    private String relational(String s, int[] cursor) {
        String left = curlyPayload(s, cursor);
        int cp = cursor[0];
        int opStart = cp;
        while (cp < s.length() && OPERATOR_CHARS.indexOf(s.charAt(cp)) >= 0) {
            cp++;
        }
        String op = s.substring(opStart, cp);
        if (!List.of("==", "!=", "<", "<=", ">=", ">").contains(op)) {
            throw new SyntaxError(ANY_OPERATOR + " expected at: \"..." + left + "}>>>" + first20(s, opStart) + "\"");
        }
        boolean compatibilityLevels = false;
        if (cp < s.length() && Chars.isAlnum(s.charAt(cp))) {
            int typeStart = cp;
            while (cp < s.length() && Chars.isAlnum(s.charAt(cp))) {
                cp++;
            }
            String suffix = s.substring(typeStart, cp);
            if (!suffix.equals("level")) {
                throw new SyntaxError("bad operator suffix at: \"..." + op + ">>>" + suffix + "\"");
            }
            compatibilityLevels = true;
        }
        cursor[0] = cp;
        if (!findLeftCurly(s, cursor)) {
            throw new SyntaxError("\"{expression}\" expected at: \"...{" + left + "} " + op + ">>>"
                    + first20(s, cp) + "\"");
        }
        String right = curlyPayload(s, cursor);
        String leftValue = expandOnce(left);
        String rightValue = expandOnce(right);
        int delta = compatibilityLevels
                ? Long.compare(compatibilityLevel(leftValue), compatibilityLevel(rightValue))
                : compare(leftValue, rightValue);
        boolean result;
        switch (op) {
            case "==":
                result = delta == 0;
                break;
            case "!=":
                result = delta != 0;
                break;
            case "<":
                result = delta < 0;
                break;
            case "<=":
                result = delta <= 0;
                break;
            case ">=":
                result = delta >= 0;
                break;
            default:
                result = delta > 0;
                break;
        }
        return result ? TRUE : FALSE;
    }

    /** mac_exp_eval(): numeric when both are all digits, else strcmp. */
    private static int compare(String left, String right) {
        if (allDigits(left) && allDigits(right)) {
            return Long.compare(toLong(left), toLong(right));
        }
        return Integer.signum(left.compareTo(right));
    }

    private static long toLong(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new SyntaxError("mac_exp_eval: bad conversion: " + digits);
        }
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Chars.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** compat_level_from_string(): major[.minor[.patch]] as one comparable number. */
    static long compatibilityLevel(String text) {
        final long maxMajor = Long.MAX_VALUE >> 20;
        long[] parts = new long[3];
        int pos = 0;
        for (int i = 0; i < 3; i++) {
            int[] end = {pos};
            Long number = strtol(text, end);
            boolean last = end[0] == text.length();
            boolean dot = !last && text.charAt(end[0]) == '.';
            long max = i == 0 ? maxMajor : 1023;
            if (number == null || number < 0 || number > max || !(last || (dot && i < 2))) {
                throw new SyntaxError("malformed compatibility level syntax: \"" + text + "\"");
            }
            parts[i] = number;
            if (last) {
                break;
            }
            pos = end[0] + 1;
        }
        return (parts[0] << 20) | (parts[1] << 10) | parts[2];
    }

    /** strtol(s, &end, 10): blanks, optional sign, digits; null when no digits or out of range. */
    private static Long strtol(String s, int[] end) {
        int i = end[0];
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
        end[0] = i;
        try {
            return Long.parseLong(s.substring(s.charAt(signStart) == '+' ? signStart + 1 : signStart, i));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** MAC_EXP_FIND_LEFT_CURLY: skips blanks when a '{' follows them. */
    private static boolean findLeftCurly(String s, int[] cursor) {
        int after = skipSeparators(s, cursor[0]);
        if (after < s.length() && s.charAt(after) == '{') {
            cursor[0] = after;
            return true;
        }
        return false;
    }

    /** mac_exp_extract_curly_payload(): balanced {} payload; skips blanks after the '}'. */
    private static String curlyPayload(String s, int[] cursor) {
        int open = cursor[0];
        int level = 1;
        int cp = open + 1;
        while (true) {
            if (cp >= s.length()) {
                throw new SyntaxError("unbalanced {} in attribute expression: \"" + s.substring(open) + "\"");
            }
            char c = s.charAt(cp);
            if (c == '{') {
                level++;
            } else if (c == '}' && --level <= 0) {
                break;
            }
            cp++;
        }
        cursor[0] = skipSeparators(s, cp + 1);
        return s.substring(open + 1, cp);
    }

    private static int skipSeparators(String s, int from) {
        int i = from;
        while (i < s.length() && Chars.isSeparator(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String first20(String s, int from) {
        return s.substring(from, Math.min(s.length(), from + 20));
    }
}
