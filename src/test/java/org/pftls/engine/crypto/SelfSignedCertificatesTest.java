package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.PftlsException;

/** Our self-signed certificate is the script's, but for serial, dates and signature. */
class SelfSignedCertificatesTest {
    private static final List<String> NAMES = List.of("mx.example.com", "mail.example.com", "*.example.net");

    @TempDir
    static Path dir;

    private static KeyPair rsa;
    private static KeyPair ec;

    @BeforeAll
    static void keys() {
        rsa = TestKeys.rsa2048(11);
        ec = TestKeys.ec("secp256r1", 12);
    }

    /** {@code openssl x509 -noout -text} without the lines that differ between two certificates of one key. */
    static String normalisedText(Path certificate) {
        String text = OpenSsl.text("x509", "-in", certificate.toString(), "-noout", "-text");
        return text
                .replaceAll("(Serial Number:).*\n(\\s+[0-9a-f:]+\n)?", "$1 SERIAL\n")
                .replaceAll("(Not (Before|After) ?:).*", "$1 DATE")
                .replaceAll("(?s)(Signature Value:\n)(\\s+[0-9a-f:]+\n)+", "$1 SIGNATURE\n");
    }

    private X509Certificate create(KeyPair key, Clock clock, long seed) throws PftlsException {
        return new SelfSignedCertificates(clock, TestKeys.seeded(seed)).create(key, NAMES);
    }

    @Test
    void textIsTheScriptsExceptSerialDatesAndSignature() throws PftlsException {
        for (KeyPair key : List.of(rsa, ec)) {
            Path keyFile = TestKeys.write(dir, "key.pem", PrivateKeyPem.encode(key));
            Path script = TestKeys.write(dir, "script.pem", ScriptConfigs.scriptCertificate(keyFile, NAMES));
            Path ours = TestKeys.write(dir, "ours.pem", SelfSignedCertificates.toPem(create(key, TestKeys.CLOCK, 1)));
            String expected = normalisedText(script);
            assertTrue(expected.contains("Serial Number: SERIAL") && expected.contains("SIGNATURE"), expected);
            assertTrue(!expected.contains("Authority Key Identifier"), "OpenSSL 3.0 adds no AKI here");
            assertEquals(expected, normalisedText(ours));
            assertEquals(PemText.asn1Structure(OpenSsl.text("asn1parse", "-in", script.toString())),
                    PemText.asn1Structure(OpenSsl.text("asn1parse", "-in", ours.toString())));
        }
    }

    @Test
    void datesAreNowToTheSecondFor36525Days() throws PftlsException {
        X509Certificate certificate = create(ec, TestKeys.CLOCK, 2);
        Instant start = Instant.parse("2026-11-25T13:12:20Z");
        assertEquals(start, certificate.getNotBefore().toInstant());
        assertEquals(start.plus(Duration.ofDays(36525)), certificate.getNotAfter().toInstant());
        Path file = TestKeys.write(dir, "dates.pem", SelfSignedCertificates.toPem(certificate));
        String dates = OpenSsl.text("x509", "-in", file.toString(), "-noout", "-dates");
        assertEquals("notBefore=Nov 25 13:12:20 2026 GMT\nnotAfter=Nov 26 13:12:20 2126 GMT\n", dates);
        String asn1 = OpenSsl.text("asn1parse", "-in", file.toString());
        assertTrue(asn1.contains("UTCTIME           :261125131220Z"), asn1);
        assertTrue(asn1.contains("GENERALIZEDTIME   :21261126131220Z"), asn1);
    }

    @Test
    void openSslAcceptsItAsASelfSignedServerCertificate() throws PftlsException {
        Clock now = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        for (KeyPair key : List.of(rsa, ec)) {
            Path file = TestKeys.write(dir, "now.pem", SelfSignedCertificates.toPem(create(key, now, 3)));
            assertEquals(file + ": OK\n", OpenSsl.text("verify", "-x509_strict", "-purpose", "sslserver",
                    "-CAfile", file.toString(), file.toString()));
            assertEquals("Certificate will not expire\n", OpenSsl.text("x509", "-in", file.toString(), "-noout",
                    "-checkend", String.valueOf(Duration.ofDays(36524).toSeconds())));
            assertEquals(1, OpenSsl.run(null, "x509", "-in", file.toString(), "-noout",
                    "-checkend", String.valueOf(Duration.ofDays(36526).toSeconds())).exit());
            for (String name : NAMES.subList(0, 2)) {
                assertTrue(OpenSsl.text("x509", "-in", file.toString(), "-noout", "-checkhost", name)
                        .contains("does match certificate"), name);
            }
            assertTrue(OpenSsl.text("x509", "-in", file.toString(), "-noout", "-checkhost", "www.example.net")
                    .contains("does match certificate"));
        }
    }

