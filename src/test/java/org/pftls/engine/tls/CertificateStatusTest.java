package org.pftls.engine.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.check.ChainLink;
import org.pftls.engine.check.ChainVerdict;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;
import org.pftls.testing.TestPki;
import org.pftls.testing.TestPki.Issued;

/**
 * What {@code pftls status} and the Detect step show of each deployed certificate, as data and as
 * text: details, the chain as deployed, findings with their fixes (a CA certificate is renewed, not
 * replaced by a self-signed one), and certbot's layout (renewals need a reload; the deploy hook).
 */
class CertificateStatusTest {
    private static final String HOST = "mail.example.org";

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static TestPki pki;
    private static Issued leaf;

    @BeforeAll
    static void ca() {
        pki = TestPki.create(shared.resolve("pki"), Sandbox.NOW);
        leaf = pki.goodLeaf("leaf", HOST, "mx.example.org");
    }

    private Sandbox deployed() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        TestPki.concat(dir.resolve("fullchain.pem"), leaf.cert(), pki.intermediate().cert());
        TestPki.concat(dir.resolve("privkey.pem"), leaf.key());
        Files.setPosixFilePermissions(dir.resolve("privkey.pem"), PosixFilePermissions.fromString("rw-------"));
        Run r = s.run("deploy-server-cert", "fullchain.pem", "privkey.pem");
        assertEquals(0, r.status(), r.err());
        return s;
    }

    private Detection detect(Sandbox s) throws Exception {
        return new Detector(Instance.read(dir, s.ports())).detect();
    }

    private static List<String> codes(CertificateReport r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    @Test
    void aDeployedCaChainIsDescribedFieldByField() throws Exception {
        Sandbox s = deployed();
        Detection d = detect(s);
        CertificateReport r = d.pair(KeyAlgorithm.ECDSA).report().orElseThrow();
        assertEquals(Optional.of(dir.resolve("fullchain.pem")), r.certFile());
        assertEquals(Optional.of(dir.resolve("privkey.pem")), r.keyFile());
        assertEquals("CN=" + HOST, r.certificate().orElseThrow().subject());
        assertEquals(List.of(HOST, "mx.example.org"), r.certificate().get().dnsNames());
        assertEquals(Optional.of("CN=Test Intermediate CA"), r.issuer());
        assertFalse(r.selfSigned());
        assertEquals(2, r.chainLength());
        assertEquals(Optional.of(90L), r.daysUntilExpiry());
        assertEquals(Optional.of("ECDSA"), r.keyType());
        assertEquals(Optional.of(256), r.keyBits());
        assertEquals(Optional.of("ECDSA secp256r1"), r.keyDescription());
        assertEquals(Optional.of(System.getProperty("user.name")), r.keyOwner());
        assertEquals(Optional.of("0600"), r.keyMode());
        assertTrue(r.keyGroup().isPresent());
        assertEquals(Optional.empty(), r.certbotLineage());
        assertEquals(List.of(ChainLink.Link.SIGNED_BY_NEXT, ChainLink.Link.ISSUER_NOT_IN_FILE),
                r.chain().stream().map(ChainLink::link).toList());
        assertEquals(List.of(), r.findings());
        assertEquals(List.of(), d.warnings());
        assertFalse(d.pair(KeyAlgorithm.RSA).report().isPresent(), "nothing deployed for RSA");

        Run status = s.run("status");
        assertEquals(0, status.status(), status.out());
        List<String> lines = status.out().lines().toList();
        int at = lines.indexOf("ECDSA cert: " + dir.resolve("fullchain.pem"));
        assertTrue(at > 0, status.out());
        assertTrue(lines.get(at - 1).startsWith("ECDSA key:  " + dir.resolve("privkey.pem")
                + "  ECDSA secp256r1  mode 0600  owner " + System.getProperty("user.name") + ":"), lines.get(at - 1));
        assertEquals(List.of(
                "      subject   CN=" + HOST,
                "      DNS names " + HOST + ", mx.example.org",
                "      issuer    CN=Test Intermediate CA",
                "      valid     " + Sandbox.NOW.minus(Duration.ofDays(1)) + " to " + Sandbox.NOW.plus(Duration.ofDays(90))
                        + " (90 days left)",
                "      chain     2 certificates as deployed",
                "        1. CN=" + HOST + " (ECDSA secp256r1, until " + Sandbox.NOW.plus(Duration.ofDays(90))
                        + "): signed by certificate 2 (signature verified)",
                "        2. CN=Test Intermediate CA (ECDSA secp256r1, until " + pki.now().plus(Duration.ofDays(1095))
                        + "): issued by CN=Test Root CA, which is not in the file (clients must have it)"),
                lines.subList(at + 1, at + 8));
        assertEquals("      key and certificate match", lines.get(at + 8));
        assertTrue(lines.contains("No problems found."), lines.toString());
    }

    @Test
    void anExpiredCaCertificateIsRenewedNotReplacedBySelfSigned() throws Exception {
        Sandbox s = deployed();
        s.clock(Clock.fixed(Sandbox.NOW.plus(Duration.ofDays(95)), ZoneOffset.UTC));
        CertificateReport r = detect(s).pair(KeyAlgorithm.ECDSA).report().orElseThrow();
        assertEquals(List.of("cert-expired"), codes(r));
        assertEquals(Optional.of(-5L), r.daysUntilExpiry());
        String text = r.findings().get(0).text();
        assertTrue(text.endsWith("; renew it with your CA and deploy the renewed certificate"), text);
        assertFalse(text.contains("new-server-cert") || text.contains("--force"), text);
        Run status = s.run("status");
        assertEquals(1, status.status());
        assertTrue(status.out().contains("      ! " + text + "\n"), status.out());
        assertTrue(status.out().contains("(expired 5 days ago)"), status.out());
        assertFalse(status.out().contains("No problems found."), status.out());

        s.clock(Clock.fixed(Sandbox.NOW.plus(Duration.ofDays(70)), ZoneOffset.UTC));
        assertEquals(List.of("expires-soon"), codes(detect(s).pair(KeyAlgorithm.ECDSA).report().orElseThrow()));
        assertEquals(1, s.run("status").status(), "a warning is something to fix");
    }

    @Test
    void anExpiredSelfSignedCertificateIsReplacedWithNewServerCert() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-server").status());
        s.clock(Clock.fixed(Sandbox.NOW.plus(Duration.ofDays(36600)), ZoneOffset.UTC));
        CertificateReport r = detect(s).pair(KeyAlgorithm.RSA).report().orElseThrow();
        assertTrue(r.selfSigned());
        assertEquals(1, r.chainLength());
        assertEquals(List.of("cert-expired"), codes(r));
        assertTrue(r.findings().get(0).text().endsWith("; make a new one with: pftls new-server-cert -a rsa"),
                r.findings().get(0).text());
        assertEquals(Optional.of("RSA"), r.keyType());
        assertEquals(Optional.of(2048), r.keyBits());
    }

    @Test
    void certbotCertificatesNeedAReloadAfterEachRenewalUntilTheHookIsInstalled() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Path le = dir.resolve("letsencrypt");
        Path archive = Files.createDirectories(le.resolve("archive/mx"));
        Path live = Files.createDirectories(le.resolve("live/mx"));
        Files.createDirectories(le.resolve("renewal-hooks/deploy"));
        TestPki.concat(archive.resolve("fullchain1.pem"), leaf.cert(), pki.intermediate().cert());
        TestPki.concat(archive.resolve("privkey1.pem"), leaf.key());
        Files.setPosixFilePermissions(archive.resolve("privkey1.pem"), PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(live.resolve("fullchain.pem"), Path.of("../../archive/mx/fullchain1.pem"));
        Files.createSymbolicLink(live.resolve("privkey.pem"), Path.of("../../archive/mx/privkey1.pem"));
        LetsEncrypt certbot = new LetsEncrypt(le);

        // The deploy check names it too (here with certbot's directory given; deploy uses /etc/letsencrypt).
        ChainVerdict verdict = new DeployCheck(Instance.read(dir, s.ports()), certbot)
                .check(live.resolve("fullchain.pem").toString(), "letsencrypt/live/mx/privkey.pem");
        assertEquals(List.of("reload-after-renewal"), verdict.findings().stream().map(Finding::code).toList());

        assertEquals(0, s.run("deploy-server-cert", "letsencrypt/live/mx/fullchain.pem",
                "letsencrypt/live/mx/privkey.pem").status());
        assertTrue(s.mainCfText().contains("smtpd_tls_eccert_file = " + live.resolve("fullchain.pem") + "\n"),
                "the live/ name, never archive/: " + s.mainCfText());

        CertificateReport r = new Detector(Instance.read(dir, s.ports()), certbot).detect().pair(KeyAlgorithm.ECDSA)
                .report().orElseThrow();
        assertEquals(Optional.of("mx"), r.certbotLineage());
        assertEquals(List.of("reload-after-renewal"), codes(r));
        assertEquals("the certificate comes from certbot (" + le.resolve("live/mx") + "): Postfix reads it only when"
                + " it starts or reloads, so it must be reloaded after each renewal; install a certbot deploy hook that"
                + " does it: pftls -c " + dir + " certbot-hook --install --letsencrypt-dir " + le,
                r.findings().get(0).text());
        Run status = s.run("status", "--letsencrypt-dir", le.toString());
        assertEquals(1, status.status());
        assertTrue(status.out().contains("ECDSA cert: " + live.resolve("fullchain.pem") + "  (certbot: mx)"),
                status.out());

        Run hook = s.run("certbot-hook", "--install", "--letsencrypt-dir", le.toString());
        assertEquals(0, hook.status(), hook.err());
        CertificateReport after = new Detector(Instance.read(dir, s.ports()), certbot).detect()
                .pair(KeyAlgorithm.ECDSA).report().orElseThrow();
        assertEquals(List.of(Severity.INFO), after.findings().stream().map(Finding::severity).toList());
        assertEquals("renewal-hook", after.findings().get(0).code());
        Run clean = s.run("status", "--letsencrypt-dir", le.toString());
        assertEquals(0, clean.status(), clean.out());
        assertTrue(clean.out().contains("      - the certificate comes from certbot (mx); its deploy hook "
                + le.resolve("renewal-hooks/deploy") + "/"), clean.out());
    }

    @Test
    void certbotsArchiveCopiesAreNotWhatRenewalsChange() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Path le = dir.resolve("letsencrypt");
        Path archive = Files.createDirectories(le.resolve("archive/mx"));
        TestPki.concat(archive.resolve("fullchain1.pem"), leaf.cert(), pki.intermediate().cert());
        TestPki.concat(archive.resolve("privkey1.pem"), leaf.key());
        Files.setPosixFilePermissions(archive.resolve("privkey1.pem"), PosixFilePermissions.fromString("rw-------"));
        ChainVerdict v = new DeployCheck(Instance.read(dir, s.ports()), new LetsEncrypt(le))
                .check("letsencrypt/archive/mx/fullchain1.pem", "letsencrypt/archive/mx/privkey1.pem");
        assertEquals(List.of("letsencrypt-archive"), v.findings().stream().map(Finding::code).toList());
        assertEquals(archive.resolve("fullchain1.pem") + " is a copy in certbot's archive, which renewals do not"
                + " change; use " + le.resolve("live/mx/fullchain.pem") + " and " + le.resolve("live/mx/privkey.pem")
                + " instead", v.findings().get(0).text());
    }
}
