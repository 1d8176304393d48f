package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pftls.engine.PftlsException;

class KeySpecTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "RSA,   NULL,       RSA 2048 bits",
        "RSA,   '',         RSA 2048 bits",
        "RSA,   2048,       RSA 2048 bits",
        "RSA,   3072,       RSA 3072 bits",
        "RSA,   4096,       RSA 4096 bits",
        "RSA,   16384,      RSA 16384 bits",
        "ECDSA, NULL,       ECDSA secp256r1",
        "ECDSA, '',         ECDSA secp256r1",
        "ECDSA, secp256r1,  ECDSA secp256r1",
        "ECDSA, prime256v1, ECDSA secp256r1",
        "ECDSA, P-256,      ECDSA secp256r1",
        "ECDSA, secp384r1,  ECDSA secp384r1",
        "ECDSA, SECP521R1,  ECDSA secp521r1",
    })
    void accepts(KeyAlgorithm algorithm, String value, String description) throws PftlsException {
        KeySpec spec = KeySpec.parse(algorithm, value);
        assertEquals(description, spec.describe());
        assertEquals(algorithm, spec.algorithm());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RSA   | 1024            | RSA key size 1024 is too small: use 2048, 3072 or 4096 (-b 2048)",
        "RSA   | 2047            | RSA key size 2047 is too small: use 2048, 3072 or 4096 (-b 2048)",
        "RSA   | 0               | RSA key size 0 is too small: use 2048, 3072 or 4096 (-b 2048)",
        "RSA   | 16385           | RSA key size 16385 is too large (at most 16384): use 2048, 3072 or 4096 (-b 2048)",
        "RSA   | 99999999999     | RSA key size \"99999999999\" is not a number of bits: use 2048, 3072 or 4096 (-b 2048)",
        "RSA   | abc             | RSA key size \"abc\" is not a number of bits: use 2048, 3072 or 4096 (-b 2048)",
        "RSA   | -2048           | RSA key size \"-2048\" is not a number of bits: use 2048, 3072 or 4096 (-b 2048)",
        "RSA   | 2048.0          | RSA key size \"2048.0\" is not a number of bits: use 2048, 3072 or 4096 (-b 2048)",
        "RSA   | secp256r1       | RSA key size \"secp256r1\" is not a number of bits: use 2048, 3072 or 4096 (-b 2048)",
        "ECDSA | brainpoolP256r1 | unsupported ECDSA curve \"brainpoolP256r1\": use secp256r1, secp384r1 or secp521r1",
        "ECDSA | secp224r1       | unsupported ECDSA curve \"secp224r1\": use secp256r1, secp384r1 or secp521r1",
        "ECDSA | secp256k1       | unsupported ECDSA curve \"secp256k1\": use secp256r1, secp384r1 or secp521r1",
        "ECDSA | 256             | unsupported ECDSA curve \"256\": use secp256r1, secp384r1 or secp521r1",
    })
    void refuses(KeyAlgorithm algorithm, String value, String message) {
        PftlsException e = assertThrows(PftlsException.class, () -> KeySpec.parse(algorithm, value));
        assertEquals(PftlsException.Kind.INPUT, e.kind());
        assertEquals(message, e.getMessage());
    }

    @Test
    void defaults() {
        assertEquals(new KeySpec(KeyAlgorithm.RSA, 2048, null), KeySpec.defaultFor(KeyAlgorithm.RSA));
        assertEquals(new KeySpec(KeyAlgorithm.ECDSA, 0, "secp256r1"), KeySpec.defaultFor(KeyAlgorithm.ECDSA));
    }

    @Test
    void algorithmNamesAreThoseOfPostfixTls() {
        assertEquals(Optional.of(KeyAlgorithm.RSA), KeyAlgorithm.fromPostfixName("rsa"));
        assertEquals(Optional.of(KeyAlgorithm.ECDSA), KeyAlgorithm.fromPostfixName("ecdsa"));
        assertFalse(KeyAlgorithm.fromPostfixName("dsa").isPresent());
        assertFalse(KeyAlgorithm.fromPostfixName("RSA").isPresent());
        assertFalse(KeyAlgorithm.fromPostfixName(null).isPresent());
        assertEquals("rsa", KeyAlgorithm.RSA.postfixName());
        assertEquals("key-", KeyAlgorithm.RSA.keyFilePrefix());
        assertEquals("cert-", KeyAlgorithm.RSA.certFilePrefix());
        assertEquals("eckey-", KeyAlgorithm.ECDSA.keyFilePrefix());
        assertEquals("eccert-", KeyAlgorithm.ECDSA.certFilePrefix());
        assertEquals("smtpd_tls_key_file", KeyAlgorithm.RSA.keyFileParameter());
        assertEquals("smtpd_tls_cert_file", KeyAlgorithm.RSA.certFileParameter());
        assertEquals("smtpd_tls_eckey_file", KeyAlgorithm.ECDSA.keyFileParameter());
        assertEquals("smtpd_tls_eccert_file", KeyAlgorithm.ECDSA.certFileParameter());
    }

    @Test
    void everyAcceptedCurveIsOneOpenSslKnows() {
        for (EcCurve curve : EcCurve.values()) {
            OpenSsl.Result result = OpenSsl.run(null, "ecparam", "-name", curve.curveName(), "-outform", "DER");
            assertEquals(0, result.exit(), result.err());
            String oid = OpenSsl.ok(result.out(), "asn1parse", "-inform", "DER", "-oid", "/dev/null").text();
            assertTrue(oid.contains(curve.curveName()) || oid.contains("prime256v1"), oid);
        }
    }
}
