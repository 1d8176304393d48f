package org.pftls.engine.crypto;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;

/**
 * Reads private keys from PEM files the way Postfix (through OpenSSL) accepts them: the first
 * {@code PRIVATE KEY} (PKCS#8, RSA or EC), {@code RSA PRIVATE KEY} (PKCS#1) or
 * {@code EC PRIVATE KEY} (SEC1, with or without a preceding {@code EC PARAMETERS} block) in the
 * file, skipping certificates and other blocks; CRLF line ends are fine. Every refusal is one
 * line that names the file and what to do.
 */
public final class KeyFiles {
    private static final String KEY_TYPES = "a PEM \"PRIVATE KEY\", \"RSA PRIVATE KEY\" or \"EC PRIVATE KEY\" block";
    private static final String REMAKE = "restore it from a backup or make a new key with \"postfix tls new-server-key\"";

    /** Key algorithms OpenSSL knows but Postfix's "postfix tls" does not manage, by OID. */
    private static final Map<String, String> OTHER_KEY_TYPES = Map.of(
            "1.2.840.10040.4.1", "DSA",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448",
            "1.2.840.113549.1.1.10", "RSA-PSS",
            "1.2.840.10046.2.1", "DH",
            "1.2.840.113549.1.3.1", "DH",
            "1.2.156.10197.1.301", "SM2");

    private KeyFiles() {
    }

    /**
     * The first private key in PEM text.
     *
     * @param pem         the file's bytes
     * @param displayPath the file name to put in messages
     * @throws PftlsException (CRYPTO) if there is no usable key
     */
    public static LoadedKey readPrivateKey(byte[] pem, String displayPath) throws PftlsException {
        if (pem == null || pem.length == 0 || new String(pem, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new PftlsException(Kind.CRYPTO, "no private key found in file: " + displayPath
                    + ": the file is empty; it must hold " + KEY_TYPES);
        }
        ASN1ObjectIdentifier ecParameters = null;
        int certificates = 0;
        int blocks = 0;
        try (PemBlockReader reader = new PemBlockReader(reader(pem))) {
            PemObject block;
            while ((block = readBlock(reader, displayPath)) != null) {
                blocks++;
                String type = block.getType();
                if (isEncrypted(block)) {
                    throw encrypted(displayPath);
                }
                switch (type) {
                    case "PRIVATE KEY":
                        return fromPkcs8(block.getContent(), displayPath);
                    case "RSA PRIVATE KEY":
                        return fromPkcs1(block.getContent(), displayPath);
                    case "EC PRIVATE KEY":
                        return fromSec1(block.getContent(), ecParameters, displayPath);
                    case "EC PARAMETERS":
                        ecParameters = namedCurveOrNull(block.getContent());
                        break;
                    case "ENCRYPTED PRIVATE KEY":
                        throw encrypted(displayPath);
                    case "DSA PRIVATE KEY":
                        throw unsupportedType("DSA keys", displayPath);
                    case "CERTIFICATE":
                    case "X509 CERTIFICATE":
                    case "TRUSTED CERTIFICATE":
                        certificates++;
                        break;
                    default:
                        break;
                }
            }
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot read " + displayPath + ": " + e.getMessage(), e);
        }
        if (certificates > 0) {
            throw new PftlsException(Kind.CRYPTO, "no private key found in file: " + displayPath
                    + ": it holds only certificates; give the file with the matching private key");
        }
        if (blocks == 0 && (pem[0] & 0xff) == 0x30) {
            throw new PftlsException(Kind.CRYPTO, "no private key found in file: " + displayPath
                    + ": it looks like binary DER; convert it with \"openssl pkey -inform DER -in "
                    + displayPath + " -out " + displayPath + ".pem\"");
        }
        throw new PftlsException(Kind.CRYPTO, "no private key found in file: " + displayPath
                + ": it must hold " + KEY_TYPES);
    }

    static Reader reader(byte[] pem) {
        return new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.ISO_8859_1);
    }

    /** Next PEM block; base64 and framing errors become one-line CRYPTO errors. */
    static PemObject readBlock(PemBlockReader reader, String displayPath) throws PftlsException {
        try {
            return reader.readPemObject();
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "bad PEM framing" : e.getMessage();
            if (detail.contains("not found")) {
                throw new PftlsException(Kind.CRYPTO, displayPath + " is truncated or corrupt (" + detail
                        + "): " + REMAKE, e);
            }
            throw new PftlsException(Kind.CRYPTO, displayPath + " is corrupt (" + detail + "): " + REMAKE, e);
        } catch (RuntimeException e) { // DecoderException from bad base64
            throw new PftlsException(Kind.CRYPTO, displayPath + " is corrupt (bad base64 in a PEM block): "
                    + REMAKE, e);
        }
    }

    private static boolean isEncrypted(PemObject block) {
        for (Object header : block.getHeaders()) {
            PemHeader h = (PemHeader) header;
            if ("Proc-Type".equalsIgnoreCase(h.getName()) && h.getValue() != null
                    && h.getValue().toUpperCase(java.util.Locale.ROOT).contains("ENCRYPTED")) {
                return true;
            }
        }
        return false;
    }

    private static PftlsException encrypted(String path) {
        return new PftlsException(Kind.CRYPTO, "private key in " + path
                + " is encrypted; Postfix cannot read encrypted keys: decrypt it with \"openssl pkey -in "
                + path + " -out " + path + ".plain\"");
    }

    /** @param what such as "DSA keys" or "keys of type 1.2.3" */
    private static PftlsException unsupportedType(String what, String path) {
        return new PftlsException(Kind.CRYPTO, path + ": " + what
                + " are not supported: use rsa or ecdsa (make one with \"postfix tls new-server-key\")");
    }

