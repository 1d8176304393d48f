package org.pftls.engine.dane;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The data of one TLSA record (RFC 6698): certificate usage, selector, matching type and the
 * certificate association data, with what it matches.
 */
public record TlsaData(int usage, int selector, int matchingType, byte[] data) {
    /** DANE-TA(2) and DANE-EE(3): the usages an SMTP client uses (RFC 7672 section 3.1.3). */
    public boolean usableForSmtp() {
        return usage == 2 || usage == 3;
    }

    /** The record for a key, as output-server-tlsa prints it: 3 1 1, SHA-256 of the SubjectPublicKeyInfo. */
    public static TlsaData of(PublicKey key) {
        return new TlsaData(3, 1, 1, digest("SHA-256", key.getEncoded()));
    }

    /** {@code 3 1 1 HEX}: the record's data in presentation format (lowercase hex, as the script). */
    public String presentation() {
        return usage + " " + selector + " " + matchingType + " " + HexFormat.of().formatHex(data);
    }

    /** RFC 3597 generic form: {@code \# LENGTH HEX} (for zone tools that do not know TLSA). */
    public String generic() {
        byte[] wire = new byte[3 + data.length];
        wire[0] = (byte) usage;
        wire[1] = (byte) selector;
        wire[2] = (byte) matchingType;
        System.arraycopy(data, 0, wire, 3, data.length);
        return "\\# " + wire.length + " " + HexFormat.of().formatHex(wire);
    }

    /**
     * A record line {@code NAME. IN TLSA U S M HEX} in RFC 3597 form, {@code NAME. IN TYPE52 \# LEN HEX};
     * any other line (a {@code ; keyfile} comment) unchanged.
     */
    public static String genericLine(String line) {
        String[] f = line.split(" ");
        if (f.length != 7 || !f[1].equals("IN") || !f[2].equals("TLSA")) {
            return line;
        }
        TlsaData d = new TlsaData(Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                HexFormat.of().parseHex(f[6]));
        return f[0] + " IN TYPE52 " + d.generic();
    }

    /** Whether this record matches the presented chain (leaf first), as a DANE SMTP client checks it. */
    public boolean matchesChain(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return false;
        }
        if (usage == 3 || usage == 1) {
            return matches(chain.get(0));
        }
        return chain.stream().anyMatch(this::matches);
    }

    /** Whether this record's data is that of the certificate (selector 0) or its public key (selector 1). */
    public boolean matches(X509Certificate certificate) {
        try {
            byte[] selected = selector == 0 ? certificate.getEncoded() : certificate.getPublicKey().getEncoded();
            return matchesSelected(selected);
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    /** Whether this is an end-entity record (usage 1 or 3) for the key (selector 1); a key alone has no certificate. */
    public boolean matchesKey(PublicKey key) {
        return (usage == 3 || usage == 1) && selector == 1 && matchesSelected(key.getEncoded());
    }

    private boolean matchesSelected(byte[] selected) {
        return switch (matchingType) {
            case 0 -> Arrays.equals(selected, data);
            case 1 -> Arrays.equals(digest("SHA-256", selected), data);
            case 2 -> Arrays.equals(digest("SHA-512", selected), data);
            default -> false;
        };
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsaData t && t.usage == usage && t.selector == selector
                && t.matchingType == matchingType && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return ((usage * 31 + selector) * 31 + matchingType) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return presentation().toLowerCase(Locale.ROOT);
    }
}
