package org.pftls.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.pftls.adapters.PostconfInstallation;
import org.pftls.engine.PftlsException;

/** Parameters, MyHostname and the built-in defaults, without Postfix. */
class ParametersTest {
    private static Parameters parameters(String mainCf, String host) throws PftlsException {
        return new Parameters(MainCf.parse(mainCf.getBytes(StandardCharsets.ISO_8859_1), "/etc/postfix/main.cf"),
                new BuiltinPostfix37(), Path.of("/srv/pf"), () -> host);
    }

    @Test
    void myhostnameFromAShortHostName() throws PftlsException {
        assertEquals("vm.localdomain", parameters("", "vm").expanded("myhostname"));
        assertEquals("localdomain", parameters("", "vm").expanded("mydomain"));
        assertEquals("vm.example.org", parameters("mydomain = example.org\n", "vm").expanded("myhostname"));
        assertEquals("example.org", parameters("mydomain = example.org\n", "vm").expanded("mydomain"));
    }

    @Test
    void myhostnameFromAQualifiedHostNameOrMainCf() throws PftlsException {
        assertEquals("vm.example.net", parameters("mydomain = example.org\n", "vm.example.net").expanded("myhostname"));
        assertEquals("example.net", parameters("", "vm.example.net").expanded("mydomain"));
        Parameters p = parameters("myhostname = mail.$mydomain\nmydomain = example.com\n", "vm");
        assertEquals("mail.example.com", p.expanded("myhostname"));
        Parameters q = parameters("myhostname = mx.example.org\n", "vm");
        assertEquals("example.org", q.expanded("mydomain"));
        assertEquals("x.x", parameters("myhostname = $mydomain.x\n", "vm").expanded("myhostname"));
    }

    @Test
    void explicitIsMainCfOnlyAndNormalised() throws PftlsException {
        Parameters p = parameters("smtpd_banner = a\n  b\tc \nsmtpd_tls_cert_file =\n", "vm");
        assertEquals(Optional.of("a b c"), p.explicit("smtpd_banner"));
        assertEquals(Optional.of(""), p.explicit("smtpd_tls_cert_file"));
        assertEquals(Optional.empty(), p.explicit("smtpd_tls_key_file"));
        assertEquals("", p.explicitExpanded("smtpd_tls_key_file"));
    }

    @Test
    void configDirectoryIsTheInstanceUnlessMainCfSaysOtherwise() throws PftlsException {
        assertEquals(Optional.of("/srv/pf"), parameters("", "vm").explicit("config_directory"));
        assertEquals("/srv/pf/k", parameters("smtpd_tls_key_file = $config_directory/k\n", "vm")
                .explicitExpanded("smtpd_tls_key_file"));
        assertEquals("/o", parameters("config_directory = /o\n", "vm").expanded("config_directory"));
    }

    @Test
    void defaultsComeFromTheInstallationAndExpand() throws PftlsException {
        Parameters p = parameters("smtpd_tls_cert_file = /c.pem\ncompatibility_level = 3.6\n", "vm");
        assertEquals("/c.pem", p.expanded("smtpd_tls_key_file"));
        assertEquals("dev:/dev/urandom", p.expanded("tls_random_source"));
        assertEquals("sha256", p.expanded("smtpd_tls_fingerprint_digest"));
        assertEquals("md5", parameters("", "vm").expanded("smtpd_tls_fingerprint_digest"));
        assertEquals("/var/lib/postfix/x", parameters("a = $data_directory/x\n", "vm").expanded("a"));
        assertEquals("", p.expanded("no_such_parameter"));
    }

    @Test
    void rawParametersAreNotExpandedAtTopLevel() throws PftlsException {
        Parameters p = parameters("smtpd_reject_footer = $myhostname\nsmtpd_banner = $smtpd_reject_footer\n", "vm");
        assertEquals("$myhostname", p.expanded("smtpd_reject_footer"));
        assertEquals("vm.localdomain", p.expanded("smtpd_banner"));
    }

    @Test
    void expansionErrorsNameTheParameter() throws PftlsException {
        Parameters p = parameters("smtpd_tls_cert_file = ${oops\n", "vm");
        PftlsException e = assertThrows(PftlsException.class, () -> p.expanded("smtpd_tls_cert_file"));
        assertEquals(PftlsException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().startsWith("/etc/postfix/main.cf: parameter smtpd_tls_cert_file: cannot expand"),
                e.getMessage());
        assertEquals(Optional.of("${oops"), p.explicit("smtpd_tls_cert_file"));
    }

    @Test
    void undefinedParametersAreWarnings() throws PftlsException {
        Parameters p = parameters("smtpd_tls_cert_file = /a$nothere\n", "vm");
        assertEquals("/a", p.expanded("smtpd_tls_cert_file"));
        assertEquals(List.of("undefined parameter: nothere"), p.warnings());
    }

    @Test
    void builtinAnswersLikeDebian37() {
        BuiltinPostfix37 builtin = new BuiltinPostfix37();
        assertFalse(builtin.installed());
        assertEquals("3.7.11", builtin.mailVersion());
        assertEquals(Optional.of("$smtpd_tls_cert_file"), builtin.defaultValue("smtpd_tls_key_file"));
        assertEquals(Optional.of(""), builtin.defaultValue("smtpd_tls_security_level"));
        assertEquals(Optional.of("/usr/lib/postfix/sbin"), builtin.defaultValue("daemon_directory"));
        assertEquals(Optional.of("${{$compatibility_level} <level {3.6} ? {md5} : {sha256}}"),
                builtin.defaultValue("smtpd_tls_fingerprint_digest"));
        assertEquals(Optional.empty(), builtin.defaultValue("myhostname"));
        assertFalse(builtin.mapTypes(Path.of("/etc/postfix")).contains("lmdb"));
        assertTrue(builtin.mapTypes(Path.of("/etc/postfix")).contains("btree"));
        assertEquals(java.util.Set.of("rsa", "ecdsa", "dsa"), builtin.publicKeyAlgorithms());
    }

    @Test
    void postconfAdapterFallsBackWhenPostconfIsMissing() {
        PostconfInstallation missing = new PostconfInstallation(Path.of("/nonexistent/postconf"), new BuiltinPostfix37());
        assertFalse(missing.installed());
        assertEquals("3.7.11", missing.mailVersion());
        assertEquals(Optional.of("no"), missing.defaultValue("smtpd_use_tls"));
        assertEquals(java.util.Set.of("rsa", "ecdsa", "dsa"), missing.publicKeyAlgorithms());
    }
}
