package org.pftls.engine.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * DANE TLSA "3 1 1" data: SHA-256 of the DER SubjectPublicKeyInfo, as the script's
 * {@code openssl ec|rsa -pubout | openssl ec|rsa -pubin -outform DER | openssl dgst -sha256}
 * (for EC that is the named-curve, uncompressed-point encoding, which is also the JDK's).
 */
public final class Tlsa {
    private Tlsa() {
    }

    /** Lowercase hex SHA-256 of the key's SubjectPublicKeyInfo. */
    public static String spkiSha256Hex(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** One line of {@code output-server-tlsa}: {@code _25._tcp.HOST. IN TLSA 3 1 1 HEX}. */
    public static String record(String hostName, PublicKey key) {
        return record(hostName, spkiSha256Hex(key));
    }

    /** The same line from the hex SHA-256 of the key's SubjectPublicKeyInfo. */
    public static String record(String hostName, String spkiSha256Hex) {
        return "_25._tcp." + hostName + ". IN TLSA 3 1 1 " + spkiSha256Hex;
    }
}
