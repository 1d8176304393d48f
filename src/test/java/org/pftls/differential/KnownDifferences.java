package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented differences from {@code postfix tls} (README "Differences from postfix tls"),
 * each tested as what it is rather than as equality.
 */
final class KnownDifferences {
    private static final String NO_FINAL_NEWLINE_LAST_LINE = "relayhost = [smtp.example.org]:587";
    private static final String DANE_DNS_LINE = "(deploy after updating the DNS and waiting for stale RRs to expire).";

    private KnownDifferences() {
    }

    /** Matrix scenarios (by name) whose expectation is a known difference. */
    static Map<String, Expectation> inMatrix() {
        Map<String, Expectation> m = new HashMap<>();
        // A deployed key file that cannot be read: the script prints "; keyfile" (and the records
        // before it) and then fails; pftls reads every key first and prints nothing.
        for (String file : List.of("debian-snakeoil.cf", "missing-key.cf", "dollar-refs.cf", "key-edge.cf",
                "legacy-use-tls.cf")) {
            m.put(file + ": output-server-tlsa", tlsaOnlyWhenEveryKeyIsReadable());
        }
        // The key in the combined file that smtpd_tls_key_file defaults to: pftls finds it.
        m.put("combined-key.cf: output-server-tlsa", combinedKeyTlsa());
        m.put("combined-key.cf: output-server-csr", combinedKeyCsr());
        m.put("combined-key.cf: new-server-cert", combinedKeyNewCert());
        // A certificate file set, the key file left at its default: pftls looks at the key file smtpd
        // would use ($smtpd_tls_cert_file, here a missing file) and warns that it is not there.
        m.put("crlf-mixed.cf: new-server-cert", sameButPftlsWarns(
                "warning: Key file: /c.pem /cont.pem not found, creating new keys"));
        // postfix 3.7.11 glues appended settings to a last line without newline; pftls adds the newline.
        for (String sub : List.of("enable-client", "enable-server", "deploy-server-cert rsa-cert.pem rsa-key.pem")) {
            m.put("no-final-newline.cf: " + sub, missingFinalNewlineRepaired());
        }
        return m;
    }

    /** Scenarios that exist only to show a difference. */
    static List<Scenario> extra() {
        String fresh = "samples/debian-fresh.cf";
        List<Scenario> s = new ArrayList<>();
        s.add(refused(fresh, "new-server-key", "-b", "1024"));
        s.add(refused(fresh, "new-server-key", "-a", "ecdsa", "-b", "secp224r1"));
        s.add(refused(fresh, "enable-server", "under_score.example"));
        s.add(refused(fresh, "new-server-key", "192.0.2.1"));
        s.add(refused(fresh, "new-server-key", "trailing.dot.example."));
        s.add(refused(fresh, "enable-client", "-r", "dev:/dev/no-such-device"));
        s.add(new Scenario("debian-fresh.cf: output-server-tlsa no-such-key.pem (TLSA only when every key is"
                + " readable)", fresh, List.of("output-server-tlsa", "no-such-key.pem"),
                tlsaOnlyWhenEveryKeyIsReadable()));
        s.add(new Scenario("debian-fresh.cf: output-server-tlsa rsa-key.pem no-such-key.pem (TLSA only when every key"
                + " is readable)", fresh, List.of("output-server-tlsa", "rsa-key.pem", "no-such-key.pem"),
                tlsaOnlyWhenEveryKeyIsReadable()));
        // A name with a trailing blank: the script checks "rsa-cert.pem " (missing) and fails; main.cf
        // would get "rsa-cert.pem" (postconf -e trims), which pftls checks, deploys and says so.
        s.add(new Scenario("debian-fresh.cf: deploy-server-cert 'rsa-cert.pem ' rsa-key.pem (pftls checks what"
                + " main.cf will name)", fresh, List.of("deploy-server-cert", "rsa-cert.pem ", "rsa-key.pem"),
                checksWhatIsDeployed()));
        return s;
    }

    /** The script fails on the name as typed; pftls checks and deploys the name as main.cf holds it. */
    private static Expectation checksWhatIsDeployed() {
        return (script, pftls) -> assertAll(
                () -> assertEquals(1, script.status(), "postfix tls checks the name with its blank\n"
                        + script.describe()),
                () -> assertEquals(0, pftls.status(), pftls.describe()),
                () -> assertTrue(pftls.postconf().contains("smtpd_tls_cert_file = DIR/rsa-cert.pem"),
                        pftls.postconf().toString()),
                () -> assertTrue(pftls.messages().stream().anyMatch(m -> m.startsWith("warning: main.cf gets"
                        + " smtpd_tls_cert_file = DIR/rsa-cert.pem, which Postfix reads as the file DIR/rsa-cert.pem;"
                        + " that is the file pftls checked")), pftls.messages().toString()));
    }

