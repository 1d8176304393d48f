package org.pftls.engine.tls;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.config.Parameters;

/**
 * The TLS security level the SMTP server or client really runs with, as Postfix decides it:
 * {@code smtpd_tls_security_level} (or {@code smtp_tls_security_level}) when it is not empty,
 * else the obsolete booleans ({@code *_enforce_tls = yes} means {@code encrypt}, {@code *_use_tls
 * = yes} means {@code may}; the client's {@code smtp_enforce_tls} with
 * {@code smtp_tls_enforce_peername = yes} means {@code verify}), else none.
 *
 * @param side      server (smtpd) or client (smtp)
 * @param value     the effective level, lower case; "" when TLS is off
 * @param parameter the parameter that decides it, e.g. {@code smtpd_tls_security_level}; "" when nothing does
 * @param setting   that parameter's main.cf text (name = value), or "" when it comes from the default
 */
public record TlsLevel(Side side, String value, String parameter, String setting) {

    /** Server (smtpd) or client (smtp). */
    public enum Side {
        SERVER("smtpd", Set.of("none", "may", "encrypt")),
        CLIENT("smtp", Set.of("none", "may", "encrypt", "dane", "dane-only", "fingerprint", "verify", "secure"));

        private final String prefix;
        private final Set<String> levels;

        Side(String prefix, Set<String> levels) {
            this.prefix = prefix;
            this.levels = levels;
        }

        /** {@code smtpd_tls_security_level} or {@code smtp_tls_security_level}. */
        public String levelParameter() {
            return prefix + "_tls_security_level";
        }

        /** {@code smtpd_tls_loglevel} or {@code smtp_tls_loglevel}. */
        public String logLevelParameter() {
            return prefix + "_tls_loglevel";
        }

        String useTls() {
            return prefix + "_use_tls";
        }

        String enforceTls() {
            return prefix + "_enforce_tls";
        }

        /** The levels Postfix knows for this side. */
        public Set<String> levels() {
            return levels;
        }
    }

    /** Reads the effective level of one side. */
    public static TlsLevel of(Parameters parameters, Side side) throws PftlsException {
        String level = parameters.expanded(side.levelParameter()).trim().toLowerCase(Locale.ROOT);
        if (!level.isEmpty()) {
            return new TlsLevel(side, level, side.levelParameter(), setting(parameters, side.levelParameter()));
        }
        if (yes(parameters, side.enforceTls())) {
            String value = "encrypt";
            if (side == Side.CLIENT && yes(parameters, "smtp_tls_enforce_peername")) {
                value = "verify";
            }
            return new TlsLevel(side, value, side.enforceTls(), setting(parameters, side.enforceTls()));
        }
        if (yes(parameters, side.useTls())) {
            return new TlsLevel(side, "may", side.useTls(), setting(parameters, side.useTls()));
        }
        return new TlsLevel(side, "", "", "");
    }

    /** True when this side does no TLS at all (no level, or none). */
    public boolean off() {
        return value.isEmpty() || value.equals("none");
    }

    /** True when the level is one Postfix knows for this side. */
    public boolean known() {
        return value.isEmpty() || side.levels().contains(value);
    }

    /**
     * True when the level already does at least opportunistic TLS ({@code may} or stricter), so that
     * setting {@code may} would not add anything (and for a stricter level would lower it).
     */
    public boolean atLeastMay() {
        return !off();
    }

    /** True when the level comes from an obsolete boolean (smtpd_use_tls, smtp_enforce_tls, ...). */
    public boolean fromObsoleteBoolean() {
        return parameter.endsWith("_use_tls") || parameter.endsWith("_enforce_tls");
    }

    /** For messages: {@code "encrypt" (smtpd_tls_security_level = encrypt)} or {@code none (not set)}. */
    public String describe() {
        if (value.isEmpty()) {
            return "none (" + side.levelParameter() + " is not set)";
        }
        return "\"" + value + "\"" + (setting.isEmpty() ? " (default)" : " (" + setting + ")");
    }

    private static boolean yes(Parameters parameters, String name) throws PftlsException {
        return parameters.expanded(name).trim().equalsIgnoreCase("yes");
    }

    private static String setting(Parameters parameters, String name) {
        Optional<String> v = parameters.explicit(name);
        return v.map(x -> name + " = " + x).orElse("");
    }
}
