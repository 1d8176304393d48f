package org.pftls.engine.config;

/**
 * A syntax error inside a {@code $} expansion (postconf's "macro processing error"); the
 * {@link Expander} turns it into a {@link org.pftls.engine.PftlsException} at the top.
 */
final class MacroSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MacroSyntaxError(String message) {
        super(message, null, false, false);
    }
}
