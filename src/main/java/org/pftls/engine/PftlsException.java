package org.pftls.engine;

/**
 * The one exception type of pftls. It carries a {@link Kind} (which maps to the exit status)
 * and a one-line message that names the problem and, where there is one, the fix.
 * Front ends print it once; the engine never prints.
 */
public final class PftlsException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarsely: decides the exit status and how a front end words it. */
    public enum Kind {
        /** Bad command line: unknown subcommand or option, missing or extra arguments. */
        USAGE(1),
        /** Bad value given by the user: algorithm, bits, curve, host name, file argument. */
        INPUT(1),
        /** main.cf or another Postfix setting is not usable as it is. */
        CONFIG(1),
        /** A key, certificate or CSR could not be read, made or matched. */
        CRYPTO(1),
        /** A file could not be read or written. */
        IO(1),
        /** Another pftls holds the instance, or main.cf changed underneath us. */
        CONFLICT(1),
        /** The answer to a yes/no question such as all-default-server is "no"; nothing is printed. */
        NEGATIVE(1),
        /** The operator cancelled. */
        CANCELLED(1);

        private final int exitStatus;

        Kind(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        /** The process exit status; postfix tls exits 1 on every failure, so do we. */
        public int exitStatus() {
            return exitStatus;
        }
    }

    private final Kind kind;

    public PftlsException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PftlsException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
