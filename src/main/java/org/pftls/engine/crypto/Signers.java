package org.pftls.engine.crypto;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * SHA-256 signers on the JDK's providers: sha256WithRSAEncryption (parameters NULL, RFC 4055) or
 * ecdsa-with-SHA256 (no parameters, RFC 5758), as OpenSSL writes them.
 *
 * <p>The two algorithm identifiers are written here rather than looked up with Bouncy Castle's
 * {@code JcaContentSignerBuilder}: its algorithm finder builds tables of some 200 algorithm names
 * in its static initialiser, several milliseconds at every start of a command that signs once.
 * {@code SignersTest} checks both identifiers against that finder.
 */
final class Signers {
    static final AlgorithmIdentifier SHA256_WITH_RSA =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
    static final AlgorithmIdentifier SHA256_WITH_ECDSA = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

    private Signers() {
    }

    static ContentSigner sha256(PrivateKey key, SecureRandom random) throws OperatorCreationException {
        AlgorithmIdentifier identifier;
        String algorithm;
        if (key instanceof RSAPrivateKey) {
            identifier = SHA256_WITH_RSA;
            algorithm = "SHA256withRSA";
        } else if (key instanceof ECPrivateKey) {
            identifier = SHA256_WITH_ECDSA;
            algorithm = "SHA256withECDSA";
        } else {
            throw new OperatorCreationException(key.getAlgorithm() + " keys are not supported: use rsa or ecdsa");
        }
        Signature signature;
        try {
            signature = Signature.getInstance(algorithm);
            signature.initSign(key, random);
        } catch (GeneralSecurityException e) {
            throw new OperatorCreationException("cannot create " + algorithm + " signer: " + e.getMessage(), e);
        }
        return new JcaSigner(identifier, signature);
    }

    /** Feeds what BC writes to the JCA signature; signs once at the end. */
    private static final class JcaSigner extends OutputStream implements ContentSigner {
        private final AlgorithmIdentifier identifier;
        private final Signature signature;

        JcaSigner(AlgorithmIdentifier identifier, Signature signature) {
            this.identifier = identifier;
            this.signature = signature;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return identifier;
        }

        @Override
        public OutputStream getOutputStream() {
            return this;
        }

        @Override
        public byte[] getSignature() {
            try {
                return signature.sign();
            } catch (SignatureException e) {
                throw new RuntimeOperatorException("cannot sign: " + e.getMessage(), e);
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            try {
                signature.update(bytes, offset, length);
            } catch (SignatureException e) {
                throw new RuntimeOperatorException("cannot sign: " + e.getMessage(), e);
            }
        }
    }
}
