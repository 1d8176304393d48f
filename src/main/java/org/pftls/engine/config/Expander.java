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
        } catch (MacroSyntaxError e) {
            throw new PftlsException(PftlsException.Kind.CONFIG, "cannot expand \"" + value + "\": "
                    + e.getMessage() + "; fix the $ expression in main.cf");
        }
    }

    /** Warnings so far, e.g. {@code undefined parameter: p_undef}, one per lookup, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
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
                            throw new MacroSyntaxError("truncated macro reference: \"" + value + "\"");
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
                    throw new MacroSyntaxError("empty macro name: \"" + value + "\"");
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
            throw new MacroSyntaxError("unreasonable macro call nesting: \"" + buf + "\"");
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
        MacroCursor cursor = new MacroCursor(s);
        String found;
        char ch;
        if (cursor.findLeftCurly()) {
            found = relational(cursor);
            ch = cursor.current();
            if (ch != 0) {
                if (ch != '?' && ch != ':') {
                    throw new MacroSyntaxError("\"?\" or \":\" expected at: \"...}>>>" + cursor.next20() + "\"");
                }
                cursor.advance();
            }
        } else {
            Name n = name(cursor);
            String name = n.name();
            ch = n.operator();
            Optional<String> value = lookup.raw(name);
            if (value.isEmpty()) {
                warnings.add("undefined parameter: " + name);
            }
            found = value.orElse(null);
        }
        boolean nonEmpty = found != null && !found.isEmpty();
        switch (ch) {
            case '?': {
                String ifTrue = cursor.operand();
                if (nonEmpty) {
                    parse(ifTrue, context);
                }
                if (cursor.atEnd()) {
                    break;
                }
                if (cursor.current() != ':') {
                    throw new MacroSyntaxError("\":\" expected at: \"..." + ifTrue + "}>>>" + cursor.next20() + "\"");
                }
                cursor.advance();
                falseBranch(cursor, nonEmpty, context);
                break;
            }
            case ':':
                falseBranch(cursor, nonEmpty, context);
                break;
            default:
                if (nonEmpty) {
                    parse(found, context);
                }
                break;
        }
        context.level--;
    }

    /** A parameter name and the operator after it: '?', ':' or 0 (none). */
    private record Name(String name, char operator) { }

    /**
     * The parameter name of a non-relational expression (blanks around it skipped); the cursor
     * ends past the '?' or ':' that follows it, or at the end.
     */
    private static Name name(MacroCursor cursor) {
        cursor.skipSeparators();
        String s = cursor.text();
        int start = cursor.position();
        int cp = start;
        while (true) {
            int after = cp;
            while (after < s.length() && Chars.isSeparator(s.charAt(after))) {
                after++;
            }
            char next = after < s.length() ? s.charAt(after) : 0;
            if (next == 0) {
                cursor.moveTo(s.length());
                return new Name(s.substring(start, cp), (char) 0);
            }
            if (next == '?' || next == ':') {
                cursor.moveTo(after + 1);
                return new Name(s.substring(start, cp), next);
            }
            char c = s.charAt(cp);
            if (!Chars.isAlnum(c) && c != '_') {
                cursor.moveTo(cp);
                throw new MacroSyntaxError("attribute name syntax error at: \"..." + cursor.before() + ">>>"
                        + cursor.next20() + "\"");
            }
            cp++;
        }
    }

    private void falseBranch(MacroCursor cursor, boolean nonEmpty, Context context) {
        String ifFalse = cursor.operand();
        if (!nonEmpty) {
            parse(ifFalse, context);
        }
        if (!cursor.atEnd()) {
            throw new MacroSyntaxError("unexpected input at: \"..." + ifFalse + "}>>>" + cursor.next20() + "\"");
        }
    }

    /** mac_exp_parse_relational(): at the left '{', returns "true" or "" and moves past the right operand. */
    private String relational(MacroCursor cursor) {
        String left = cursor.curlyPayload();
        String atOperator = cursor.next20();
        String op = cursor.takeAnyOf(OPERATOR_CHARS);
        if (!List.of("==", "!=", "<", "<=", ">=", ">").contains(op)) {
            throw new MacroSyntaxError(ANY_OPERATOR + " expected at: \"..." + left + "}>>>" + atOperator + "\"");
        }
        String suffix = cursor.takeAlnum();
        if (!suffix.isEmpty() && !suffix.equals("level")) {
            throw new MacroSyntaxError("bad operator suffix at: \"..." + op + ">>>" + suffix + "\"");
        }
        if (!cursor.findLeftCurly()) {
            throw new MacroSyntaxError("\"{expression}\" expected at: \"...{" + left + "} " + op + ">>>"
                    + cursor.next20() + "\"");
        }
        String right = cursor.curlyPayload();
        String leftValue = expandOnce(left);
        String rightValue = expandOnce(right);
        int delta = suffix.isEmpty() ? compare(leftValue, rightValue)
                : Long.compare(CompatibilityLevel.parse(leftValue), CompatibilityLevel.parse(rightValue));
        boolean result = switch (op) {
            case "==" -> delta == 0;
            case "!=" -> delta != 0;
            case "<" -> delta < 0;
            case "<=" -> delta <= 0;
            case ">=" -> delta >= 0;
            default -> delta > 0;
        };
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
            throw new MacroSyntaxError("mac_exp_eval: bad conversion: " + digits);
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
}
