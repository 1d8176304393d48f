package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pftls.engine.PftlsException;

/** TLSA digests equal the script's openssl pipelines. */
class TlsaTest {
    @TempDir
    Path dir;

    /** pubkey_dgst: {@code openssl pkey -pubout | openssl pkey -pubin -outform DER | sha256}. */
    static String scriptDigest(Path keyFile) {
        byte[] pub = OpenSsl.ok("pkey", "-in", keyFile.toString(), "-pubout").out();
        byte[] der = OpenSsl.ok(pub, "pkey", "-pubin", "-outform", "DER").out();
        return sha256(der);
    }

    /** The script's own EC/RSA branch: {@code openssl ec|rsa -pubout | openssl ec|rsa -pubin -outform DER}. */
    static String scriptDigest(Path keyFile, String command) {
        byte[] pub = OpenSsl.ok(command, "-in", keyFile.toString(), "-pubout").out();
        byte[] der = OpenSsl.ok(pub, command, "-pubin", "-outform", "DER").out();
        return sha256(der);
    }

    /** cert_pubkey_dgst: {@code openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER | sha256}. */
    static String certDigest(Path certFile) {
        byte[] pub = OpenSsl.ok("x509", "-in", certFile.toString(), "-pubkey", "-noout").out();
        return sha256(OpenSsl.ok(pub, "pkey", "-pubin", "-outform", "DER").out());
    }

    private static String sha256(byte[] data) {
        return HexFormat.of().formatHex(OpenSsl.ok(data, "dgst", "-sha256", "-binary").out());
    }

    @Test
    void rsaDigestsMatchForPkcs8AndPkcs1() throws PftlsException {
        Path pkcs8 = dir.resolve("rsa.pem");
        OpenSsl.ok("genrsa", "-out", pkcs8.toString(), "2048");
        Path pkcs1 = dir.resolve("rsa1.pem");
        OpenSsl.ok("rsa", "-in", pkcs8.toString(), "-traditional", "-out", pkcs1.toString());
        for (Path file : List.of(pkcs8, pkcs1)) {
            String expected = scriptDigest(file, "rsa");
            assertEquals(expected, scriptDigest(file));
            assertEquals(expected, Tlsa.spkiSha256Hex(TestKeys.load(file).keyPair().getPublic()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void ecDigestsMatchForSec1AndPkcs8(String curve) throws PftlsException {
        Path sec1 = dir.resolve("ec.pem");
        OpenSsl.ok("ecparam", "-param_enc", "named_curve", "-genkey", "-name", curve, "-out", sec1.toString());
        Path bare = dir.resolve("ec-bare.pem");
        OpenSsl.ok("ec", "-in", sec1.toString(), "-out", bare.toString());
        Path pkcs8 = dir.resolve("ec8.pem");
        OpenSsl.ok("pkey", "-in", sec1.toString(), "-out", pkcs8.toString());
        for (Path file : List.of(sec1, bare, pkcs8)) {
            String expected = scriptDigest(file, "ec");
            assertEquals(expected, scriptDigest(file));
            assertEquals(expected, Tlsa.spkiSha256Hex(TestKeys.load(file).keyPair().getPublic()), file.toString());
        }
    }

    @Test
    void ourKeysAndCertificatesDigestLikeTheScriptSays() throws PftlsException {
        SelfSignedCertificates maker = new SelfSignedCertificates(TestKeys.CLOCK, TestKeys.seeded(5));
        for (KeyPair key : List.of(TestKeys.rsa2048(6), TestKeys.ec("secp384r1", 7))) {
            Path keyFile = TestKeys.write(dir, "key.pem", PrivateKeyPem.encode(key));
            Path certFile = TestKeys.write(dir, "cert.pem",
                    SelfSignedCertificates.toPem(maker.create(key, List.of("mx.example"))));
            String expected = scriptDigest(keyFile);
            assertEquals(expected, Tlsa.spkiSha256Hex(key.getPublic()));
            assertEquals(expected, certDigest(certFile));
        }
    }

    @Test
    void recordLineIsTheScriptsFormat() {
        KeyPair key = TestKeys.ec("secp256r1", 8);
        String line = Tlsa.record("mx.example.com", key.getPublic());
        assertEquals("_25._tcp.mx.example.com. IN TLSA 3 1 1 " + Tlsa.spkiSha256Hex(key.getPublic()), line);
        assertTrue(line.matches("_25\\._tcp\\.mx\\.example\\.com\\. IN TLSA 3 1 1 [0-9a-f]{64}"));
    }
}
