package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.PftlsException;

/** Our CSR is output_server_csr's but for the signature. */
class CsrBuilderTest {
    private static final List<String> NAMES = List.of("mx.example.com", "mail.example.com");

    @TempDir
    Path dir;

    private static String normalisedText(Path csr) {
        return OpenSsl.text("req", "-in", csr.toString(), "-noout", "-text")
                .replaceAll("(?s)(Signature Value:\n)(\\s+[0-9a-f:]+\n)+", "$1 SIGNATURE\n");
    }

    @Test
    void sameAsTheScriptsForRsaAndEachCurve() throws PftlsException {
        List<KeyPair> keys = List.of(TestKeys.rsa2048(21), TestKeys.ec("secp256r1", 22),
                TestKeys.ec("secp384r1", 23), TestKeys.ec("secp521r1", 24));
        for (KeyPair key : keys) {
            Path keyFile = TestKeys.write(dir, "key.pem", PrivateKeyPem.encode(key));
            Path script = TestKeys.write(dir, "script.csr", ScriptConfigs.scriptCsr(keyFile, NAMES));
            String pem = new CsrBuilder(TestKeys.seeded(25)).csrPem(key, NAMES);
            Path ours = TestKeys.write(dir, "ours.csr", pem);

            assertEquals(List.of("CERTIFICATE REQUEST"), PemText.types(pem));
            assertEquals(normalisedText(script), normalisedText(ours));
            assertEquals(PemText.asn1Structure(OpenSsl.text("asn1parse", "-in", script.toString())),
                    PemText.asn1Structure(OpenSsl.text("asn1parse", "-in", ours.toString())));
            assertTrue(OpenSsl.ok("req", "-in", ours.toString(), "-noout", "-verify").err().contains("verify OK"));
            assertEquals(pem, OpenSsl.text("req", "-in", ours.toString()), "PEM exactly as openssl req prints it");
            if (key.getPublic().getAlgorithm().equals("RSA")) {
                assertEquals(TestKeys.readText(script), pem, "PKCS#1 v1.5 signatures are deterministic: same bytes");
            }
        }
    }

    @Test
    void subjectIsEmpty() throws PftlsException {
        Path ours = TestKeys.write(dir, "ours.csr",
                new CsrBuilder(TestKeys.seeded(26)).csrPem(TestKeys.ec("secp256r1", 27), List.of("a.example")));
        String text = OpenSsl.text("req", "-in", ours.toString(), "-noout", "-subject");
        assertEquals("subject=\n", text);
    }

    @Test
    void refusesBadHostNames() {
        CsrBuilder builder = new CsrBuilder(TestKeys.seeded(28));
        KeyPair key = TestKeys.ec("secp256r1", 29);
        assertEquals(PftlsException.Kind.INPUT,
                assertThrows(PftlsException.class, () -> builder.csrPem(key, List.of("a.example", "A.EXAMPLE"))).kind());
        assertEquals(PftlsException.Kind.INPUT,
                assertThrows(PftlsException.class, () -> builder.csrPem(key, List.of())).kind());
    }
}
