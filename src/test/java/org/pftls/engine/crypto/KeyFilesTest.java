package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pftls.engine.PftlsException;

/** Reading keys in every form OpenSSL (and so Postfix) accepts, and refusing the rest with one line. */
class KeyFilesTest {
    @TempDir
    static Path dir;

    private static Path rsaPkcs8;
    private static Path ecWithParameters;
    private static Path cert;
    private static String rsaTlsa;
    private static String ecTlsa;

    @BeforeAll
    static void makeKeys() {
        rsaPkcs8 = dir.resolve("rsa.pem");
        OpenSsl.ok("genrsa", "-out", rsaPkcs8.toString(), "2048");
        ecWithParameters = dir.resolve("ec.pem");
        OpenSsl.ok("ecparam", "-param_enc", "named_curve", "-genkey", "-out", ecWithParameters.toString(),
                "-name", "secp256r1");
        cert = dir.resolve("cert.pem");
        OpenSsl.ok("req", "-x509", "-new", "-key", ecWithParameters.toString(), "-subj", "/CN=x.example",
                "-days", "1", "-out", cert.toString());
        rsaTlsa = TlsaTest.scriptDigest(rsaPkcs8);
        ecTlsa = TlsaTest.scriptDigest(ecWithParameters);
    }

    private static Path openssl(String name, String... args) {
        Path out = dir.resolve(name);
        String[] full = java.util.Arrays.copyOf(args, args.length + 2);
        full[args.length] = "-out";
        full[args.length + 1] = out.toString();
        OpenSsl.ok(full);
        return out;
    }

    private static void assertRsa(Path file) throws PftlsException {
        LoadedKey key = TestKeys.load(file);
        assertEquals(KeyAlgorithm.RSA, key.algorithm());
        assertEquals("RSA 2048 bits", key.description());
        assertEquals(rsaTlsa, Tlsa.spkiSha256Hex(key.keyPair().getPublic()));
    }

    private static void assertEc(Path file) throws PftlsException {
        LoadedKey key = TestKeys.load(file);
        assertEquals(KeyAlgorithm.ECDSA, key.algorithm());
        assertEquals("ECDSA secp256r1", key.description());
        assertEquals(ecTlsa, Tlsa.spkiSha256Hex(key.keyPair().getPublic()));
    }

