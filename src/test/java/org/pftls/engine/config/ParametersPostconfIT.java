package org.pftls.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.adapters.PostconfInstallation;

/**
 * The built-in 3.7 defaults and the postconf adapter against Debian's real postconf (needs
 * Postfix: an IT; it fails when postconf is missing). The adapter on every version:
 * {@code adapters/PostconfInstallationIT}.
 */
class ParametersPostconfIT {
    /** Debian's postfix package's master.cf, as installed into /etc/postfix (part of the package, like postconf). */
    private static final Path STOCK_MASTER_CF = Path.of("/usr/share/postfix/master.cf.dist");

    @TempDir
    Path temp;

    @Test
    void postconfAdapterAsksTheRealPostconf() throws Exception {
        RealPostconf.requireInstalled();
        PostconfInstallation real = new PostconfInstallation(RealPostconf.POSTCONF, new BuiltinPostfix37());
        assertTrue(real.installed());
        assertEquals("3.7.11", real.mailVersion());
        assertEquals(Optional.of("dev:/dev/urandom"), real.defaultValue("tls_random_source"));
        assertEquals(new BuiltinPostfix37().defaultValue("smtpd_tls_fingerprint_digest"),
                real.defaultValue("smtpd_tls_fingerprint_digest"));
        assertEquals(java.util.Set.of("rsa", "ecdsa", "dsa"), real.publicKeyAlgorithms());
        Path dir = Files.createTempDirectory(temp, "m");
        RealPostconf.writeMainCf(dir, "compatibility_level = 3.6\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(new BuiltinPostfix37().mapTypes(dir), real.mapTypes(dir));
    }

    @Test
    void builtinTableMatchesPostconfD() throws Exception {
        // postconf -d reads no main.cf, but lists per-service parameters from master.cf: a directory of the
        // test's own with the package's stock master.cf (what Debian installs), never the host's /etc/postfix.
        RealPostconf.requireInstalled();
        Path dir = Files.createTempDirectory(temp, "d");
        Files.copy(STOCK_MASTER_CF, dir.resolve("master.cf"));
        RealPostconf.Result d = RealPostconf.run(dir, "-d");
        java.util.Map<String, String> real = new java.util.HashMap<>(BuiltinPostfix37.parseDefaults(d.out()));
        for (String hostSpecific : List.of("myhostname", "mydomain", "mynetworks", "process_id")) {
            real.remove(hostSpecific);
        }
        assertEquals(real, new BuiltinPostfix37().defaults());
    }
}
