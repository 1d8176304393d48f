package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;
import org.pftls.testing.TestCertificates;

/**
 * What makes a repeated run (an Ansible task, a configuration management loop) change nothing:
 * {@code enable-server --merge --keep-usable} keeps usable deployed pairs, and deploying what main.cf
 * already deploys writes nothing.
 */
class RepeatedRunsTest {
    @TempDir
    Path dir;

    private Sandbox sub(String name, String sample) throws Exception {
        return Sandbox.withSample(Files.createDirectories(dir.resolve(name)), sample);
    }

    private static long pemFiles(Sandbox s) throws Exception {
        try (var l = Files.list(s.dir())) {
            return l.filter(p -> p.getFileName().toString().endsWith(".pem")).count();
        }
    }

    @Test
    void keepUsableMakesOnlyWhatIsMissingThenNothing() throws Exception {
        Sandbox s = sub("a", "debian-fresh.cf");
        Run first = s.run("enable-server", "--merge", "--keep-usable", "-a", "rsa");
        assertEquals(0, first.status(), first.err());
        assertEquals(2, pemFiles(s));
        // ECDSA is missing: only it is made; the RSA pair stays.
        String rsaKey = s.mainCfText().lines().filter(l -> l.startsWith("smtpd_tls_key_file")).findFirst().orElseThrow();
        Run second = s.run("enable-server", "--merge", "--keep-usable", "-a", "rsa,ecdsa");
        assertEquals(0, second.status(), second.err());
        assertEquals(4, pemFiles(s));
        assertTrue(s.mainCfText().contains(rsaKey + "\n"), s.mainCfText());
        assertTrue(second.err().contains("pftls: smtpd_tls_key_file: kept \"" + rsaKey.substring(rsaKey.indexOf("= ") + 2)
                + "\" (a usable RSA key and certificate are deployed (they match); kept (--keep-usable))"), second.err());
        assertTrue(second.err().contains("pftls: smtpd_tls_eckey_file: added"), second.err());
        // Then nothing.
        Map<String, String> before = s.snapshot();
        Run third = s.run("enable-server", "--merge", "--keep-usable", "-a", "rsa,ecdsa");
        assertEquals(0, third.status(), third.err());
        assertEquals(before, s.snapshot());
        assertTrue(third.err().contains("pftls: Nothing to change: every setting is already as enable-server would make"
                + " it."), third.err());
        // Without --keep-usable, --merge replaces them as before.
        Run replace = s.run("enable-server", "--merge", "-a", "rsa,ecdsa");
        assertEquals(0, replace.status(), replace.err());
        assertEquals(8, pemFiles(s));
    }

    @Test
    void aMismatchedPairIsReplacedAndTlsTurnedOnWithoutNewKeysIsSaidSo() throws Exception {
        Sandbox s = sub("a", "debian-snakeoil.cf");
        Path key = s.dir().resolve("snakeoil.key");
        Path cert = s.dir().resolve("snakeoil.pem");
        Path otherKey = s.dir().resolve("other.key");
        TestCertificates.writeSelfSigned(key, cert, "vm");
        TestCertificates.writeSelfSigned(otherKey, s.dir().resolve("other.pem"), "other");
        s.writeMainCf(s.mainCfText().replace("/etc/ssl/private/ssl-cert-snakeoil.key", otherKey.toString())
                .replace("/etc/ssl/certs/ssl-cert-snakeoil.pem", cert.toString()).getBytes(StandardCharsets.ISO_8859_1));
        Run r = s.run("enable-server", "--merge", "--keep-usable", "--dry-run", "-a", "rsa");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("+smtpd_tls_key_file = " + s.dir().resolve("key-")), "mismatched: replaced\n" + r.out());
        // A matching pair with TLS off: kept, and TLS turned on with the reload hint, no "new key" text.
        s.writeMainCf(s.mainCfText().replace(otherKey.toString(), key.toString())
                .replace("smtpd_tls_security_level=may", "smtpd_tls_security_level = none")
                .getBytes(StandardCharsets.ISO_8859_1));
        Run on = s.run("enable-server", "--merge", "--keep-usable", "-a", "rsa");
        assertEquals(0, on.status(), on.err());
        List<String> lines = on.err().lines().toList();
        assertTrue(lines.contains("pftls: Enabled opportunistic TLS in the Postfix SMTP server"), on.err());
        assertTrue(lines.contains("pftls:   # postfix reload"), on.err());
        assertFalse(on.err().contains("New TLS private key"), on.err());
        assertTrue(s.mainCfText().contains("smtpd_tls_key_file=" + key + "\n"), "kept as written\n" + s.mainCfText());
        assertTrue(s.mainCfText().contains("smtpd_tls_security_level = may\n"), s.mainCfText());
    }

    @Test
    void deployingWhatIsDeployedWritesNothing() throws Exception {
        Sandbox s = sub("a", "debian-fresh.cf");
        Path key = s.dir().resolve("mx.key");
        Path cert = s.dir().resolve("mx.pem");
        TestCertificates.writeSelfSigned(key, cert, "mail.example.org");
        assertEquals(0, s.run("deploy-server-cert", "mx.pem", "mx.key").status());
        Map<String, String> before = s.snapshot();
        Run again = s.run("deploy-server-cert", "mx.pem", "mx.key");
        assertEquals(0, again.status(), again.err());
        assertEquals(before, s.snapshot(), "no backup, no history line, main.cf not rewritten");
        assertEquals(List.of("pftls: The certificate in " + cert + " and the key in " + key
                        + " are already deployed; main.cf is unchanged.",
                "pftls: If their content changed, run the command:", "pftls:   # postfix reload",
                "pftls: for the new content to take effect."), again.err().lines().toList());
    }
}
