package org.pftls.ui.line;

/**
 * What the operator typed at a question: an answer (trimmed), {@code back}, {@code quit}
 * (or Ctrl-C), or the end of the input (EOF on a pipe, Ctrl-D).
 */
record Reply(Kind kind, String text) {
    enum Kind { ANSWER, BACK, QUIT, END }

    static Reply of(String line) {
        String t = line.strip();
        if (t.equalsIgnoreCase("back")) {
            return new Reply(Kind.BACK, t);
        }
        if (t.equalsIgnoreCase("quit")) {
            return new Reply(Kind.QUIT, t);
        }
        return new Reply(Kind.ANSWER, t);
    }

    boolean isAnswer() {
        return kind == Kind.ANSWER;
    }
}
