package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.ports.PostfixInstallation;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;
import org.pftls.testing.TestCertificates;

/**
 * Issue #14: smtpd_tls_chain_files understood (deploy writes it, leaves the ignored legacy
 * parameters alone, --chain-files moves an instance to it, refused before Postfix 3.4), deploying
 * turns server TLS on and never lowers a level, and master.cf -o overrides that shadow main.cf
 * are problems for status.
 */
class ChainFilesAndOverridesTest {
    @TempDir
    Path dir;

    private Sandbox fresh(String extra) {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.writeMainCf((s.mainCfText() + extra).getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    private void pair(String prefix, KeyAlgorithm algorithm) throws Exception {
        TestCertificates.writeSelfSigned(dir.resolve(prefix + "-key.pem"), dir.resolve(prefix + "-cert.pem"),
                "mail.example.org", KeySpec.defaultFor(algorithm));
    }

    @Test
    void deployOnAChainFilesInstanceReplacesOnlyThatAlgorithm() throws Exception {
        pair("rsa", KeyAlgorithm.RSA);
        pair("ec", KeyAlgorithm.ECDSA);
        pair("new", KeyAlgorithm.RSA);
        Sandbox s = fresh("smtpd_tls_security_level = may\nsmtpd_tls_chain_files =\n    ${config_directory}/rsa-key.pem,"
                + " ${config_directory}/rsa-cert.pem,\n    ${config_directory}/ec-key.pem ${config_directory}/ec-cert.pem\n"
                + "smtpd_tls_cert_file = /legacy/cert.pem\n");
        Run r = s.run("deploy-server-cert", "new-cert.pem", "new-key.pem");
        assertEquals(0, r.status(), r.err());
        String cf = s.mainCfText();
        assertTrue(cf.contains("smtpd_tls_chain_files = ${config_directory}/ec-key.pem, ${config_directory}/ec-cert.pem, "
                + dir.resolve("new-key.pem") + ", " + dir.resolve("new-cert.pem") + "\n"), cf);
        assertTrue(cf.contains("smtpd_tls_cert_file = /legacy/cert.pem\n"), "legacy parameters left alone: " + cf);
        assertFalse(cf.contains("smtpd_tls_key_file"), cf);

        Run status = s.run("status");
        assertTrue(status.out().contains("Server certificates:     smtpd_tls_chain_files"), status.out());
        assertTrue(status.out().contains("RSA key:  " + dir.resolve("new-key.pem")), status.out());
        assertTrue(status.out().contains("ECDSA key:  " + dir.resolve("ec-key.pem")), status.out());
        assertEquals(0, status.status(), status.out());
    }

    @Test
    void aChainFileHoldingBothKeysCannotBeHalfReplaced() throws Exception {
        pair("rsa", KeyAlgorithm.RSA);
        pair("ec", KeyAlgorithm.ECDSA);
        pair("new", KeyAlgorithm.ECDSA);
        Files.write(dir.resolve("both.pem"), (Files.readString(dir.resolve("rsa-key.pem"))
                + Files.readString(dir.resolve("rsa-cert.pem")) + Files.readString(dir.resolve("ec-key.pem"))
                + Files.readString(dir.resolve("ec-cert.pem"))).getBytes(StandardCharsets.US_ASCII));
        Sandbox s = fresh("smtpd_tls_chain_files = " + dir.resolve("both.pem") + "\n");
        Map<String, String> before = s.snapshot();
        Run r = s.run("deploy-server-cert", "new-cert.pem", "new-key.pem");
        assertEquals(1, r.status());
        assertEquals("pftls: fatal: " + dir.resolve("both.pem") + " in smtpd_tls_chain_files holds both the RSA and"
                + " the ECDSA key; pftls cannot replace one of them in it: replace both at once (-a rsa,ecdsa), or"
                + " split that file\n", r.err());
        assertEquals(before, s.snapshot());
    }

    @Test
    void chainFilesOptionMovesALegacyInstance() throws Exception {
        pair("rsa", KeyAlgorithm.RSA);
        pair("ec", KeyAlgorithm.ECDSA);
        Sandbox s = fresh("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = " + dir.resolve("rsa-cert.pem")
                + "\nsmtpd_tls_key_file = " + dir.resolve("rsa-key.pem") + "\n");
        Run r = s.run("deploy-server-cert", "--chain-files", "ec-cert.pem", "ec-key.pem");
        assertEquals(0, r.status(), r.err());
        assertTrue(s.mainCfText().contains("smtpd_tls_chain_files = " + dir.resolve("rsa-key.pem") + ", "
                + dir.resolve("rsa-cert.pem") + ", " + dir.resolve("ec-key.pem") + ", " + dir.resolve("ec-cert.pem")
                + "\n"), s.mainCfText());
        assertTrue(s.mainCfText().contains("smtpd_tls_key_file = " + dir.resolve("rsa-key.pem")), s.mainCfText());

        Sandbox old = Sandbox.withSample(Files.createDirectories(dir.resolve("old")), "debian-fresh.cf")
                .postfix(version("3.3.2"));
        Files.copy(dir.resolve("ec-key.pem"), dir.resolve("old/ec-key.pem"));
        Files.copy(dir.resolve("ec-cert.pem"), dir.resolve("old/ec-cert.pem"));
        Map<String, String> before = old.snapshot();
        Run refused = old.run("deploy-server-cert", "--chain-files", "ec-cert.pem", "ec-key.pem");
        assertEquals(1, refused.status());
        assertEquals("pftls: fatal: --chain-files needs Postfix 3.4 or later (this is 3.3.2); deploy without"
                + " --chain-files\n", refused.err());
        assertEquals(before, old.snapshot());
    }

    @Test
    void enableServerLeavesAChainFilesInstanceAloneAndSaysWhy() throws Exception {
        pair("rsa", KeyAlgorithm.RSA);
        Sandbox s = fresh("smtpd_tls_chain_files = " + dir.resolve("rsa-key.pem") + " " + dir.resolve("rsa-cert.pem")
                + "\n");
        assertEquals(1, s.run("all-default-server").status(), "smtpd_tls_chain_files is a server setting");
        Map<String, String> before = s.snapshot();
        Run r = s.run("enable-server");
        assertEquals(0, r.status());
        assertEquals(before, s.snapshot());
        assertTrue(r.err().contains("pftls: smtpd_tls_chain_files is set: the smtpd_tls_cert_file and"
                + " smtpd_tls_key_file that enable-server writes would be ignored."), r.err());

        Run merge = s.run("enable-server", "--merge", "-a", "rsa,ecdsa");
        assertEquals(0, merge.status(), merge.err());
        String stamp = "20261125-120000";
        assertTrue(s.mainCfText().contains("smtpd_tls_chain_files = " + dir.resolve("key-" + stamp + ".pem") + ", "
                + dir.resolve("cert-" + stamp + ".pem") + ", " + dir.resolve("eckey-" + stamp + ".pem") + ", "
                + dir.resolve("eccert-" + stamp + ".pem") + "\n"), s.mainCfText());
        assertFalse(s.mainCfText().contains("smtpd_tls_key_file"), s.mainCfText());
    }

    @Test
    void chainFilesOnAnOldPostfixAreIgnoredAndSaidSo() throws Exception {
        Sandbox s = fresh("smtpd_tls_chain_files = /x.pem\n").postfix(version("3.3.2"));
        Run status = s.run("status");
        assertEquals(1, status.status());
        assertTrue(status.out().contains("smtpd_tls_chain_files is set, but Postfix 3.3.2 ignores it"),
                status.out());
    }

    @Test
    void deployTurnsServerTlsOnButNeverLowersOrOverridesALevel() throws Exception {
        pair("rsa", KeyAlgorithm.RSA);
        Sandbox s = fresh("");
        Run r = s.run("deploy-server-cert", "rsa-cert.pem", "rsa-key.pem");
        assertEquals(0, r.status(), r.err());
        assertTrue(s.mainCfText().endsWith("smtpd_tls_security_level = may\n"), s.mainCfText());
        assertTrue(r.err().startsWith("pftls: Enabled opportunistic TLS in the Postfix SMTP server\n"), r.err());

        for (String setting : List.of("smtpd_tls_security_level = encrypt", "smtpd_use_tls = yes",
                "smtpd_tls_security_level = none")) {
            Path sub = Files.createDirectories(dir.resolve(setting.replaceAll("[^a-z]", "")));
            Files.copy(dir.resolve("rsa-key.pem"), sub.resolve("rsa-key.pem"));
            Files.copy(dir.resolve("rsa-cert.pem"), sub.resolve("rsa-cert.pem"));
            Sandbox t = Sandbox.withSample(sub, "debian-fresh.cf");
            t.writeMainCf((t.mainCfText() + setting + "\n").getBytes(StandardCharsets.ISO_8859_1));
            Run d = t.run("deploy-server-cert", "rsa-cert.pem", "rsa-key.pem");
            assertEquals(0, d.status(), d.err());
            assertTrue(t.mainCfText().contains(setting + "\n"), t.mainCfText());
            assertFalse(t.mainCfText().contains("smtpd_tls_security_level = may"), t.mainCfText());
            assertFalse(d.err().contains("Enabled opportunistic TLS"), d.err());
            assertEquals(setting.endsWith("none"), d.err().contains("pftls: warning: smtpd_tls_security_level = none:"
                    + " smtpd offers no STARTTLS, so the deployed certificate is not used; set"
                    + " smtpd_tls_security_level = may to use it"), d.err());
        }
    }

    @Test
    void masterCfOverridesThatShadowMainCfAreProblems() throws Exception {
        pair("rsa", KeyAlgorithm.RSA);
        Sandbox s = fresh("");
        assertEquals(0, s.run("deploy-server-cert", "rsa-cert.pem", "rsa-key.pem").status());
        Files.writeString(dir.resolve("master.cf"), String.join("\n",
                "# a comment",
                "smtp      inet  n       -       y       -       1       postscreen",
                "smtpd     pass  -       -       y       -       -       smtpd",
                "  -o smtpd_tls_security_level=none",
                "submission inet n       -       y       -       -       smtpd",
                "  -o syslog_name=postfix/submission",
                "  -o smtpd_tls_security_level=encrypt",
                "  -o { smtpd_tls_cert_file = /etc/other/cert.pem }",
                "127.0.0.1:submissions inet n  -       y       -       -       smtpd",
                "  -o smtpd_tls_wrappermode=yes -o smtpd_tls_key_file=${config_directory}/rsa-key.pem",
                "2525      inet  n       -       y       -       -       smtpd -o smtpd_tls_cert_file=/x",
                "#587      inet  n       -       y       -       -       smtpd -o smtpd_tls_cert_file=/y",
                "pickup    unix  n       -       y       60      1       pickup",
                ""));
        Run status = s.run("status");
        assertEquals(1, status.status(), status.out());
        assertTrue(status.out().contains("master.cf override:      smtpd (port 25, line 3): -o"
                + " smtpd_tls_security_level=none"), status.out());
        assertTrue(status.out().contains("master.cf line 3 (service smtpd, port 25) sets -o smtpd_tls_security_level=none:"
                + " that service offers no STARTTLS although main.cf enables TLS; pftls changes only main.cf: remove"
                + " that -o option from master.cf (then postfix reload), or set the same value there"), status.out());
        assertTrue(status.out().contains("master.cf line 5 (service submission, port 587) sets -o"
                + " smtpd_tls_cert_file=/etc/other/cert.pem: that service serves another certificate than main.cf"
                + " deploys"), status.out());
        assertFalse(status.out().contains("smtpd_tls_security_level=encrypt:"), "stricter is fine: " + status.out());
        assertFalse(status.out().contains("smtpd_tls_key_file=${config_directory}"), "the same value is fine: "
                + status.out());
        assertFalse(status.out().contains("port 2525"), "only ports 25, 465 and 587: " + status.out());
        assertFalse(status.out().contains("/y"), "comments are skipped: " + status.out());
    }

    private static PostfixInstallation version(String version) {
        BuiltinPostfix37 builtin = new BuiltinPostfix37();
        return new PostfixInstallation() {
            @Override
            public boolean installed() {
                return false;
            }

            @Override
            public Optional<String> defaultValue(String name) {
                return builtin.defaultValue(name);
            }

            @Override
            public List<String> mapTypes(Path configDirectory) {
                return builtin.mapTypes(configDirectory);
            }

            @Override
            public Set<String> publicKeyAlgorithms() {
                return builtin.publicKeyAlgorithms();
            }

            @Override
            public String mailVersion() {
                return version;
            }
        };
    }
}
