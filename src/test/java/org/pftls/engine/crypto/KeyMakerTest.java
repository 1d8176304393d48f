package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pftls.engine.PftlsException;

class KeyMakerTest {

    @ParameterizedTest
    @ValueSource(ints = {2048, 4096})
    void rsaKeysHaveTheSizeAndExponentOfGenrsa(int bits) throws PftlsException {
        KeyPair key = new KeyMaker(TestKeys.seeded(bits)).generate(KeySpec.parse(KeyAlgorithm.RSA, String.valueOf(bits)));
        RSAPublicKey rsa = (RSAPublicKey) key.getPublic();
        assertEquals(bits, rsa.getModulus().bitLength());
        assertEquals(BigInteger.valueOf(65537), rsa.getPublicExponent());
        assertEquals("RSA " + bits + " bits", PublicKeys.describe(key.getPublic()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "prime256v1", "secp384r1", "secp521r1"})
    void ecKeysAreOnTheNamedCurve(String curve) throws PftlsException {
        KeySpec spec = KeySpec.parse(KeyAlgorithm.ECDSA, curve);
        KeyPair key = new KeyMaker(TestKeys.seeded(1)).generate(spec);
        assertEquals("ECDSA " + spec.curve(), PublicKeys.describe(key.getPublic()));
        assertEquals(EcCurve.fromName(curve).orElseThrow().orderBits(),
                ((ECPublicKey) key.getPublic()).getParams().getOrder().bitLength());
    }

    @Test
    void sameSeedSameKey() throws PftlsException {
        KeySpec spec = KeySpec.defaultFor(KeyAlgorithm.ECDSA);
        assertArrayEquals(new KeyMaker(TestKeys.seeded(9)).generate(spec).getPrivate().getEncoded(),
                new KeyMaker(TestKeys.seeded(9)).generate(spec).getPrivate().getEncoded());
    }

    @Test
    void refusesACurveItCannotMake() {
        PftlsException e = assertThrows(PftlsException.class,
                () -> new KeyMaker(TestKeys.seeded(1)).generate(new KeySpec(KeyAlgorithm.ECDSA, 0, "secp224r1")));
        assertEquals(PftlsException.Kind.INPUT, e.kind());
    }
}