    private static PftlsException corrupt(String path, String what, Throwable cause) {
        return new PftlsException(Kind.CRYPTO, "private key in " + path + " is corrupt (" + what + "): " + REMAKE,
                cause);
    }

    private static ASN1ObjectIdentifier namedCurveOrNull(byte[] der) {
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(der);
            return value instanceof ASN1ObjectIdentifier oid ? oid : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static LoadedKey fromPkcs8(byte[] der, String path) throws PftlsException {
        PrivateKeyInfo info;
        ASN1ObjectIdentifier algorithm;
        try {
            info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        } catch (IOException | RuntimeException e) {
            throw corrupt(path, "not a PKCS#8 private key", e);
        }
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            try {
                return fromRsa(RSAPrivateKey.getInstance(info.parsePrivateKey()), path);
            } catch (IOException | RuntimeException e) {
                throw corrupt(path, "bad RSA key data", e);
            }
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            ASN1Encodable parameters = info.getPrivateKeyAlgorithm().getParameters();
            org.bouncycastle.asn1.sec.ECPrivateKey sec1;
            try {
                sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
            } catch (IOException | RuntimeException e) {
                throw corrupt(path, "bad EC key data", e);
            }
            return fromEc(sec1, parameters, path);
        }
        String name = OTHER_KEY_TYPES.get(algorithm.getId());
        throw unsupportedType(name == null ? "keys of type " + algorithm.getId() : name + " keys", path);
    }

    private static LoadedKey fromPkcs1(byte[] der, String path) throws PftlsException {
        RSAPrivateKey key;
        try {
            key = RSAPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw corrupt(path, "not a PKCS#1 RSA private key", e);
        }
        return fromRsa(key, path);
    }

    private static LoadedKey fromSec1(byte[] der, ASN1ObjectIdentifier ecParameters, String path)
            throws PftlsException {
        org.bouncycastle.asn1.sec.ECPrivateKey sec1;
        try {
            sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
            sec1.getKey(); // forces the private key field to parse
        } catch (IOException | RuntimeException e) {
            throw corrupt(path, "not a SEC1 EC private key", e);
        }
        return fromEc(sec1, null == sec1.getParametersObject() ? ecParameters : null, path);
    }

    private static LoadedKey fromRsa(RSAPrivateKey key, String path) throws PftlsException {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = factory.generatePrivate(new RSAPrivateCrtKeySpec(key.getModulus(),
                    key.getPublicExponent(), key.getPrivateExponent(), key.getPrime1(), key.getPrime2(),
                    key.getExponent1(), key.getExponent2(), key.getCoefficient()));
            PublicKey publicKey = factory.generatePublic(
                    new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new LoadedKey(KeyAlgorithm.RSA, new KeyPair(publicKey, privateKey),
                    PublicKeys.describe(publicKey));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw corrupt(path, "unusable RSA key: " + e.getMessage(), e);
        }
    }

    /**
     * @param outerParameters curve parameters from outside the SEC1 structure (PKCS#8 algorithm
     *                        identifier or a preceding EC PARAMETERS block), or null
     */
    private static LoadedKey fromEc(org.bouncycastle.asn1.sec.ECPrivateKey sec1, ASN1Encodable outerParameters,
                                    String path) throws PftlsException {
        ASN1Encodable parameters;
        BigInteger d;
        ASN1BitString storedPoint;
        try {
            parameters = sec1.getParametersObject() != null ? sec1.getParametersObject() : outerParameters;
            d = sec1.getKey();
            storedPoint = sec1.getPublicKey();
        } catch (RuntimeException e) {
            throw corrupt(path, "bad EC key data", e);
        }
        if (parameters == null) {
            throw corrupt(path, "the EC key names no curve", null);
        }
        if (!(parameters.toASN1Primitive() instanceof ASN1ObjectIdentifier oid)) {
            throw new PftlsException(Kind.CRYPTO, "the EC key in " + path + " has explicit curve parameters, "
                    + "which are not supported: re-encode it with \"openssl ec -in " + path
                    + " -param_enc named_curve\" or make a new key");
        }
        EcCurve curve = EcCurve.fromOid(oid.getId()).orElseThrow(() -> new PftlsException(Kind.CRYPTO,
                "the EC key in " + path + " uses curve " + CurveNames.nameOf(oid)
                        + ", which is not supported: use secp256r1, secp384r1 or secp521r1"));
        byte[] point;
        try {
            point = storedPoint == null ? CurveNames.publicPoint(oid, d) : storedPoint.getBytes();
            if (point.length > 0 && point[0] != 0x04) { // compressed or hybrid: the JDK takes only uncompressed
                point = CurveNames.uncompressed(oid, point);
            }
        } catch (RuntimeException e) {
            throw corrupt(path, "bad EC public key", e);
        }
        try {
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, oid);
            byte[] spki = new SubjectPublicKeyInfo(algorithm, point).getEncoded(ASN1Encoding.DER);
            org.bouncycastle.asn1.sec.ECPrivateKey plain = new org.bouncycastle.asn1.sec.ECPrivateKey(
                    curve.orderBits(), d, oid);
            byte[] pkcs8 = new PrivateKeyInfo(algorithm, plain).getEncoded(ASN1Encoding.DER);
            KeyFactory factory = KeyFactory.getInstance("EC");
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(spki));
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new LoadedKey(KeyAlgorithm.ECDSA, new KeyPair(publicKey, privateKey),
                    "ECDSA " + curve.curveName());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw corrupt(path, "unusable EC key: " + e.getMessage(), e);
        }
    }
}
