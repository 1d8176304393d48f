package org.pftls.engine.check;

/**
 * A problem, warning or note found by a check: data, not a printed string, so that status, the
 * wizards and JSON output render the same thing.
 *
 * @param severity how bad it is
 * @param code     a stable kebab-case id, e.g. {@code config-writable-by-others} (JSON, tests)
 * @param text     one line that names the problem and the fix
 */
public record Finding(Severity severity, String code, String text) {
    /** How bad a finding is. */
    public enum Severity {
        PROBLEM, WARNING, INFO
    }
}
