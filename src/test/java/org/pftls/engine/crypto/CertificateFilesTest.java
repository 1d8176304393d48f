package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import org.pftls.engine.PftlsException;

/** Chain files made with OpenSSL: a root CA, an intermediate CA and a server certificate. */
class CertificateFilesTest {
    @TempDir
    static Path dir;

    private static String root;
    private static String intermediate;
    private static String leaf;
    private static Path leafKey;

    private static Path key(String name) {
        Path file = dir.resolve(name);
        OpenSsl.ok("ecparam", "-param_enc", "named_curve", "-genkey", "-name", "secp256r1", "-out", file.toString());
        return file;
    }

    private static Path signed(String name, Path key, String subject, Path caCert, Path caKey, boolean ca) {
        Path csr = dir.resolve(name + ".csr");
        OpenSsl.ok("req", "-new", "-key", key.toString(), "-subj", subject, "-out", csr.toString());
        Path ext = TestKeys.write(dir, name + ".ext", ca ? "basicConstraints=critical,CA:TRUE\n"
                : "basicConstraints=CA:FALSE\nsubjectAltName=DNS:mx.example.com\n");
        Path cert = dir.resolve(name + ".pem");
        OpenSsl.ok("x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                "-set_serial", "7", "-days", "30", "-extfile", ext.toString(), "-out", cert.toString());
        return cert;
    }

    @BeforeAll
    static void chain() {
        Path rootKey = key("root.key");
        Path rootCert = dir.resolve("root.pem");
        OpenSsl.ok("req", "-x509", "-new", "-key", rootKey.toString(), "-subj", "/CN=Test Root CA", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-out", rootCert.toString());
        Path interKey = key("inter.key");
        Path interCert = signed("inter", interKey, "/CN=Test Intermediate CA", rootCert, rootKey, true);
        leafKey = key("leaf.key");
        Path leafCert = signed("leaf", leafKey, "/CN=mx.example.com", interCert, interKey, false);
        root = TestKeys.readText(rootCert);
        intermediate = TestKeys.readText(interCert);
        leaf = TestKeys.readText(leafCert);
        assertEquals(leafCert + ": OK\n", OpenSsl.text("verify", "-CAfile", rootCert.toString(), "-untrusted",
                interCert.toString(), leafCert.toString()));
    }

    private static List<X509Certificate> read(String pem) throws PftlsException {
        return CertificateFiles.readCertificates(pem.getBytes(), "chain.pem");
    }

    private static String refused(Executable call) {
        PftlsException e = assertThrows(PftlsException.class, call);
        assertEquals(PftlsException.Kind.CRYPTO, e.kind());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsAllCertificatesInOrderSkippingOtherBlocks() throws PftlsException {
        String pem = TestKeys.readText(leafKey) + leaf + "-----BEGIN X509 CRL-----\nMAA=\n-----END X509 CRL-----\n"
                + intermediate.replace("CERTIFICATE-----", "X509 CERTIFICATE-----") + root.replace("\n", "\r\n");
        List<X509Certificate> chain = read(pem);
        assertEquals(List.of("CN=mx.example.com", "CN=Test Intermediate CA", "CN=Test Root CA"),
                chain.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
    }

    @Test
    void refusesFilesWithoutCertificatesAndCorruptOnes() {
        String expected = "no certificate found in file: chain.pem: it must hold PEM \"CERTIFICATE\" blocks, "
                + "the server certificate first";
        assertEquals(expected, refused(() -> read("")));
        assertEquals(expected, refused(() -> read(TestKeys.readText(leafKey))));
        String junk = "-----BEGIN CERTIFICATE-----\n" + Base64.getEncoder().encodeToString(new byte[] {0x30, 3, 2, 1, 1})
                + "\n-----END CERTIFICATE-----\n";
        assertEquals("certificate 2 in chain.pem is corrupt: restore the file from a backup or get the certificate again",
                refused(() -> read(leaf + junk)));
        assertTrue(refused(() -> read(leaf.substring(0, 200))).startsWith("chain.pem is truncated or corrupt ("));
    }

    @Test
    void summaryShowsWhatOpenSslShows() throws PftlsException {
        Path file = TestKeys.write(dir, "summary.pem", leaf);
        CertificateSummary summary = CertificateSummary.of(read(leaf).get(0));
        assertEquals("CN=mx.example.com", summary.subject());
        assertEquals(List.of("mx.example.com"), summary.dnsNames());
        assertEquals("ECDSA secp256r1", summary.keyDescription());
        assertEquals("serial=" + summary.serialHex() + "\n", OpenSsl.text("x509", "-in", file.toString(), "-noout", "-serial"));
        assertEquals("07", summary.serialHex());
        assertEquals("sha256 Fingerprint=" + summary.sha256Fingerprint() + "\n",
                OpenSsl.text("x509", "-in", file.toString(), "-noout", "-fingerprint", "-sha256"));
        assertTrue(summary.notAfter().isAfter(summary.notBefore()));
    }

    @Test
    void summaryOfOurSelfSignedCertificate() throws PftlsException {
        var key = TestKeys.rsa2048(32);
        X509Certificate certificate = new SelfSignedCertificates(TestKeys.CLOCK, TestKeys.seeded(33))
                .create(key, List.of("mx.example.com", "mail.example.com"));
        Path file = TestKeys.write(dir, "ours.pem", SelfSignedCertificates.toPem(certificate));
        CertificateSummary summary = CertificateSummary.of(certificate);
        assertEquals(List.of("mx.example.com", "mail.example.com"), summary.dnsNames());
        assertEquals("RSA 2048 bits", summary.keyDescription());
        assertEquals("serial=" + summary.serialHex() + "\n", OpenSsl.text("x509", "-in", file.toString(), "-noout", "-serial"));
        assertEquals(java.time.Instant.parse("2026-11-25T13:12:20Z"), summary.notBefore());
    }
}