    @Test
    void readsRsaPkcs8AndPkcs1() throws PftlsException {
        assertRsa(rsaPkcs8);
        Path pkcs1 = openssl("rsa-pkcs1.pem", "rsa", "-in", rsaPkcs8.toString(), "-traditional");
        assertTrue(TestKeys.readText(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertRsa(pkcs1);
    }

    @Test
    void readsEcSec1WithAndWithoutParametersPkcs8AndWithoutPublicKey() throws PftlsException {
        assertEc(ecWithParameters);
        assertEc(openssl("ec-sec1.pem", "ec", "-in", ecWithParameters.toString()));
        Path pkcs8 = openssl("ec-pkcs8.pem", "pkey", "-in", ecWithParameters.toString());
        assertTrue(TestKeys.readText(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEc(pkcs8);
        Path noPublic = openssl("ec-nopub.pem", "ec", "-in", ecWithParameters.toString(), "-no_public");
        assertFalse(OpenSsl.text("asn1parse", "-in", noPublic.toString()).contains("BIT STRING"));
        assertEc(noPublic);
    }

    @Test
    void readsCompressedPointKeyAsItsUncompressedKey() throws PftlsException {
        Path compressed = openssl("ec-compressed.pem", "ec", "-in", ecWithParameters.toString(),
                "-conv_form", "compressed");
        // The key is the same; pftls always writes and digests the uncompressed SPKI (see Tlsa).
        assertEc(compressed);
    }

    @Test
    void readsCrlfFiles() throws PftlsException {
        for (Path file : new Path[] {rsaPkcs8, ecWithParameters}) {
            String crlf = TestKeys.readText(file).replace("\n", "\r\n");
            LoadedKey key = KeyFiles.readPrivateKey(crlf.getBytes(StandardCharsets.US_ASCII), "crlf.pem");
            assertEquals(TestKeys.load(file).keyPair().getPublic(), key.keyPair().getPublic());
        }
    }

    @Test
    void readsTheFirstKeyOfACombinedFile() throws PftlsException {
        String certificate = TestKeys.readText(cert);
        assertEc(TestKeys.write(dir, "cert-then-key.pem", certificate + TestKeys.readText(ecWithParameters)));
        assertEc(TestKeys.write(dir, "key-then-cert.pem", TestKeys.readText(ecWithParameters) + certificate));
        assertRsa(TestKeys.write(dir, "two-keys.pem", "comment line\n" + TestKeys.readText(rsaPkcs8)
                + TestKeys.readText(ecWithParameters)));
    }

    @Test
    void keysReadMatchOpenSslsPrivateKeyToo() throws PftlsException {
        // Signing with the loaded private key verifies with the public key OpenSSL derives.
        LoadedKey key = TestKeys.load(ecWithParameters);
        Path csr = TestKeys.write(dir, "check.csr",
                new CsrBuilder(TestKeys.seeded(4)).csrPem(key.keyPair(), java.util.List.of("x.example")));
        String pub = OpenSsl.text("pkey", "-in", ecWithParameters.toString(), "-pubout");
        assertEquals(pub, OpenSsl.text("req", "-in", csr.toString(), "-noout", "-pubkey"));
        assertTrue(OpenSsl.ok("req", "-in", csr.toString(), "-noout", "-verify").err().contains("verify OK"));
    }

    // ---- refusals: each is Kind.CRYPTO, one line, names the file ----

    private static String refused(byte[] content, String path) {
        PftlsException e = assertThrows(PftlsException.class, () -> KeyFiles.readPrivateKey(content, path));
        assertEquals(PftlsException.Kind.CRYPTO, e.kind());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(path), e.getMessage());
        return e.getMessage();
    }

    private static String refused(Path file) {
        return refused(TestKeys.read(file), file.toString());
    }

    @Test
    void refusesEmptyFiles() {
        assertEquals("no private key found in file: /etc/postfix/empty.pem: the file is empty; it must hold "
                        + "a PEM \"PRIVATE KEY\", \"RSA PRIVATE KEY\" or \"EC PRIVATE KEY\" block",
                refused(new byte[0], "/etc/postfix/empty.pem"));
        assertTrue(refused(" \n\n".getBytes(), "blank.pem").contains("the file is empty"));
    }

    @Test
    void refusesFilesWithoutKeys() {
        assertEquals("no private key found in file: " + cert
                + ": it holds only certificates; give the file with the matching private key", refused(cert));
        assertEquals("no private key found in file: text.pem: it must hold a PEM \"PRIVATE KEY\", "
                + "\"RSA PRIVATE KEY\" or \"EC PRIVATE KEY\" block", refused("hello\n".getBytes(), "text.pem"));
        Path params = openssl("params.pem", "ecparam", "-name", "secp256r1");
        assertTrue(refused(params).startsWith("no private key found in file: "));
    }

    @Test
    void refusesDer() {
        Path der = openssl("key.der", "pkey", "-in", rsaPkcs8.toString(), "-outform", "DER");
        assertTrue(refused(der).contains("looks like binary DER; convert it with \"openssl pkey -inform DER -in "),
                refused(der));
    }

    @Test
    void refusesTruncatedFiles() {
        String text = TestKeys.readText(rsaPkcs8);
        assertTrue(refused(text.substring(0, text.length() / 2).getBytes(), "half.pem")
                .startsWith("half.pem is truncated or corrupt ("));
        // Cut at a line end inside the DER: the base64 is fine, the ASN.1 is short.
        String[] lines = text.split("\n");
        String shortened = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[lines.length - 1] + "\n";
        assertTrue(refused(shortened.getBytes(), "short.pem").startsWith("private key in short.pem is corrupt ("),
                refused(shortened.getBytes(), "short.pem"));
    }

    @Test
    void refusesCorruptBase64AndAsn1() {
        String text = TestKeys.readText(ecWithParameters);
        String badBase64 = text.replace("-----BEGIN EC PRIVATE KEY-----\n", "-----BEGIN EC PRIVATE KEY-----\n!!**");
        assertTrue(refused(badBase64.getBytes(), "b64.pem").startsWith("b64.pem is corrupt ("), refused(badBase64.getBytes(), "b64.pem"));
        String garbage = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getEncoder().encodeToString("this is not DER at all".getBytes()) + "\n-----END PRIVATE KEY-----\n";
        assertTrue(refused(garbage.getBytes(), "junk.pem").startsWith("private key in junk.pem is corrupt ("));
        String wrongInside = "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(new byte[] {0x30, 0})
                + "\n-----END EC PRIVATE KEY-----\n";
        assertTrue(refused(wrongInside.getBytes(), "empty-seq.pem").startsWith("private key in empty-seq.pem is corrupt ("));
    }

    @Test
    void refusesEncryptedKeys() {
        Path pkcs8 = openssl("enc-pkcs8.pem", "pkey", "-in", rsaPkcs8.toString(), "-aes256", "-passout", "pass:x");
        Path legacyRsa = openssl("enc-rsa.pem", "rsa", "-in", rsaPkcs8.toString(), "-aes256", "-traditional",
                "-passout", "pass:x");
        Path legacyEc = openssl("enc-ec.pem", "ec", "-in", ecWithParameters.toString(), "-aes128",
                "-passout", "pass:x");
        for (Path file : new Path[] {pkcs8, legacyRsa, legacyEc}) {
            assertEquals("private key in " + file + " is encrypted; Postfix cannot read encrypted keys: decrypt it "
                    + "with \"openssl pkey -in " + file + " -out " + file + ".plain\"", refused(file));
        }
    }

    @Test
    void refusesDsaAndOtherKeyTypes() {
        Path dsa = dir.resolve("dsa.pem");
        OpenSsl.ok("dsaparam", "-genkey", "-noout", "-out", dsa.toString(), "1024");
        Path dsaTraditional = openssl("dsa-trad.pem", "pkey", "-in", dsa.toString(), "-traditional");
        assertTrue(TestKeys.readText(dsaTraditional).contains("BEGIN DSA PRIVATE KEY"));
        for (Path file : new Path[] {dsa, dsaTraditional}) {
            assertEquals(file + ": DSA keys are not supported: use rsa or ecdsa "
                    + "(make one with \"postfix tls new-server-key\")", refused(file));
        }
        Path ed25519 = openssl("ed25519.pem", "genpkey", "-algorithm", "ed25519");
        assertTrue(refused(ed25519).endsWith(": Ed25519 keys are not supported: use rsa or ecdsa "
                + "(make one with \"postfix tls new-server-key\")"));
        Path x448 = openssl("x448.pem", "genpkey", "-algorithm", "x448");
        assertTrue(refused(x448).contains(": X448 keys are not supported: use rsa or ecdsa"));
        String unknown = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(new byte[] {
            0x30, 0x0e, 0x02, 0x01, 0x00, 0x30, 0x06, 0x06, 0x04, 0x2a, 0x03, 0x04, 0x05, 0x04, 0x01, 0x00})
                + "\n-----END PRIVATE KEY-----\n";
        assertEquals("odd.pem: keys of type 1.2.3.4.5 are not supported: use rsa or ecdsa "
                + "(make one with \"postfix tls new-server-key\")", refused(unknown.getBytes(), "odd.pem"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp224r1", "brainpoolP256r1", "secp256k1"})
    void refusesOtherCurves(String curve) {
        Path sec1 = openssl("curve-" + curve + ".pem", "ecparam", "-param_enc", "named_curve", "-genkey",
                "-name", curve);
        Path pkcs8 = openssl("curve-" + curve + "-p8.pem", "pkey", "-in", sec1.toString());
        for (Path file : new Path[] {sec1, pkcs8}) {
            assertEquals("the EC key in " + file + " uses curve " + curve
                    + ", which is not supported: use secp256r1, secp384r1 or secp521r1", refused(file));
        }
    }

    @Test
    void refusesExplicitCurveParameters() {
        Path explicit = openssl("explicit.pem", "ecparam", "-param_enc", "explicit", "-genkey", "-noout",
                "-name", "secp256r1");
        assertTrue(refused(explicit).contains("has explicit curve parameters, which are not supported"));
    }
}
