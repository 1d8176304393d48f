package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pftls.engine.PftlsException;

/** Keys we write have the formats the script's openssl commands write, and OpenSSL reads them. */
class PrivateKeyPemTest {
    @TempDir
    static Path dir;

    private static Path opensslRsa;

    @BeforeAll
    static void referenceRsaKey() {
        opensslRsa = dir.resolve("openssl-rsa.pem");
        OpenSsl.ok("genrsa", "-out", opensslRsa.toString(), "2048");
    }

    private static Path opensslEc(String curve) {
        Path file = dir.resolve("openssl-ec-" + curve + ".pem");
        if (!file.toFile().exists()) {
            OpenSsl.ok("ecparam", "-param_enc", "named_curve", "-genkey", "-out", file.toString(), "-name", curve);
        }
        return file;
    }

    @Test
    void newRsaKeyIsPkcs8AsGenrsaWritesIt() throws PftlsException {
        String ours = PrivateKeyPem.encode(TestKeys.rsa2048(1));
        Path file = TestKeys.write(dir, "ours-rsa.pem", ours);
        String reference = TestKeys.readText(opensslRsa);

        assertEquals(List.of("PRIVATE KEY"), PemText.types(reference), "what openssl genrsa writes");
        assertEquals(PemText.types(reference), PemText.types(ours));
        assertEquals(PemText.asn1Structure(OpenSsl.text("asn1parse", "-in", opensslRsa.toString())),
                PemText.asn1Structure(OpenSsl.text("asn1parse", "-in", file.toString())));
        assertEquals(PemText.asn1Structure(OpenSsl.text("asn1parse", "-in", opensslRsa.toString(), "-strparse", "22")),
                PemText.asn1Structure(OpenSsl.text("asn1parse", "-in", file.toString(), "-strparse", "22")));
        assertTrue(OpenSsl.text("rsa", "-in", file.toString(), "-check", "-noout").contains("RSA key ok"));
        assertTrue(OpenSsl.text("pkey", "-in", file.toString(), "-noout", "-text").contains("Private-Key: (2048 bit, 2 primes)"));
        assertWellFormed(ours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void newEcKeyIsParametersPlusSec1AsEcparamWritesIt(String curve) throws PftlsException {
        String ours = PrivateKeyPem.encode(TestKeys.ec(curve, 2));
        Path file = TestKeys.write(dir, "ours-" + curve + ".pem", ours);
        String reference = TestKeys.readText(opensslEc(curve));

        assertEquals(List.of("EC PARAMETERS", "EC PRIVATE KEY"), PemText.types(reference), "what openssl ecparam writes");
        assertEquals(PemText.types(reference), PemText.types(ours));
        for (int i = 0; i < 2; i++) {
            assertEquals(structure(PemText.blocks(reference).get(i).text()),
                    structure(PemText.blocks(ours).get(i).text()), "block " + i);
        }
        assertEquals(PemText.blocks(reference).get(0), PemText.blocks(ours).get(0), "same EC PARAMETERS block");
        OpenSsl.Result check = OpenSsl.ok("ec", "-in", file.toString(), "-check", "-noout");
        assertTrue(check.err().contains("EC Key valid."), check.err());
        String text = OpenSsl.text("pkey", "-in", file.toString(), "-noout", "-text");
        assertTrue(text.contains("ASN1 OID: " + (curve.equals("secp256r1") ? "prime256v1" : curve)), text);
        assertWellFormed(ours);
    }

    @Test
    void reEncodingOpenSslKeysGivesTheSameBytes() throws PftlsException {
        assertEquals(TestKeys.readText(opensslRsa), PrivateKeyPem.encode(TestKeys.load(opensslRsa).keyPair()));
        for (String curve : List.of("secp256r1", "secp384r1", "secp521r1")) {
            Path file = opensslEc(curve);
            assertEquals(TestKeys.readText(file), PrivateKeyPem.encode(TestKeys.load(file).keyPair()), curve);
        }
    }

    @Test
    void copiedKeysAreWhatOpenSslRsaAndEcWrite() throws PftlsException {
        Path pkcs1 = dir.resolve("pkcs1.pem");
        OpenSsl.ok("rsa", "-in", opensslRsa.toString(), "-traditional", "-out", pkcs1.toString());
        for (Path rsa : List.of(opensslRsa, pkcs1)) {
            String copied = OpenSsl.text("rsa", "-in", rsa.toString());
            assertEquals(List.of("PRIVATE KEY"), PemText.types(copied), "OpenSSL 3 openssl rsa writes PKCS#8");
            assertEquals(copied, PrivateKeyPem.encodeAsCopied(TestKeys.load(rsa)));
        }
        for (String curve : List.of("secp256r1", "secp384r1", "secp521r1")) {
            Path ec = opensslEc(curve);
            Path pkcs8 = dir.resolve("pkcs8-" + curve + ".pem");
            OpenSsl.ok("pkey", "-in", ec.toString(), "-out", pkcs8.toString());
            for (Path file : List.of(ec, pkcs8)) {
                String copied = OpenSsl.text("ec", "-in", file.toString());
                assertEquals(List.of("EC PRIVATE KEY"), PemText.types(copied), "openssl ec writes SEC1 only");
                assertEquals(copied, PrivateKeyPem.encodeAsCopied(TestKeys.load(file)), file.toString());
            }
        }
    }

    @Test
    void copyOfOurOwnKeyIsReadableByOpenSsl() throws PftlsException {
        KeyPair key = TestKeys.ec("secp256r1", 3);
        LoadedKey loaded = KeyFiles.readPrivateKey(PrivateKeyPem.encode(key).getBytes(), "new.pem");
        Path copy = TestKeys.write(dir, "copy.pem", PrivateKeyPem.encodeAsCopied(loaded));
        assertTrue(OpenSsl.ok("ec", "-in", copy.toString(), "-check", "-noout").err().contains("EC Key valid."));
    }

    private static String structure(String pemBlock) {
        return PemText.asn1Structure(OpenSsl.ok(pemBlock.getBytes(), "asn1parse").text());
    }

    private static void assertWellFormed(String pem) {
        assertFalse(pem.contains("\r"), "LF line ends only");
        assertTrue(pem.endsWith("-----\n"));
        for (String line : pem.split("\n")) {
            assertTrue(line.length() <= 64, line);
        }
    }
}
