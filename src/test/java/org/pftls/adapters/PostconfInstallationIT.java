package org.pftls.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pftls.differential.PostfixUnderTest;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.ports.PostfixInstallation;

/**
 * The postconf adapter reads each Postfix version's own answers, and pftls, told which programs
 * to run (PFTLS_POSTFIX_BIN, as the per-version tests do), asks that version and no other.
 */
class PostconfInstallationIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pftls.differential.PostfixVersions#all")
    void readsTheRealPostconfOfEveryVersion(PostfixUnderTest postfix) throws Exception {
        postfix.check();
        PostconfInstallation postconf = new PostconfInstallation(postfix.postconf(), new BuiltinPostfix37());
        assertTrue(postconf.installed());
        assertEquals(postfix.version(), postconf.mailVersion());
        assertEquals(Optional.of(postfix.postconf().getParent()), postconf.programDirectory());
        assertEquals(Optional.of("$smtpd_tls_eccert_file"), postconf.defaultValue("smtpd_tls_eckey_file"));
        assertTrue(postconf.publicKeyAlgorithms().contains("ecdsa"), postconf.publicKeyAlgorithms().toString());
        Files.writeString(dir.resolve("main.cf"), "compatibility_level = 3.6\n");
        Files.setLastModifiedTime(dir.resolve("main.cf"), java.nio.file.attribute.FileTime.fromMillis(0));
        List<String> types = postconf.mapTypes(dir);
        assertTrue(types.contains("btree"), types.toString());
        // The recipe of .ci/build-postfix builds lmdb in; Debian 12's package has it separately (postfix-lmdb).
        assertEquals(!postfix.debian(), types.contains("lmdb"), types.toString());
    }

    /** The defaults the adapter answers without postconf -d are this version's postconf -d, each. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pftls.differential.PostfixVersions#all")
    void theDefaultsAnsweredWithoutPostconfAreThisVersionsOwn(PostfixUnderTest postfix) throws Exception {
        postfix.check();
        for (var fixed : PostconfInstallation.SAME_IN_EVERY_VERSION.entrySet()) {
            Process p = new ProcessBuilder(postfix.postconf().toString(), "-dh", fixed.getKey())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertEquals(fixed.getValue(), out.strip(), fixed.getKey());
        }
        PostconfInstallation postconf = new PostconfInstallation(postfix.postconf(), new BuiltinPostfix37());
        assertEquals(Optional.of("$smtpd_tls_cert_file"), postconf.defaultValue("smtpd_tls_key_file"));
        postconf.mailVersion(); // postconf -d has run: its answers and the table's agree
        for (var fixed : PostconfInstallation.SAME_IN_EVERY_VERSION.entrySet()) {
            assertEquals(Optional.of(fixed.getValue()), postconf.defaultValue(fixed.getKey()), fixed.getKey());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pftls.differential.PostfixVersions#all")
    void theEnvironmentChoosesTheVersion(PostfixUnderTest postfix) throws Exception {
        postfix.check();
        PostfixSelection selection = new PostfixSelection(postfix.pftlsEnvironment());
        selection.choose(null);
        PostfixInstallation chosen = selection.installation();
        assertEquals(postfix.version(), chosen.mailVersion());
        assertEquals(Optional.of(postfix.postconf().getParent().toRealPath()), chosen.programDirectory());
        assertEquals(Optional.of(postfix.postconf().getParent().toRealPath().resolve("postlog")),
                selection.program("postlog"));
    }
}
