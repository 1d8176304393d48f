package org.pftls.engine.crypto;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** What pftls needs to know about a JDK public key: algorithm, size or curve, equality. */
public final class PublicKeys {
    private PublicKeys() {
    }

    public static Optional<KeyAlgorithm> algorithmOf(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return Optional.of(KeyAlgorithm.RSA);
        }
        if (key instanceof ECPublicKey) {
            return Optional.of(KeyAlgorithm.ECDSA);
        }
        return Optional.empty();
    }

    /** The named curve of an EC public key, from the OID in its SubjectPublicKeyInfo. */
    public static Optional<EcCurve> curveOf(ECPublicKey key) {
        return curveOidOf(key).flatMap(EcCurve::fromOid);
    }

    static Optional<String> curveOidOf(PublicKey key) {
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            if (spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid) {
                return Optional.of(oid.getId());
            }
        } catch (RuntimeException e) {
            // not a parseable SPKI: no curve to report
        }
        return Optional.empty();
    }

    /** {@code RSA 2048 bits}, {@code ECDSA secp256r1}, or the JDK algorithm name for anything else. */
    public static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        if (key instanceof ECPublicKey ec) {
            return "ECDSA " + curveOf(ec).map(EcCurve::curveName)
                    .orElseGet(() -> curveOidOf(ec).orElse("(explicit curve parameters)"));
        }
        return key.getAlgorithm();
    }

    /** The RSA modulus size, or the EC field size (256, 384, 521); 0 for other keys. */
    public static int bits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 0;
    }

    /** Same key material, whatever the encoding details. */
    public static boolean sameKey(PublicKey a, PublicKey b) {
        if (a instanceof RSAPublicKey ra && b instanceof RSAPublicKey rb) {
            return ra.getModulus().equals(rb.getModulus()) && ra.getPublicExponent().equals(rb.getPublicExponent());
        }
        if (a instanceof ECPublicKey ea && b instanceof ECPublicKey eb) {
            return ea.getW().equals(eb.getW())
                    && ea.getParams().getCurve().equals(eb.getParams().getCurve())
                    && ea.getParams().getOrder().equals(eb.getParams().getOrder())
                    && ea.getParams().getGenerator().equals(eb.getParams().getGenerator());
        }
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }
}
