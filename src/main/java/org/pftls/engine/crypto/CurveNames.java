package org.pftls.engine.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;

/**
 * Bouncy Castle's curve tables, used only when needed: to name a curve we refuse, and to derive
 * an EC public key from a SEC1 key that does not carry it. Touching this class loads the tables.
 */
final class CurveNames {
    private CurveNames() {
    }

    /** The curve's usual name ({@code secp224r1}, {@code brainpoolP256r1}), or its OID. */
    static String nameOf(ASN1ObjectIdentifier oid) {
        String name = ECNamedCurveTable.getName(oid);
        return name == null ? oid.getId() : name;
    }

    /** The uncompressed public point d·G of a named curve. */
    static byte[] publicPoint(ASN1ObjectIdentifier oid, BigInteger d) {
        X9ECParameters parameters = ECNamedCurveTable.getByOID(oid);
        return parameters.getG().multiply(d).normalize().getEncoded(false);
    }

    /** A point in uncompressed form, from any encoding OpenSSL may have stored. */
    static byte[] uncompressed(ASN1ObjectIdentifier oid, byte[] encoded) {
        return ECNamedCurveTable.getByOID(oid).getCurve().decodePoint(encoded).getEncoded(false);
    }
}
