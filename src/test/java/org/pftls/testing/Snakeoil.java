package org.pftls.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Debian's stock main.cf (samples/debian-snakeoil.cf) in a sandbox, its snakeoil paths pointed at
 * a key and certificate for "vm" made here, in the sandbox (never /etc/ssl): the starting point
 * of most real servers. The same files every time (for comparing two sandboxes byte for byte).
 */
public final class Snakeoil {
    public static final String KEY = "ssl-cert-snakeoil.key";
    public static final String CERT = "ssl-cert-snakeoil.pem";

    private Snakeoil() {
    }

    /** Makes the snakeoil pair in the sandbox and writes the stock main.cf pointing at it. */
    public static Sandbox in(Sandbox s) {
        Path key = s.dir().resolve(KEY);
        Path cert = s.dir().resolve(CERT);
        try {
            TestCertificates.writeSelfSigned(key, cert, "vm");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        s.writeMainCf(new String(Sandbox.resource("/samples/debian-snakeoil.cf"), StandardCharsets.ISO_8859_1)
                .replace("/etc/ssl/private/ssl-cert-snakeoil.key", key.toString())
                .replace("/etc/ssl/certs/ssl-cert-snakeoil.pem", cert.toString()).getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    /** A sandbox in {@code dir} on the stock Debian main.cf with the snakeoil pair. */
    public static Sandbox sandbox(Path dir) {
        return in(new Sandbox(dir));
    }
}