    private static Scenario refused(String file, String... args) {
        return new Scenario(Scenarios.shortName(file) + ": " + String.join(" ", args) + " (pftls refuses)", file,
                List.of(args), Expectations.pftlsRefuses());
    }

    /** Both fail; the script has printed part of the RRset on stdout, pftls nothing; all else the same. */
    static Expectation tlsaOnlyWhenEveryKeyIsReadable() {
        return (script, pftls) -> {
            assertAll(
                    () -> assertEquals(1, script.status(), "postfix tls fails"),
                    () -> assertTrue(script.stdout().startsWith("; "), "postfix tls printed part of the records: "
                            + script.stdout()),
                    () -> assertEquals("", pftls.stdout(), "pftls prints no partial RRset"));
            Expectations.same().check(script.withStdout(""), pftls);
        };
    }

    /** The same, but pftls also prints this warning. */
    static Expectation sameButPftlsWarns(String warning) {
        return (script, pftls) -> {
            List<String> messages = new ArrayList<>(pftls.messages());
            assertTrue(messages.remove(warning), "pftls warns: " + warning + "\n" + pftls.messages());
            Expectations.same().check(script, pftls.withMessages(messages));
        };
    }

    private static Expectation combinedKeyTlsa() {
        return (script, pftls) -> assertAll(
                () -> assertEquals(1, script.status(), "postfix tls sees no key"),
                () -> assertTrue(script.messages().contains("fatal: No usable keyfiles specified or configured"),
                        script.messages().toString()),
                () -> assertEquals(0, pftls.status(), "pftls finds the key\n" + pftls.describe()),
                () -> assertTrue(pftls.stdout().startsWith("; DIR/combined.pem\n_25._tcp.combined.example.org. IN"
                        + " TLSA 3 1 1 "), pftls.stdout()),
                () -> assertTrue(pftls.stdout().contains(Observer.TLSA_VERIFIED), pftls.stdout()));
    }

    private static Expectation combinedKeyCsr() {
        return (script, pftls) -> assertAll(
                () -> assertEquals(1, script.status(), "postfix tls sees no key"),
                () -> assertTrue(script.messages().contains("fatal: No usable keyfile specified or configured"),
                        script.messages().toString()),
                () -> assertEquals(0, pftls.status(), "pftls finds the key\n" + pftls.describe()),
                () -> assertTrue(pftls.stdout().contains("public key: fixture rsa-key.pem"), pftls.stdout()),
                () -> assertTrue(pftls.stdout().contains("DNS:combined.example.org"), pftls.stdout()),
                () -> assertTrue(pftls.stdout().contains("openssl exit status 0"), pftls.stdout()));
    }

    /** The script makes a new key; pftls copies the deployed one (and so leaves out the DNS advice). */
    private static Expectation combinedKeyNewCert() {
        return (script, pftls) -> {
            List<String> scriptWithoutDns = new ArrayList<>(script.infoAndWarnings());
            assertAll(
                    () -> assertEquals(0, script.status()),
                    () -> assertEquals(0, pftls.status()),
                    () -> assertEquals(script.newFiles(), pftls.newFiles()),
                    () -> assertFalse(script.properties().get("key-STAMP.pem").toString().contains("copy of fixture"),
                            "postfix tls makes a new key"),
                    () -> assertTrue(pftls.properties().get("key-STAMP.pem").contains("public key: fixture rsa-key.pem"),
                            "pftls copies the deployed key: " + pftls.properties()),
                    () -> assertTrue(scriptWithoutDns.remove(DANE_DNS_LINE)),
                    () -> assertEquals(scriptWithoutDns, pftls.infoAndWarnings()),
                    () -> assertEquals(script.postconf(), pftls.postconf()));
        };
    }

    /**
     * The script's main.cf has the first appended setting glued to the last line; pftls's has it on
     * a line of its own. With that repaired, everything is the same.
     */
    static Expectation missingFinalNewlineRepaired() {
        return (script, pftls) -> {
            List<String> postconf = unglue(script.postconf());
            List<String> lines = unglue(script.mainCfLines());
            assertTrue(postconf.size() > script.postconf().size(), "postfix tls glued a setting to the last line: "
                    + script.postconf());
            List<String> pftlsPostconf = new ArrayList<>(pftls.postconf());
            pftlsPostconf.sort(null);
            Expectations.same().check(script.withMainCf(postconf, lines),
                    pftls.withMainCf(pftlsPostconf, pftls.mainCfLines()));
        };
    }

    private static List<String> unglue(List<String> lines) {
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(NO_FINAL_NEWLINE_LAST_LINE) && !line.equals(NO_FINAL_NEWLINE_LAST_LINE)) {
                result.add(NO_FINAL_NEWLINE_LAST_LINE);
                result.add(line.substring(NO_FINAL_NEWLINE_LAST_LINE.length()));
            } else {
                result.add(line);
            }
        }
        result.sort(null);
        return result;
    }
}
