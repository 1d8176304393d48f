package org.pftls.engine.crypto;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** SHA-256 signers on the JDK's providers: sha256WithRSAEncryption or ecdsa-with-SHA256. */
final class Signers {
    private Signers() {
    }

    static ContentSigner sha256(PrivateKey key, SecureRandom random) throws OperatorCreationException {
        String algorithm;
        if (key instanceof RSAPrivateKey) {
            algorithm = "SHA256withRSA";
        } else if (key instanceof ECPrivateKey) {
            algorithm = "SHA256withECDSA";
        } else {
            throw new OperatorCreationException(key.getAlgorithm() + " keys are not supported: use rsa or ecdsa");
        }
        return new JcaContentSignerBuilder(algorithm).setSecureRandom(random).build(key);
    }
}
