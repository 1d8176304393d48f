package org.pftls.engine.config;

/**
 * A read position in the text of one macro expression ({@code mac_expand.c}'s {@code cp}): the
 * helpers of the expression parser read from it and move it forward.
 */
final class MacroCursor {
    private final String text;
    private int position;

    MacroCursor(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    int position() {
        return position;
    }

    boolean atEnd() {
        return position >= text.length();
    }

    /** The character at the cursor, or 0 at the end (C's terminating NUL). */
    char current() {
        return atEnd() ? 0 : text.charAt(position);
    }

    void moveTo(int newPosition) {
        position = newPosition;
    }

    /** Moves past the character at the cursor. */
    void advance() {
        position++;
    }

    void skipSeparators() {
        while (!atEnd() && Chars.isSeparator(text.charAt(position))) {
            position++;
        }
    }

    /** MAC_EXP_FIND_LEFT_CURLY: true when a '{' follows (after blanks, which are then skipped). */
    boolean findLeftCurly() {
        int from = position;
        skipSeparators();
        if (current() == '{') {
            return true;
        }
        position = from;
        return false;
    }

    /**
     * mac_exp_extract_curly_payload(): at a '{', the text up to its balanced '}'; the cursor moves
     * past the '}' and the blanks after it.
     */
    String curlyPayload() {
        int open = position;
        int level = 1;
        int cp = open + 1;
        while (true) {
            if (cp >= text.length()) {
                throw new MacroSyntaxError("unbalanced {} in attribute expression: \"" + text.substring(open) + "\"");
            }
            char c = text.charAt(cp);
            if (c == '{') {
                level++;
            } else if (c == '}' && --level <= 0) {
                break;
            }
            cp++;
        }
        position = cp + 1;
        skipSeparators();
        return text.substring(open + 1, cp);
    }

    /** A '{' operand when one follows, else the rest of the text; the cursor moves past it. */
    String operand() {
        if (findLeftCurly()) {
            return curlyPayload();
        }
        String rest = text.substring(position);
        position = text.length();
        return rest;
    }

    /** The longest run of characters from {@code chars} at the cursor; the cursor moves past it. */
    String takeAnyOf(String chars) {
        int start = position;
        while (!atEnd() && chars.indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        return text.substring(start, position);
    }

    /** The longest run of letters and digits at the cursor; the cursor moves past it. */
    String takeAlnum() {
        int start = position;
        while (!atEnd() && Chars.isAlnum(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    /** What error messages quote: the text before the cursor. */
    String before() {
        return text.substring(0, position);
    }

    /** What error messages quote: up to 20 characters from the cursor. */
    String next20() {
        return text.substring(position, Math.min(text.length(), position + 20));
    }
}
