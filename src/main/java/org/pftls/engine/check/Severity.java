package org.pftls.engine.check;

/** How much a {@link Finding} matters. */
public enum Severity {
    /** Something that breaks TLS or is unsafe: a changing operation refuses it, {@code status} exits 1. */
    PROBLEM,
    /** Something to fix, that does not stop a deploy: printed as a warning, {@code status} exits 1. */
    WARNING,
    /** Worth knowing, nothing to fix (e.g. an accepted exception to a rule). */
    INFO
}
