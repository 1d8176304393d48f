package org.pftls.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.PftlsException;

/**
 * MainCf.parse + Parameters against postconf -c DIR -n / -nx / -x on every corpus file (values,
 * parse errors and read warnings), with the built-in 3.7 defaults table and the real host name.
 */
class ParametersDifferentialIT {
    static final List<String> NAMES = List.of("smtpd_tls_security_level", "smtpd_tls_loglevel",
            "smtpd_tls_received_header", "smtpd_tls_cert_file", "smtpd_tls_key_file", "smtpd_tls_eccert_file",
            "smtpd_tls_eckey_file", "smtpd_tls_dcert_file", "smtpd_tls_dkey_file", "smtpd_tls_chain_files",
            "smtp_tls_security_level", "smtp_tls_loglevel", "smtp_tls_cert_file", "smtp_tls_key_file",
            "smtp_tls_session_cache_database", "smtp_tls_CApath", "smtpd_use_tls", "smtp_use_tls",
            "smtp_enforce_tls", "smtpd_enforce_tls", "smtp_tls_enforce_peername", "smtpd_tls_fingerprint_digest",
            "myhostname", "mydomain", "myorigin", "mydestination", "data_directory", "config_directory",
            "tls_random_source", "smtpd_banner", "relayhost", "compatibility_level", "openssl_path",
            "daemon_directory", "mail_version", "smtpd_reject_footer");

    @TempDir
    Path temp;

    @BeforeAll
    static void postconfInstalled() {
        RealPostconf.requireInstalled();
    }

    @TestFactory
    Stream<DynamicTest> matchesPostconf() throws Exception {
        return Corpus.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private void check(Path file) throws Exception {
        byte[] content = Files.readAllBytes(file);
        Path dir = Files.createTempDirectory(temp, "d");
        Path mainCfPath = RealPostconf.writeMainCf(dir, content);
        RealPostconf.Result n = RealPostconf.run(dir, args("-n"));
        if (n.exitStatus() != 0) {
            PftlsException e = assertThrows(PftlsException.class, () -> MainCf.parse(content, mainCfPath.toString()));
            assertEquals(PftlsException.Kind.CONFIG, e.kind());
            assertEquals(n.fatal() + "; fix or comment out that line", e.getMessage());
            return;
        }
        MainCf mainCf = MainCf.parse(content, mainCfPath.toString());
        assertEquals(readWarnings(n), mainCf.warnings(), "read warnings");
        Parameters parameters = new Parameters(mainCf, new BuiltinPostfix37(), dir, RealPostconf::hostName);

        Map<String, String> ours = new LinkedHashMap<>();
        for (String name : NAMES) {
            parameters.explicit(name).ifPresent(v -> ours.put(name, v));
        }
        assertEquals(n.settings(), ours, "-n");

        RealPostconf.Result nx = RealPostconf.run(dir, args("-nx"));
        assertEquals(0, nx.exitStatus(), nx.stderr());
        Map<String, String> oursNx = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (parameters.explicit(name).isPresent()) {
                oursNx.put(name, parameters.explicitExpanded(name));
            } else {
                assertEquals("", parameters.explicitExpanded(name));
            }
        }
        assertEquals(nx.settings(), oursNx, "-nx");

        RealPostconf.Result x = RealPostconf.run(dir, args("-x"));
        assertEquals(0, x.exitStatus(), x.stderr());
        Map<String, String> oursX = new LinkedHashMap<>();
        for (String name : NAMES) {
            oursX.put(name, parameters.expanded(name));
        }
        assertEquals(x.settings(), oursX, "-x");
    }

    private static List<String> readWarnings(RealPostconf.Result result) {
        List<String> warnings = new ArrayList<>();
        for (String warning : result.warnings()) {
            if (warning.contains("overriding earlier entry: config_directory=")) {
                continue; // postconf's MAIL_CONFIG entry, overridden by main.cf: not a main.cf matter
            }
            if (warning.contains("overriding earlier entry") || warning.contains("logical line must not start")) {
                if (!warnings.contains(warning)) {
                    warnings.add(warning);
                }
            }
        }
        return warnings;
    }

    private static String[] args(String mode) {
        List<String> arguments = new ArrayList<>(List.of(mode));
        arguments.addAll(NAMES);
        return arguments.toArray(String[]::new);
    }
}
