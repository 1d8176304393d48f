package org.pftls.engine.check;

import java.util.Objects;

/**
 * A problem, warning or note found by a check: data, rendered by every front end (text, JSON,
 * wizard) rather than a printed string.
 *
 * @param severity how bad it is
 * @param code     a stable kebab-case id (e.g. {@code not-reloaded}), used by JSON and tests
 * @param text     the one-line message that names the problem and the fix
 */
public record Finding(Severity severity, String code, String text) {
    /** How bad a finding is. */
    public enum Severity {
        /** Something is wrong: the check fails. */
        PROBLEM,
        /** Worth fixing, but the check passes. */
        WARNING,
        /** For information. */
        INFO
    }

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
