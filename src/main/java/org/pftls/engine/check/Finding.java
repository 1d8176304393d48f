package org.pftls.engine.check;

/**
 * One result of a check, as data: every front end (command line, both wizards, {@code status},
 * JSON) renders the same findings.
 *
 * @param severity PROBLEM, WARNING or INFO
 * @param code     a stable kebab-case identifier, e.g. {@code cert-expired} (used by JSON and tests)
 * @param text     one line that names the problem and the fix
 */
public record Finding(Severity severity, String code, String text) {
}
