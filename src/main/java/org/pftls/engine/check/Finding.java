package org.pftls.engine.check;

import java.util.Objects;

/**
 * One result of a check, as data: every front end (command line, both wizards, {@code status},
 * JSON) renders the same findings.
 *
 * @param severity PROBLEM, WARNING or INFO
 * @param code     a stable kebab-case identifier, e.g. {@code cert-expired} (used by JSON and tests)
 * @param text     one line that names the problem and the fix
 */
public record Finding(Severity severity, String code, String text) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    public static Finding problem(String code, String text) {
        return new Finding(Severity.PROBLEM, code, text);
    }

    public static Finding warning(String code, String text) {
        return new Finding(Severity.WARNING, code, text);
    }

    public static Finding info(String code, String text) {
        return new Finding(Severity.INFO, code, text);
    }
}
