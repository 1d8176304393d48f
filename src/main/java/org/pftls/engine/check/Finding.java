package org.pftls.engine.check;

/**
 * One thing a check found, as data: front ends (status, Detect, Review, JSON) render it.
 *
 * @param severity how bad it is
 * @param code     a stable kebab-case id, e.g. {@code deprecated-smtp-use-tls}, for JSON and tests
 * @param text     one line that names the problem and the fix
 */
public record Finding(Severity severity, String code, String text) {
}
