package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;

/** The command line in-process, on a sandbox with a fixed clock: behaviour and messages. */
class CliTest {
    @TempDir
    Path dir;

    private Sandbox fresh() {
        return Sandbox.withSample(dir, "debian-fresh.cf");
    }

    @Test
    void enableServerCreatesKeyAndCertificateAndDeploysThem() throws Exception {
        Sandbox s = fresh();
        Run r = s.run("enable-server");
        assertEquals(0, r.status(), r.err());
        Path key = dir.resolve("key-20261125-120000.pem");
        Path cert = dir.resolve("cert-20261125-120000.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(cert)));
        String cf = s.mainCfText();
        assertTrue(cf.endsWith("inet_protocols = all\n"
                + "smtpd_tls_cert_file = " + cert + "\n"
                + "smtpd_tls_key_file = " + key + "\n"
                + "smtpd_tls_loglevel = 1\n"
                + "smtpd_tls_received_header = yes\n"
                + "smtpd_tls_security_level = may\n"
                + "tls_random_source = dev:/dev/urandom\n"), cf);
        assertEquals(List.of(
                "pftls: Enabled opportunistic TLS in the Postfix SMTP server",
                "pftls: New TLS private key and certificate deployed.",
                "pftls: Run the command:",
                "pftls:   # postfix reload",
                "pftls: if you want the new settings to take effect immediately.",
                "pftls: To generate a CSR run:",
                "pftls:   # postfix tls output-server-csr -k " + key + " [<hostname> ...]",
                "pftls: Save the signed certificate chain in " + cert + ".",
                "pftls: To generate TLSA records run:",
                "pftls:   # postfix tls output-server-tlsa [-h <hostname>] ",
                "pftls: (If you have DANE TLSA RRs, update them as soon as possible to match",
                "pftls: the newly deployed keys)."), r.err().lines().toList());
        assertEquals("", r.out());
    }

    @Test
    void enableServerTwiceOnlySuggests() {
        Sandbox s = fresh();
        assertEquals(0, s.run("enable-server", "-a", "ecdsa").status());
        Map<String, String> before = s.snapshot();
        Run again = s.run("enable-server");
        assertEquals(0, again.status());
        assertTrue(again.err().startsWith("pftls: *** Non-default SMTP server TLS settings detected, no changes made.\n"));
        assertEquals(before, s.snapshot());
    }

    @Test
    void allDefaultAnswersByExitStatusOnly() {
        Sandbox s = fresh();
        Run yes = s.run("all-default-server");
        assertEquals(0, yes.status());
        assertEquals("", yes.err() + yes.out());
        assertEquals(0, s.run("all-default-client").status());
        s.run("enable-client");
        Run no = s.run("all-default-client");
        assertEquals(1, no.status());
        assertEquals("", no.err() + no.out());
        Sandbox legacy = Sandbox.withSample(dir, "legacy-client.cf");
        assertEquals(1, legacy.run("all-default-client").status());
    }

    @Test
    void enableClientWritesTheScriptsSettings() {
        Sandbox s = fresh();
        Run r = s.run("enable-client", "-r", "dev:/dev/urandom");
        assertEquals(0, r.status(), r.err());
        assertTrue(s.mainCfText().endsWith("inet_protocols = all\n"
                + "smtp_tls_loglevel = 1\n"
                + "smtp_tls_security_level = may\n"
                + "smtp_tls_session_cache_database = btree:/var/lib/postfix/smtp_scache\n"
                + "tls_random_source = dev:/dev/urandom\n"), s.mainCfText());
        assertTrue(r.err().startsWith("pftls: Enabled opportunistic TLS in the Postfix SMTP client.\n"));
    }

    @Test
    void twoKeysInTheSameSecondDoNotCollide() {
        Sandbox s = fresh();
        assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
        Run second = s.run("new-server-key", "-a", "ecdsa");
        assertEquals(0, second.status(), second.err());
        assertTrue(Files.exists(dir.resolve("eckey-20261125-120000.pem")));
        assertTrue(Files.exists(dir.resolve("eckey-20261125-120001.pem")));
        assertTrue(second.err().contains("deploy-server-cert " + dir.resolve("eccert-20261125-120001.pem")));
    }

    @Test
    void newServerCertKeepsTheDeployedKeySoTlsaStaysTheSame() {
        Sandbox s = fresh();
        assertEquals(0, s.run("enable-server", "-a", "ecdsa", "-b", "secp384r1").status());
        String tlsaBefore = s.run("output-server-tlsa", "ecdsa").out();
        s.clock(Clock.offset(Clock.fixed(Sandbox.NOW, ZoneOffset.UTC), java.time.Duration.ofHours(1)));
        Run r = s.run("new-server-cert", "-a", "ecdsa", "mx.example.org");
        assertEquals(0, r.status(), r.err());
        Path newKey = dir.resolve("eckey-20261125-130000.pem");
        assertTrue(Files.exists(newKey));
        String tlsaNew = s.run("output-server-tlsa", newKey.toString()).out();
        assertEquals(tlsaBefore.lines().skip(1).toList(), tlsaNew.lines().skip(1).toList());
        assertFalse(r.err().contains("deploy after updating the DNS"), "no DANE warning when the key is reused");
    }

    @Test
    void tlsaForTheDeployedKeys() {
        Sandbox s = fresh();
        s.run("enable-server");
        Run r = s.run("output-server-tlsa", "-h", "mx.example.net");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        assertEquals("; " + dir.resolve("key-20261125-120000.pem"), lines.get(0));
        assertTrue(lines.get(1).matches("_25\\._tcp\\.mx\\.example\\.net\\. IN TLSA 3 1 1 [0-9a-f]{64}"), lines.get(1));
    }

    @Test
    void csrForTheDeployedKeyNamesMyhostname() {
        Sandbox s = fresh();
        s.run("enable-server");
        Run r = s.run("output-server-csr");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"), r.out());
    }

    @Test
    void dryRunChangesNothingAndShowsTheDiff() {
        Sandbox s = fresh();
        Map<String, String> before = s.snapshot();
        Run r = s.run("enable-server", "--dry-run");
        assertEquals(0, r.status(), r.err());
        assertEquals(before, s.snapshot());
        assertTrue(r.out().contains("+smtpd_tls_security_level = may"), r.out());
        assertTrue(r.out().contains("0600  private key"), r.out());
    }

    @Test
    void deployRefusesAMismatchedPairAndChangesNothing() {
        Sandbox s = fresh();
        s.run("new-server-key");
        s.clock(Clock.offset(Clock.fixed(Sandbox.NOW, ZoneOffset.UTC), java.time.Duration.ofSeconds(5)));
        s.run("new-server-key");
        Map<String, String> before = s.snapshot();
        Run r = s.run("deploy-server-cert", "cert-20261125-120000.pem", "key-20261125-120005.pem");
        assertEquals(1, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("pftls: fatal: Certificate in " + dir.resolve("cert-20261125-120000.pem")
                + " does not match key in " + dir.resolve("key-20261125-120005.pem")), r.err());
        assertEquals(before, s.snapshot());
    }

    @Test
    void deployAMatchingPairByRelativeNames() {
        Sandbox s = fresh();
        s.run("new-server-key", "-a", "ecdsa");
        Run r = s.run("deploy-server-cert", "eccert-20261125-120000.pem", "eckey-20261125-120000.pem");
        assertEquals(0, r.status(), r.err());
        assertTrue(s.mainCfText().contains("smtpd_tls_eccert_file = " + dir.resolve("eccert-20261125-120000.pem")));
        assertTrue(s.mainCfText().contains("smtpd_tls_eckey_file = " + dir.resolve("eckey-20261125-120000.pem")));
    }

    @Test
    void demoSandboxWorksWithoutAnyConfiguration() {
        Sandbox s = new Sandbox(dir);
        Run r = s.runRaw("--demo", "enable-server", "-a", "ecdsa");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().startsWith("pftls: demo sandbox: "), r.err());
    }
}
