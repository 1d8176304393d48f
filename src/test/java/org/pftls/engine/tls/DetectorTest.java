package org.pftls.engine.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.testing.Sandbox;

/** What the Detect screen and "pftls status" report, on real files made by the real command line. */
class DetectorTest {
    @TempDir
    Path dir;

    private Detection detect(Sandbox s) throws Exception {
        return new Detector(Instance.read(dir, s.ports())).detect();
    }

    @Test
    void freshDebianInstanceIsAllDefaultWithNothingDeployed() throws Exception {
        Detection d = detect(Sandbox.withSample(dir, "debian-fresh.cf"));
        assertTrue(d.clientAllDefault());
        assertTrue(d.serverAllDefault());
        assertEquals("mail.example.org", d.myhostname());
        assertEquals("dev:/dev/urandom", d.tlsRandomSource());
        assertFalse(d.pair(KeyAlgorithm.RSA).configured());
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
    }

    @Test
    void afterEnableServerTheKeyAndCertificateAreDescribedAndMatch() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-server", "-a", "ecdsa", "mx.example.org", "mail.example.org").status());
        Detection d = detect(s);
        assertFalse(d.serverAllDefault());
        assertTrue(d.serverNonDefault().contains("smtpd_tls_security_level = may"), d.serverNonDefault().toString());
        DeployedPair p = d.pair(KeyAlgorithm.ECDSA);
        assertEquals(dir.resolve("eckey-20261125-120000.pem"), p.keyFile().orElseThrow());
        assertEquals("0600", p.keyMode().orElseThrow());
        assertEquals(java.util.List.of("mx.example.org", "mail.example.org"), p.certificate().orElseThrow().dnsNames());
        assertEquals(true, p.matches().orElseThrow());
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
    }

    @Test
    void aKeyReadableByOthersIsReportedWithTheFix() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.run("enable-server");
        Path key = dir.resolve("key-20261125-120000.pem");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Detection d = detect(s);
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("readable by group or others")
                && w.contains("chmod 600 " + key)), d.warnings().toString());
    }

    @Test
    void anExpiredCertificateAndAMismatchAreReported() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.run("enable-server");
        s.clock(Clock.offset(Clock.fixed(Sandbox.NOW, ZoneOffset.UTC), Duration.ofSeconds(3)));
        s.run("new-server-key");
        // Deploy the second key with the first certificate behind pftls's back.
        String cf = s.mainCfText().replace("key-20261125-120000.pem", "key-20261125-120003.pem");
        s.writeMainCf(cf.getBytes(StandardCharsets.ISO_8859_1));
        s.clock(Clock.offset(Clock.fixed(Sandbox.NOW, ZoneOffset.UTC), Duration.ofDays(36600)));
        Detection d = detect(s);
        assertEquals(false, d.pair(KeyAlgorithm.RSA).matches().orElseThrow());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("does not match")), d.warnings().toString());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("expired on")), d.warnings().toString());
    }

    @Test
    void legacySettingsAreExplained() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "legacy-client.cf");
        Detection d = detect(s);
        assertFalse(d.clientAllDefault());
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("smtp_use_tls = yes is obsolete")),
                d.warnings().toString());
    }

    @Test
    void chainFilesAreTheMechanismInForceAndTheirKeysAreDetected() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("new-server-key", "-a", "rsa,ecdsa").status());
        String stamp = "20261125-120000";
        s.writeMainCf((s.mainCfText() + "smtpd_tls_chain_files = " + dir + "/key-" + stamp + ".pem, " + dir
                + "/cert-" + stamp + ".pem,\n    ${config_directory}/eckey-" + stamp + ".pem ${config_directory}/eccert-"
                + stamp + ".pem\nsmtpd_tls_security_level = may\n").getBytes(StandardCharsets.ISO_8859_1));
        Detection d = detect(s);
        assertEquals("smtpd_tls_chain_files", d.server().mechanism());
        assertFalse(d.serverAllDefault(), "smtpd_tls_chain_files is a server TLS setting");
        assertEquals(dir.resolve("key-" + stamp + ".pem"), d.pair(KeyAlgorithm.RSA).keyFile().orElseThrow());
        assertEquals(dir.resolve("eccert-" + stamp + ".pem"), d.pair(KeyAlgorithm.ECDSA).certFile().orElseThrow());
        assertEquals(true, d.pair(KeyAlgorithm.ECDSA).matches().orElseThrow());
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
    }

    @Test
    void anUnreadableChainFileIsOneProblem() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.writeMainCf((s.mainCfText() + "smtpd_tls_chain_files = " + dir + "/missing.pem\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Detection d = detect(s);
        assertEquals(1, d.warnings().stream().filter(w -> w.startsWith("cannot read " + dir + "/missing.pem, named in"
                + " smtpd_tls_chain_files")).count(), d.warnings().toString());
    }

    @Test
    void aMissingKeyFileIsAProblemNotACrash() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-snakeoil.cf");
        // The snakeoil paths point into the sandbox, where nothing is: whatever the host's /etc/ssl holds.
        s.writeMainCf(s.mainCfText().replace("=/etc/ssl/", "=" + dir + "/etc/ssl/")
                .getBytes(StandardCharsets.ISO_8859_1));
        Detection d = detect(s);
        DeployedPair p = d.pair(KeyAlgorithm.RSA);
        assertEquals(dir.resolve("etc/ssl/private/ssl-cert-snakeoil.key"), p.keyFile().orElseThrow());
        assertFalse(d.warnings().isEmpty());
    }
}
