package org.pftls.engine.version;

import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.tls.Instance;

/**
 * The database type of the SMTP client's TLS session cache that enable-client writes
 * ({@code smtp_tls_session_cache_database = TYPE:$data_directory/smtp_scache}), with the reason, for
 * {@code --dry-run} and the wizard's Review. It follows the installed Postfix:
 * <ul>
 * <li>from Postfix 3.11, {@code default_cache_db_type} when main.cf sets it to lmdb or btree and
 *     {@code postconf -m} lists that type (3.11 made it the type of Postfix's own caches; older
 *     versions do not know the parameter and ignore it, and so does pftls);</li>
 * <li>otherwise as postfix tls: lmdb when {@code postconf -m} lists it, else btree, else none.</li>
 * </ul>
 *
 * @param type   the type, or empty when the installed Postfix has neither (no cache is set up)
 * @param reason one line saying why
 */
public record SessionCacheType(Optional<String> type, String reason) {
    private static final List<String> CACHE_TYPES = List.of("lmdb", "btree");

    /** The choice for an instance: asks its Postfix for {@code postconf -m} and its version. */
    public static SessionCacheType of(Instance instance) {
        List<String> types = instance.ports().postfix().mapTypes(instance.configDirectory());
        PostfixVersion version = PostfixVersion.of(instance.ports().postfix().mailVersion());
        String preferred = "";
        if (version.atLeast(PostfixVersion.V3_11)) {
            try {
                preferred = instance.parameters().explicitExpanded("default_cache_db_type");
            } catch (PftlsException e) {
                preferred = ""; // a broken value: as if unset (Postfix itself would refuse it)
            }
        }
        return choose(version, types, preferred, instance.ports().postfix().installed());
    }

    /**
     * @param version   the installed Postfix's mail_version
     * @param types     its {@code postconf -m}
     * @param preferred main.cf's {@code default_cache_db_type} (3.11+), "" when not set
     * @param installed whether a real Postfix answered (else the built-in defaults did)
     */
    static SessionCacheType choose(PostfixVersion version, List<String> types, String preferred, boolean installed) {
        String source = installed ? "postconf -m of Postfix " + version : "the built-in postconf -m (Postfix " + version + ")";
        if (CACHE_TYPES.contains(preferred) && types.contains(preferred)) {
            return new SessionCacheType(Optional.of(preferred), "session cache type " + preferred
                    + ": main.cf sets default_cache_db_type = " + preferred + ", the type Postfix " + version
                    + " uses for its own caches (postfix tls would take " + scriptChoice(types) + ")");
        }
        if (types.contains("lmdb")) {
            return new SessionCacheType(Optional.of("lmdb"), "session cache type lmdb: " + source
                    + " lists it, and postfix tls prefers it to btree");
        }
        if (types.contains("btree")) {
            return new SessionCacheType(Optional.of("btree"), "session cache type btree: " + source
                    + " lists btree but not lmdb");
        }
        return new SessionCacheType(Optional.empty(), "no session cache: " + source + " lists neither lmdb nor btree");
    }

    private static String scriptChoice(List<String> types) {
        return types.contains("lmdb") ? "lmdb" : types.contains("btree") ? "btree" : "none";
    }
}
