package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.junit.jupiter.api.Test;

/** The hand-written signers say what Bouncy Castle's finder says and sign what the JDK verifies. */
class SignersTest {
    @Test
    void algorithmIdentifiersAreBouncyCastlesOwn() throws Exception {
        DefaultSignatureAlgorithmIdentifierFinder finder = new DefaultSignatureAlgorithmIdentifierFinder();
        assertArrayEquals(finder.find("SHA256withRSA").getEncoded(ASN1Encoding.DER),
                Signers.SHA256_WITH_RSA.getEncoded(ASN1Encoding.DER));
        assertArrayEquals(finder.find("SHA256withECDSA").getEncoded(ASN1Encoding.DER),
                Signers.SHA256_WITH_ECDSA.getEncoded(ASN1Encoding.DER));
    }

    @Test
    void signaturesVerify() throws Exception {
        for (KeySpec spec : new KeySpec[] {KeySpec.parse(KeyAlgorithm.RSA, "2048"),
            KeySpec.parse(KeyAlgorithm.ECDSA, "secp384r1")}) {
            KeyPair key = TestKeys.generate(spec, 9);
            ContentSigner signer = Signers.sha256(key.getPrivate(), TestKeys.seeded(1));
            byte[] data = "to be signed, in two writes".getBytes();
            signer.getOutputStream().write(data, 0, 10);
            signer.getOutputStream().write(data, 10, data.length - 10);
            byte[] signature = signer.getSignature();
            Signature verifier = Signature.getInstance(spec.algorithm() == KeyAlgorithm.RSA ? "SHA256withRSA"
                    : "SHA256withECDSA");
            verifier.initVerify(key.getPublic());
            verifier.update(data);
            assertTrue(verifier.verify(signature), spec.describe());
            verifier.initVerify(key.getPublic());
            verifier.update(data, 1, data.length - 1);
            assertEquals(false, verifier.verify(signature), spec.describe());
        }
    }

    @Test
    void otherKeysAreRefused() throws Exception {
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        OperatorCreationException e = assertThrows(OperatorCreationException.class,
                () -> Signers.sha256(dsa.generateKeyPair().getPrivate(), TestKeys.seeded(1)));
        assertTrue(e.getMessage().contains("use rsa or ecdsa"), e.getMessage());
    }
}
