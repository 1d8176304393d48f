package org.pftls.engine.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.config.Parameters;
import org.pftls.engine.plan.Setting;

/**
 * {@code enable-server --merge} and {@code enable-client --merge}: on an instance whose TLS
 * settings are not all at their defaults, decide per parameter what to change, what to add and
 * what to keep, never lowering what the operator set:
 * <ul>
 *   <li>the security level becomes {@code may} only when TLS is off (empty or {@code none});
 *       {@code may} and anything stricter ({@code encrypt}, {@code dane}, {@code verify}, ...) is
 *       kept, and so is TLS that the obsolete {@code *_use_tls}/{@code *_enforce_tls} turn on;</li>
 *   <li>the log level, the received header and {@code tls_random_source} are added as
 *       enable-server/enable-client add them, unless main.cf already sets them ({@code -r}
 *       always sets the random source);</li>
 *   <li>the client's session cache is kept when its type works with this Postfix.</li>
 * </ul>
 * The certificate settings of a server merge come from {@link ServerDeployment}.
 */
final class MergeRules {
    /** Session cache types tlsmgr can use. */
    private static final Set<String> CACHE_TYPES = Set.of("lmdb", "btree", "sdbm");

    private final Parameters parameters;
    private final List<String> warnings = new ArrayList<>();

    MergeRules(Instance instance) {
        this.parameters = instance.parameters();
    }

    /** Warnings found while deciding (e.g. a level pftls does not know). */
    List<String> warnings() {
        return warnings;
    }

    /** The server's decisions after the certificate settings: level, loglevel, received header, random source. */
    List<Setting> server(String randOption, String random) throws PftlsException {
        List<Setting> s = new ArrayList<>();
        s.add(level(TlsLevel.Side.SERVER, "enable-server"));
        s.add(addUnlessSet("smtpd_tls_received_header", "yes", "enable-server"));
        s.add(addUnlessSet("smtpd_tls_loglevel", "1", "enable-server"));
        s.add(randomSource(randOption, random, "enable-server"));
        return s;
    }

    /** The client's decisions: level, loglevel, session cache, random source. */
    List<Setting> client(String randOption, String random, String cacheType, List<String> mapTypes)
            throws PftlsException {
        List<Setting> s = new ArrayList<>();
        s.add(level(TlsLevel.Side.CLIENT, "enable-client"));
        s.add(addUnlessSet("smtp_tls_loglevel", "1", "enable-client"));
        cache(cacheType, mapTypes).ifPresent(s::add);
        s.add(randomSource(randOption, random, "enable-client"));
        return s;
    }

    private Setting level(TlsLevel.Side side, String operation) throws PftlsException {
        String name = side.levelParameter();
        Optional<String> explicit = parameters.explicit(name);
        TlsLevel level = TlsLevel.of(parameters, side);
        if (!level.known()) {
            warnings.add(name + " = " + level.value() + " is not a level pftls knows; it is left as it is");
            return Setting.keep(name, explicit, level.value(), "not a level pftls knows; left as it is");
        }
        if (level.off()) {
            boolean none = explicit.isPresent() && !explicit.get().isEmpty();
            return Setting.set(name, explicit, "may", none
                    ? "\"" + level.value() + "\" offers no TLS; opportunistic TLS (may) turns it on"
                    : "TLS was off; opportunistic TLS (may), as " + operation + " sets it");
        }
        if (level.fromObsoleteBoolean()) {
            return Setting.keep(level.parameter(), parameters.explicit(level.parameter()), level.value(),
                    "TLS is on through the obsolete " + level.setting() + " (level " + level.value() + ");"
                            + " left as it is (its modern form is " + name + " = " + level.value() + ")");
        }
        if (level.value().equals("may")) {
            return Setting.keep(name, explicit, "may", explicit.isPresent() ? "already opportunistic TLS"
                    : "opportunistic TLS is this Postfix's default here");
        }
        return Setting.keep(name, explicit, level.value(), "stricter than may; pftls never lowers it");
    }

    private Setting addUnlessSet(String name, String value, String operation) {
        Optional<String> explicit = parameters.explicit(name);
        if (explicit.isPresent() && !explicit.get().isEmpty()) {
            return Setting.keep(name, explicit, explicit.get(), "already set");
        }
        return Setting.set(name, explicit, value, "as " + operation + " sets it");
    }

    private Setting randomSource(String option, String random, String operation) {
        String name = "tls_random_source";
        Optional<String> explicit = parameters.explicit(name);
        if (option != null && !option.isEmpty()) {
            return Setting.set(name, explicit, random, "given with -r");
        }
        if (explicit.isPresent() && !explicit.get().isEmpty()) {
            return Setting.keep(name, explicit, explicit.get(), "already set");
        }
        return Setting.set(name, explicit, random, "as " + operation + " sets it");
    }

    private Optional<Setting> cache(String cacheType, List<String> mapTypes) throws PftlsException {
        String name = "smtp_tls_session_cache_database";
        Optional<String> explicit = parameters.explicit(name);
        String wanted = cacheType == null ? null
                : cacheType + ":" + parameters.expanded("data_directory") + "/smtp_scache";
        if (explicit.isPresent() && !explicit.get().isEmpty()) {
            String value = parameters.expanded(name);
            int colon = value.indexOf(':');
            String type = colon > 0 ? value.substring(0, colon) : "";
            if (CACHE_TYPES.contains(type) && mapTypes.contains(type)) {
                return Optional.of(Setting.keep(name, explicit, explicit.get(), "a session cache of a working type"));
            }
            if (wanted == null) {
                warnings.add(name + " = " + explicit.get() + ": this Postfix has no lmdb or btree table type for a"
                        + " session cache; left as it is");
                return Optional.of(Setting.keep(name, explicit, explicit.get(), "no working cache type to use instead"));
            }
            return Optional.of(Setting.set(name, explicit, wanted, "type \"" + type + "\" cannot hold the session"
                    + " cache here (postconf -m lists " + String.join(" ", mapTypes) + ")"));
        }
        if (wanted == null) {
            return Optional.empty();
        }
        return Optional.of(Setting.set(name, explicit, wanted, "as enable-client sets it"));
    }
}
