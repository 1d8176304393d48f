package org.pftls.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The deferred generator is the platform's default one, made on first use. */
class DeferredSecureRandomTest {
    @Test
    void createsNothingUntilUsedThenBehavesAsThePlatformDefault() throws Exception {
        DeferredSecureRandom random = new DeferredSecureRandom();
        assertTrue(random.toString().contains("not yet created"), random.toString());
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        random.nextBytes(a);
        random.nextBytes(b);
        assertFalse(Arrays.equals(a, b));
        assertFalse(random.toString().contains("not yet created"));
        assertEquals(new SecureRandom().getAlgorithm(), random.getAlgorithm());
        assertEquals(16, random.generateSeed(16).length);
        assertTrue(new BigInteger(64, random).signum() >= 0);
    }

    @Test
    void drivesKeyGeneration() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, new DeferredSecureRandom());
        assertEquals(2048, ((RSAPublicKey) g.generateKeyPair().getPublic()).getModulus().bitLength());
    }
}