    @Test
    void profileDetails() throws Exception {
        X509Certificate certificate = create(rsa, TestKeys.CLOCK, 4);
        assertEquals(3, certificate.getVersion());
        assertEquals("CN=mx.example.com", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(-1, certificate.getBasicConstraints());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), certificate.getExtendedKeyUsage());
        assertTrue(certificate.getCriticalExtensionOIDs().isEmpty(), "OpenSSL marks nothing critical");
        assertNull(certificate.getExtensionValue("2.5.29.35"), "no authorityKeyIdentifier");
        assertEquals("SHA256withRSA", certificate.getSigAlgName());
        assertEquals("SHA256withECDSA", create(ec, TestKeys.CLOCK, 4).getSigAlgName());
        certificate.verify(rsa.getPublic());
    }

    @Test
    void serialIsRandomPositiveAndAtMost159Bits() throws PftlsException {
        int twentyBytes = 0;
        for (int seed = 0; seed < 40; seed++) {
            var serial = create(ec, TestKeys.CLOCK, 100 + seed).getSerialNumber();
            assertTrue(serial.signum() > 0 && serial.bitLength() <= 159, serial.toString(16));
            if (serial.toByteArray().length == 20) {
                twentyBytes++;
            }
        }
        assertTrue(twentyBytes > 30, "like OpenSSL's, nearly all serials encode in 20 bytes");
    }

    @Test
    void sameSeedAndClockGiveTheSameCertificate() throws Exception {
        assertArrayEquals(create(rsa, TestKeys.CLOCK, 5).getEncoded(), create(rsa, TestKeys.CLOCK, 5).getEncoded());
        assertArrayEquals(create(ec, TestKeys.CLOCK, 5).getEncoded(), create(ec, TestKeys.CLOCK, 5).getEncoded());
    }

    @Test
    void refusesBadOrMissingHostNames() {
        SelfSignedCertificates maker = new SelfSignedCertificates(TestKeys.CLOCK, TestKeys.seeded(6));
        assertEquals(PftlsException.Kind.INPUT,
                assertThrows(PftlsException.class, () -> maker.create(ec, List.of())).kind());
        assertEquals(PftlsException.Kind.INPUT,
                assertThrows(PftlsException.class, () -> maker.create(ec, List.of("mx.example."))).kind());
    }

    @Test
    void pemIsOpenSsls() throws PftlsException {
        Path keyFile = TestKeys.write(dir, "pemkey.pem", PrivateKeyPem.encode(ec));
        Path ours = TestKeys.write(dir, "pem.pem", SelfSignedCertificates.toPem(create(ec, TestKeys.CLOCK, 7)));
        assertEquals(TestKeys.readText(ours), OpenSsl.text("x509", "-in", ours.toString()));
        assertTrue(TestKeys.readText(keyFile).startsWith("-----BEGIN EC PARAMETERS-----\n"));
    }

    @Test
    void theSummaryOfANewCertificateIsWhatParsingItGives() throws Exception {
        for (KeyPair key : List.of(rsa, ec)) {
            for (List<String> names : List.of(NAMES, List.of("*.example.net", "a-b.example.org"))) {
                SelfSignedCertificates.Issued issued = new SelfSignedCertificates(TestKeys.CLOCK, TestKeys.seeded(9))
                        .issue(key, names);
                assertEquals(issued.pem(), new SelfSignedCertificates(TestKeys.CLOCK, TestKeys.seeded(9))
                        .createPem(key, names), "the same certificate as createPem");
                X509Certificate parsed = CertificateFiles.readCertificates(
                        issued.pem().getBytes(java.nio.charset.StandardCharsets.US_ASCII), "new.pem").get(0);
                assertEquals(CertificateSummary.of(parsed), issued.summary());
            }
        }
    }
}
