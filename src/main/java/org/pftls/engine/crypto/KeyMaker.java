package org.pftls.engine.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;

/**
 * Makes new key pairs with the JDK's own providers (SunRsaSign, SunEC), as
 * {@code openssl genrsa} (public exponent 65537) and {@code openssl ecparam -genkey} do.
 */
public final class KeyMaker {
    private final SecureRandom random;

    public KeyMaker(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new key pair as the spec says. */
    public KeyPair generate(KeySpec spec) throws PftlsException {
        try {
            if (spec.algorithm() == KeyAlgorithm.RSA) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(new RSAKeyGenParameterSpec(spec.rsaBits(), RSAKeyGenParameterSpec.F4), random);
                return generator.generateKeyPair();
            }
            EcCurve curve = EcCurve.fromName(spec.curve()).orElseThrow(() -> new PftlsException(Kind.INPUT,
                    "unsupported ECDSA curve \"" + spec.curve() + "\": use secp256r1, secp384r1 or secp521r1"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve.curveName()), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PftlsException(Kind.CRYPTO, "error generating new " + spec.describe()
                    + " private key: " + e.getMessage(), e);
        }
    }
}
