package org.pftls.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.crypto.KeyMaker;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.crypto.PrivateKeyPem;
import org.pftls.engine.crypto.SelfSignedCertificates;

/**
 * Keys and self-signed certificates made by a test in its own directory (never files under
 * /etc/ssl), in pure Java so that unit tests need no openssl: e.g. a stand-in for Debian's
 * ssl-cert "snakeoil" pair.
 */
public final class TestCertificates {
    private TestCertificates() {
    }

    /** An RSA 2048 key (mode 0600) and a self-signed certificate for {@code name}. */
    public static void writeSelfSigned(Path key, Path cert, String name) throws Exception {
        writeSelfSigned(key, cert, name, KeySpec.defaultFor(KeyAlgorithm.RSA));
    }

    public static void writeSelfSigned(Path key, Path cert, String name, KeySpec spec) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed((key.getFileName() + " " + name).hashCode()); // a different key per file
        KeyPair pair = new KeyMaker(random).generate(spec);
        Files.writeString(key, PrivateKeyPem.encode(pair), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(cert, new SelfSignedCertificates(Clock.fixed(Sandbox.NOW, ZoneOffset.UTC), random)
                .createPem(pair, List.of(name)), StandardCharsets.US_ASCII);
    }

    /** A key file's description, e.g. {@code RSA 2048 bits} or {@code ECDSA secp384r1}. */
    public static String describeKey(Path key) throws Exception {
        return KeyFiles.readPrivateKey(Files.readAllBytes(key), key.toString()).description();
    }
}
