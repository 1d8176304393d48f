package org.pftls.engine.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.tls.Instance;
import org.pftls.testing.ModelledPostfix;
import org.pftls.testing.Sandbox;

/** The session cache type enable-client writes follows the installed Postfix, and says why. */
class SessionCacheTypeTest {
    private static final PostfixVersion V37 = PostfixVersion.of("3.7.11");
    private static final PostfixVersion V311 = PostfixVersion.of("3.11.6");

    @TempDir
    Path dir;

    @Test
    void lmdbOverBtreeAsPostfixTlsChooses() {
        assertEquals(Optional.of("lmdb"), SessionCacheType.choose(V37, List.of("btree", "lmdb"), "", true).type());
        assertEquals(Optional.of("btree"), SessionCacheType.choose(V37, List.of("btree", "hash"), "", true).type());
        assertEquals(Optional.empty(), SessionCacheType.choose(V37, List.of("cdb", "hash"), "", true).type());
    }

    @Test
    void theReasonNamesTheVersionAndWhereTheTypesCameFrom() {
        assertEquals("session cache type btree: postconf -m of Postfix 3.7.11 lists btree but not lmdb",
                SessionCacheType.choose(V37, List.of("btree"), "", true).reason());
        assertEquals("session cache type lmdb: postconf -m of Postfix 3.11.6 lists it, and postfix tls prefers it"
                + " to btree", SessionCacheType.choose(V311, List.of("btree", "lmdb"), "", true).reason());
        assertEquals("session cache type btree: the built-in postconf -m (Postfix 3.7.11) lists btree but not lmdb",
                SessionCacheType.choose(V37, List.of("btree"), "", false).reason());
        assertEquals("no session cache: postconf -m of Postfix 3.7.11 lists neither lmdb nor btree",
                SessionCacheType.choose(V37, List.of("cdb"), "", true).reason());
    }

    @Test
    void anExplicitDefaultCacheDbTypeWinsFrom311WhenThatTypeIsThere() throws Exception {
        SessionCacheType btree = SessionCacheType.choose(V311, List.of("btree", "lmdb"), "btree", true);
        assertEquals(Optional.of("btree"), btree.type());
        assertTrue(btree.reason().contains("default_cache_db_type = btree"), btree.reason());
        assertTrue(btree.reason().contains("postfix tls would take lmdb"), btree.reason());
        // A type this build lacks, or one that cannot hold a cache: postfix tls's choice.
        assertEquals(Optional.of("btree"), SessionCacheType.choose(V311, List.of("btree"), "lmdb", true).type());
        assertEquals(Optional.of("lmdb"), SessionCacheType.choose(V311, List.of("cdb", "lmdb"), "cdb", true).type());
    }

    @Test
    void readsTheVersionAndMainCfOfTheInstance() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.writeMainCf((s.mainCfText() + "default_cache_db_type = btree\n").getBytes(StandardCharsets.ISO_8859_1));
        // 3.10 does not know default_cache_db_type: postfix tls's choice.
        s.postfix(ModelledPostfix.installed("3.10.13"));
        assertEquals(Optional.of("lmdb"), SessionCacheType.of(Instance.read(dir, s.ports())).type());
        s.postfix(ModelledPostfix.installed("3.11.6"));
        assertEquals(Optional.of("btree"), SessionCacheType.of(Instance.read(dir, s.ports())).type());
    }
}
