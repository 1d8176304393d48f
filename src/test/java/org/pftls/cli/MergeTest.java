package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.TestCertificates;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;

/**
 * {@code enable-server --merge} and {@code enable-client --merge} (issue #14): on the stock Debian
 * main.cf with a "snakeoil" certificate (made here, in the sandbox), and on instances with stricter
 * or obsolete settings, every parameter is kept, changed or added for a stated reason, nothing set
 * is ever lowered, and the old files stay untouched.
 */
class MergeTest {
    private static final String STAMP = "20261125-120000";

    @TempDir
    Path dir;

    /** The stock Debian main.cf, its snakeoil paths pointed at a key and certificate made in the sandbox. */
    private Sandbox snakeoil() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-snakeoil.cf");
        Path key = dir.resolve("ssl-cert-snakeoil.key");
        Path cert = dir.resolve("ssl-cert-snakeoil.pem");
        TestCertificates.writeSelfSigned(key, cert, "vm");
        s.writeMainCf(s.mainCfText().replace("/etc/ssl/private/ssl-cert-snakeoil.key", key.toString())
                .replace("/etc/ssl/certs/ssl-cert-snakeoil.pem", cert.toString()).getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    private long historyEntries() throws Exception {
        return Files.readAllLines(dir.resolve("pftls-history.log")).stream().filter(l -> !l.startsWith("#")).count();
    }

    /** A fresh sample instance in a subdirectory of the test's directory. */
    private Sandbox sub(String name, String sample) throws Exception {
        return Sandbox.withSample(Files.createDirectories(dir.resolve(name)), sample);
    }

    private static List<String> lines(Run r) {
        return r.err().lines().toList();
    }

    @Test
    void withoutMergeTheStockDebianInstanceIsLeftAloneAndMergeIsNamed() throws Exception {
        Sandbox s = snakeoil();
        Map<String, String> before = s.snapshot();
        Run r = s.run("enable-server");
        assertEquals(0, r.status(), r.err());
        assertEquals(before, s.snapshot());
        List<String> err = lines(r);
        assertEquals("pftls: *** Non-default SMTP server TLS settings detected, no changes made.", err.get(0));
        assertEquals(List.of("pftls: To change only what is missing and keep the settings above, run:",
                "pftls:   # pftls enable-server --merge --dry-run    (to see every change first; then without --dry-run)"),
                err.subList(err.size() - 2, err.size()));
    }

    @Test
    void theSnakeoilCaseEndToEnd() throws Exception {
        Sandbox s = snakeoil();
        Path oldKey = dir.resolve("ssl-cert-snakeoil.key");
        Path oldCert = dir.resolve("ssl-cert-snakeoil.pem");
        byte[] oldKeyBytes = Files.readAllBytes(oldKey);
        byte[] oldCertBytes = Files.readAllBytes(oldCert);
        String mainBefore = s.mainCfText();

        Run r = s.run("enable-server", "--merge", "-a", "rsa,ecdsa");
        assertEquals(0, r.status(), r.err());
        Path key = dir.resolve("key-" + STAMP + ".pem");
        Path cert = dir.resolve("cert-" + STAMP + ".pem");
        Path eckey = dir.resolve("eckey-" + STAMP + ".pem");
        Path eccert = dir.resolve("eccert-" + STAMP + ".pem");
        for (Path k : List.of(key, eckey)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(k)));
        }
        for (Path c : List.of(cert, eccert)) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(c)));
        }
        assertTrue(java.util.Arrays.equals(oldKeyBytes, Files.readAllBytes(oldKey)), "snakeoil key untouched");
        assertTrue(java.util.Arrays.equals(oldCertBytes, Files.readAllBytes(oldCert)), "snakeoil cert untouched");

        String cf = s.mainCfText();
        assertTrue(cf.contains("smtpd_tls_cert_file = " + cert + "\nsmtpd_tls_key_file = " + key + "\n"
                + "smtpd_tls_security_level=may\n"), cf);
        assertTrue(cf.endsWith("smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\n"
                + "smtpd_tls_eccert_file = " + eccert + "\n"
                + "smtpd_tls_eckey_file = " + eckey + "\n"
                + "smtpd_tls_loglevel = 1\n"
                + "smtpd_tls_received_header = yes\n"
                + "tls_random_source = dev:/dev/urandom\n"), cf);

        List<String> err = lines(r);
        assertTrue(err.contains("pftls: smtpd_tls_cert_file: changed \"" + oldCert + "\" -> \"" + cert
                + "\" (the new RSA key and certificate replace the deployed ones; the old files stay on disk,"
                + " untouched)"), r.err());
        assertTrue(err.contains("pftls: smtpd_tls_eckey_file: added \"" + eckey + "\" (the new ECDSA key and"
                + " certificate; none was deployed)"), r.err());
        assertTrue(err.contains("pftls: smtpd_tls_security_level: kept \"may\" (already opportunistic TLS)"), r.err());
        assertTrue(err.contains("pftls: New TLS private keys and certificates deployed."), r.err());
        assertFalse(err.contains("pftls: Enabled opportunistic TLS in the Postfix SMTP server"),
                "TLS was on already: " + r.err());

        // One change: one backup of main.cf, one history entry.
        List<Path> backups;
        try (var files = Files.list(dir)) {
            backups = files.filter(p -> p.getFileName().toString().startsWith("main.cf.pftls-")).toList();
        }
        assertEquals(1, backups.size(), backups.toString());
        assertEquals(mainBefore, Files.readString(backups.get(0), StandardCharsets.ISO_8859_1));
        assertEquals(1L, historyEntries());

        // Both deployed pairs are what status sees, and they match.
        Run status = s.run("status");
        assertTrue(status.out().contains("RSA key:  " + key), status.out());
        assertTrue(status.out().contains("ECDSA key:  " + eckey), status.out());
    }

    @Test
    void aDryRunShowsTheSameDecisionsAndChangesNothing() throws Exception {
        Sandbox s = snakeoil();
        Map<String, String> before = s.snapshot();
        Run dry = s.run("enable-server", "--merge", "-a", "ecdsa", "--dry-run");
        assertEquals(0, dry.status(), dry.err());
        assertEquals(before, s.snapshot());
        assertTrue(dry.out().contains("  | smtpd_tls_eccert_file: added \"" + dir.resolve("eccert-" + STAMP + ".pem")
                + "\""), dry.out());
        assertTrue(dry.out().contains("  | smtpd_tls_cert_file") == false, "RSA is not touched: " + dry.out());
        assertTrue(dry.out().contains("  | smtpd_tls_security_level: kept \"may\""), dry.out());
    }

    @Test
    void encryptAndOtherExplicitSettingsAreKept() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.writeMainCf((s.mainCfText() + "smtpd_tls_security_level = encrypt\nsmtpd_tls_loglevel = 2\n"
                + "tls_random_source = dev:/dev/random\n").getBytes(StandardCharsets.ISO_8859_1));
        Run r = s.run("enable-server", "--merge");
        assertEquals(0, r.status(), r.err());
        String cf = s.mainCfText();
        assertTrue(cf.contains("smtpd_tls_security_level = encrypt\nsmtpd_tls_loglevel = 2\n"
                + "tls_random_source = dev:/dev/random\n"), cf);
        assertTrue(r.err().contains("pftls: smtpd_tls_security_level: kept \"encrypt\" (stricter than may; pftls"
                + " never lowers it)"), r.err());
        assertTrue(r.err().contains("pftls: smtpd_tls_loglevel: kept \"2\" (already set)"), r.err());
        assertTrue(r.err().contains("pftls: tls_random_source: kept \"dev:/dev/random\" (already set)"), r.err());
        assertTrue(cf.contains("smtpd_tls_received_header = yes\n"), cf);
    }

    @Test
    void levelNoneBecomesMayAndObsoleteBooleansAreKept() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.writeMainCf((s.mainCfText() + "smtpd_tls_security_level = none\n").getBytes(StandardCharsets.ISO_8859_1));
        Run r = s.run("enable-server", "--merge", "-a", "ecdsa");
        assertEquals(0, r.status(), r.err());
        assertTrue(s.mainCfText().contains("smtpd_tls_security_level = may\n"), s.mainCfText());
        assertTrue(r.err().contains("pftls: Enabled opportunistic TLS in the Postfix SMTP server"), r.err());

        Sandbox legacy = sub("x", "debian-fresh.cf");
        legacy.writeMainCf((legacy.mainCfText() + "smtpd_enforce_tls = yes\nsmtpd_use_tls = yes\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Run l = legacy.run("enable-server", "--merge", "-a", "ecdsa");
        assertEquals(0, l.status(), l.err());
        assertFalse(legacy.mainCfText().contains("smtpd_tls_security_level"),
                "setting may would lower the obsolete enforce to may: " + legacy.mainCfText());
        assertTrue(l.err().contains("pftls: smtpd_enforce_tls: kept \"yes\" (TLS is on through the obsolete"
                + " smtpd_enforce_tls = yes (level encrypt); left as it is (its modern form is smtpd_tls_security_level"
                + " = encrypt))"), l.err());
    }

    @Test
    void mergeOnAnAllDefaultInstanceIsPlainEnableServer() throws Exception {
        Sandbox a = sub("a", "debian-fresh.cf");
        Sandbox b = sub("b", "debian-fresh.cf");
        Run plain = a.run("enable-server", "-a", "ecdsa");
        Run merge = b.run("enable-server", "-a", "ecdsa", "--merge");
        assertEquals(0, plain.status());
        assertEquals(0, merge.status());
        assertEquals(a.mainCfText().replace(dir.resolve("a").toString(), "D"),
                b.mainCfText().replace(dir.resolve("b").toString(), "D"));
        assertEquals(plain.err().replace(dir.resolve("a").toString(), "D"),
                merge.err().replace(dir.resolve("b").toString(), "D"));
    }

    @Test
    void clientMergeKeepsStricterLevelsAndAWorkingCache() throws Exception {
        for (String level : List.of("dane", "dane-only", "encrypt", "verify", "secure", "may")) {
            Sandbox s = sub(level, "debian-fresh.cf");
            s.writeMainCf((s.mainCfText() + "smtp_tls_security_level = " + level + "\n"
                    + "smtp_tls_session_cache_database = btree:/var/lib/postfix/old_scache\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            Run r = s.run("enable-client", "--merge");
            assertEquals(0, r.status(), r.err());
            String cf = s.mainCfText();
            assertTrue(cf.contains("smtp_tls_security_level = " + level + "\n"), level + ": " + cf);
            assertTrue(cf.contains("smtp_tls_session_cache_database = btree:/var/lib/postfix/old_scache\n"), cf);
            assertTrue(cf.endsWith("smtp_tls_loglevel = 1\ntls_random_source = dev:/dev/urandom\n"), cf);
            assertTrue(r.err().contains("pftls: smtp_tls_session_cache_database: kept"
                    + " \"btree:/var/lib/postfix/old_scache\" (a session cache of a working type)"), r.err());
        }
    }

    @Test
    void clientMergeReplacesACacheTypeThatCannotWorkAndTurnsObsoleteOffOn() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "legacy-client.cf");
        s.writeMainCf((s.mainCfText() + "smtp_tls_session_cache_database = hash:/var/lib/postfix/old\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Run r = s.run("enable-client", "--merge");
        assertEquals(0, r.status(), r.err());
        String cf = s.mainCfText();
        assertTrue(cf.contains("smtp_tls_session_cache_database = btree:/var/lib/postfix/smtp_scache\n"), cf);
        assertTrue(r.err().contains("(type \"hash\" cannot hold the session cache here (postconf -m lists"), r.err());
    }

    @Test
    void clientMergeWithNothingToDoChangesNothing() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-client").status());
        Map<String, String> before = s.snapshot();
        Run r = s.run("enable-client", "--merge");
        assertEquals(0, r.status(), r.err());
        assertEquals(before, s.snapshot());
        assertTrue(r.err().contains("pftls: Nothing to change: every setting is already as enable-client would"
                + " make it."), r.err());
    }

    @Test
    void bothAlgorithmsInOneRunOnAFreshInstance() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Run r = s.run("enable-server", "-a", "rsa,ecdsa", "-b", "3072,secp384r1", "mx.example.org");
        assertEquals(0, r.status(), r.err());
        String cf = s.mainCfText();
        for (String p : List.of("smtpd_tls_cert_file = " + dir.resolve("cert-" + STAMP + ".pem"),
                "smtpd_tls_key_file = " + dir.resolve("key-" + STAMP + ".pem"),
                "smtpd_tls_eccert_file = " + dir.resolve("eccert-" + STAMP + ".pem"),
                "smtpd_tls_eckey_file = " + dir.resolve("eckey-" + STAMP + ".pem"),
                "smtpd_tls_security_level = may")) {
            assertTrue(cf.contains(p + "\n"), p + " in " + cf);
        }
        assertTrue(TestCertificates.describeKey(dir.resolve("key-" + STAMP + ".pem")).contains("3072"));
        assertTrue(TestCertificates.describeKey(dir.resolve("eckey-" + STAMP + ".pem")).contains("secp384r1")
                || TestCertificates.describeKey(dir.resolve("eckey-" + STAMP + ".pem")).contains("P-384"));
        assertEquals(1L, historyEntries());
        assertTrue(r.err().contains("pftls:   # postfix tls output-server-csr -k " + dir.resolve("eckey-" + STAMP
                + ".pem") + " [<hostname> ...]"), r.err());

        Run tlsa = s.run("output-server-tlsa");
        assertEquals(4, tlsa.out().lines().count(), tlsa.out());
    }

    @Test
    void keySpecsOfSeveralAlgorithms() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Run r = s.run("new-server-key", "-a", "ecdsa,rsa", "-b", "secp521r1");
        assertEquals(0, r.status(), r.err());
        assertTrue(TestCertificates.describeKey(dir.resolve("key-" + STAMP + ".pem")).contains("2048"));
        assertTrue(r.err().startsWith("pftls: New private keys and self-signed certificates created. To deploy run:\n"
                + "pftls:   # postfix tls deploy-server-cert " + dir.resolve("cert-" + STAMP + ".pem") + " "
                + dir.resolve("key-" + STAMP + ".pem") + "\n"), r.err());

        Map<String, String> before = s.snapshot();
        for (String[] bad : new String[][] {{"-a", "rsa,rsa"}, {"-a", "rsa,ecdsa", "-b", "2048,4096"},
            {"-a", "rsa,dsa"}, {"-a", "rsa,ecdsa", "-b", "secp384r1,secp521r1"}, {"-a", "rsa,ecdsa", "-b", "1024"}}) {
            String[] args = new String[bad.length + 1];
            args[0] = "new-server-key";
            System.arraycopy(bad, 0, args, 1, bad.length);
            Run refused = s.run(args);
            assertEquals(1, refused.status(), String.join(" ", bad));
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().startsWith("pftls: fatal: "), refused.err());
        }
        assertEquals(before, s.snapshot());
    }

    @Test
    void newServerCertForBothReusesTheDeployedKeyAndMakesTheMissingOne() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-server").status());
        String rsaKey = Files.readString(dir.resolve("key-" + STAMP + ".pem"));
        Run r = s.clock(java.time.Clock.fixed(Sandbox.NOW.plusSeconds(60), java.time.ZoneOffset.UTC))
                .run("new-server-cert", "-a", "rsa,ecdsa");
        assertEquals(0, r.status(), r.err());
        assertEquals(TestCertificates.describeKey(dir.resolve("key-" + STAMP + ".pem")),
                TestCertificates.describeKey(dir.resolve("key-20261125-120100.pem")), "the RSA key is copied: " + rsaKey.length());
        assertTrue(Files.exists(dir.resolve("eckey-20261125-120100.pem")));
    }
}
