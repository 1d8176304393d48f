package org.pftls.engine.crypto;

import java.io.IOException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;

/**
 * Private keys as PEM text, byte for byte as OpenSSL 3.0 writes them in {@code postfix tls}:
 * <ul>
 * <li>new RSA key ({@code openssl genrsa}): PKCS#8 {@code PRIVATE KEY};</li>
 * <li>new EC key ({@code openssl ecparam -param_enc named_curve -genkey}): an {@code EC PARAMETERS}
 * block with the curve OID, then a SEC1 {@code EC PRIVATE KEY} with the named curve and the public key;</li>
 * <li>copied key ({@code openssl rsa} / {@code openssl ec} in new-server-cert): RSA as PKCS#8
 * {@code PRIVATE KEY}, EC as the SEC1 {@code EC PRIVATE KEY} alone.</li>
 * </ul>
 */
public final class PrivateKeyPem {
    private PrivateKeyPem() {
    }

    /** PEM of a newly made key, as the script's key generation writes it. */
    public static String encode(KeyPair key) throws PftlsException {
        if (key.getPrivate() instanceof RSAPrivateCrtKey rsa) {
            return Pem.encode("PRIVATE KEY", pkcs8(rsa));
        }
        if (key.getPrivate() instanceof ECPrivateKey ec) {
            EcParts parts = ecParts(key, ec);
            return Pem.encode(new PemObject("EC PARAMETERS", der(parts.curveOid)),
                    new PemObject("EC PRIVATE KEY", parts.sec1));
        }
        throw unsupported(key);
    }

    /** PEM of a key copied by new-server-cert, as {@code openssl rsa -in OLD} / {@code openssl ec -in OLD} write it. */
    public static String encodeAsCopied(LoadedKey key) throws PftlsException {
        KeyPair pair = key.keyPair();
        if (pair.getPrivate() instanceof RSAPrivateCrtKey rsa) {
            return Pem.encode("PRIVATE KEY", pkcs8(rsa));
        }
        if (pair.getPrivate() instanceof ECPrivateKey ec) {
            return Pem.encode("EC PRIVATE KEY", ecParts(pair, ec).sec1);
        }
        throw unsupported(pair);
    }

    private static byte[] pkcs8(RSAPrivateCrtKey key) throws PftlsException {
        RSAPrivateKey pkcs1 = new RSAPrivateKey(key.getModulus(), key.getPublicExponent(), key.getPrivateExponent(),
                key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(),
                key.getCrtCoefficient());
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    pkcs1).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new PftlsException(Kind.CRYPTO, "cannot encode RSA private key: " + e.getMessage(), e);
        }
    }

    private record EcParts(ASN1ObjectIdentifier curveOid, byte[] sec1) {
    }

    private static EcParts ecParts(KeyPair pair, ECPrivateKey key) throws PftlsException {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
        if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid)) {
            throw new PftlsException(Kind.CRYPTO, "EC key has no named curve: only secp256r1, secp384r1 "
                    + "and secp521r1 keys can be written");
        }
        EcCurve curve = EcCurve.fromOid(oid.getId()).orElseThrow(() -> new PftlsException(Kind.CRYPTO,
                "EC key on curve " + oid.getId() + " is not supported: use secp256r1, secp384r1 or secp521r1"));
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                curve.orderBits(), key.getS(), new DERBitString(spki.getPublicKeyData().getBytes()), oid);
        return new EcParts(oid, der(sec1));
    }

    private static byte[] der(org.bouncycastle.asn1.ASN1Encodable value) throws PftlsException {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new PftlsException(Kind.CRYPTO, "cannot encode EC private key: " + e.getMessage(), e);
        }
    }

    private static PftlsException unsupported(KeyPair key) {
        return new PftlsException(Kind.CRYPTO, key.getPrivate().getAlgorithm()
                + " private keys are not supported: use rsa or ecdsa");
    }
}
