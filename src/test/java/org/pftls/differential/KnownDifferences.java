package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pftls.engine.dane.RolloverAdvice;

/**
 * The documented differences from {@code postfix tls} (README "Differences from postfix tls"),
 * each tested as what it is rather than as equality.
 */
final class KnownDifferences {
    private static final String NO_FINAL_NEWLINE_LAST_LINE = "relayhost = [smtp.example.org]:587";
    private static final String DANE_DNS_LINE = "(deploy after updating the DNS and waiting for stale RRs to expire).";

    private KnownDifferences() {
    }

    /** Matrix scenarios (by name) whose expectation on this Postfix version is a known difference. */
    static Map<String, Expectation> inMatrix(PostfixUnderTest postfix) {
        Map<String, Expectation> m = new HashMap<>();
        // A deployed key file that cannot be read: the script prints "; keyfile" (and the records
        // before it) and then fails; pftls reads every key first and prints nothing.
        for (String file : List.of("debian-snakeoil.cf", "missing-key.cf", "dollar-refs.cf", "key-edge.cf",
                "legacy-use-tls.cf")) {
            m.put(file + ": output-server-tlsa", tlsaOnlyWhenEveryKeyIsReadable());
        }
        // The key in the combined file that smtpd_tls_key_file defaults to: pftls finds it.
        m.put("combined-key.cf: output-server-tlsa", combinedKeyTlsa("combined.example.org"));
        m.put("combined-key.cf: output-server-csr", combinedKeyCsr("combined.example.org"));
        m.put("combined-key.cf: new-server-cert", combinedKeyNewCert());
        // smtpd_tls_chain_files (not in the script's list): smtpd uses it and ignores the legacy
        // parameters; pftls reads and writes it (the script writes parameters smtpd ignores).
        m.put("chain-files.cf: all-default-server", chainFilesNotAllDefault());
        m.put("chain-files.cf: enable-server", chainFilesEnableServerRefused());
        m.put("chain-files.cf: deploy-server-cert rsa-cert.pem rsa-key.pem", chainFilesDeploy());
        m.put("chain-files.cf: output-server-tlsa", combinedKeyTlsa("chain.example.org"));
        m.put("chain-files.cf: output-server-csr", combinedKeyCsr("chain.example.org"));
        m.put("chain-files.cf: new-server-cert", combinedKeyNewCert());
        // A certificate file set, the key file left at its default: pftls looks at the key file smtpd
        // would use ($smtpd_tls_cert_file, here a missing file) and warns that it is not there.
        m.put("crlf-mixed.cf: new-server-cert", sameButPftlsWarns(
                "warning: Key file: /c.pem /cont.pem not found, creating new keys"));
        // Deploying the pair main.cf already deploys: the script rewrites main.cf unchanged and says
        // "deployed"; pftls writes nothing and says the pair is already deployed.
        m.put("already-enabled.cf: deploy-server-cert rsa-cert.pem rsa-key.pem", alreadyDeployed("rsa"));
        m.put("legacy-server.cf: deploy-server-cert rsa-cert.pem rsa-key.pem", alreadyDeployed("rsa"));
        // postfix 3.7.11 glues appended settings to a last line without newline; pftls adds the newline.
        // postconf -e before 3.7.15/3.8.10/3.9.4/3.10.2 glues appended settings to a last line without
        // newline; pftls adds the newline (as later versions do: the same result there).
        if (postfix.gluesToMissingFinalNewline()) {
            for (String sub : List.of("enable-client", "enable-server", "deploy-server-cert rsa-cert.pem rsa-key.pem")) {
                m.put("no-final-newline.cf: " + sub, Improvements.around(List.of(sub.split(" ")),
                        missingFinalNewlineRepaired()));
            }
        }
        // From 3.11, main.cf's default_cache_db_type is the type of Postfix's caches: pftls uses it for the
        // TLS session cache; the script still takes lmdb when postconf -m lists it. Before 3.11: the same.
        if (postfix.hasDefaultCacheDbType()) {
            m.put("cache-db-type.cf: enable-client", defaultCacheDbTypeFollowed());
        }
        // dollar-refs.cf compares compatibility levels (<level): Postfix before 3.6 cannot read it (its
        // postconf stops with "macro processing error" and the script goes on with empty answers).
        if (!postfix.parsed().atLeast(org.pftls.engine.version.PostfixVersion.of("3.6"))) {
            for (List<String> args : Scenarios.SUBCOMMANDS) {
                m.put("dollar-refs.cf: " + String.join(" ", args), pftlsRefusesWhatThisVersionCannotRead());
            }
        }
        return m;
    }

    /**
     * deploy-server-cert: pftls checks the chain (README "Certificates from a CA") and warns where
     * the script says nothing. The fixtures are made for fixture.example, which is never
     * myhostname, so every successful deploy warns that the DNS names do not include myhostname,
     * and, where the other algorithm's deployed files stay in use, that they have a problem (the same
     * name mismatch, or a key file the sample names but does not have).
     * With those warnings (and only those) taken out, {@code then} holds.
     */
    static Expectation withChainWarnings(Expectation then) {
        return (script, pftls) -> {
            List<String> messages = new ArrayList<>(pftls.messages());
            List<String> nameWarnings = messages.stream().filter(KnownDifferences::nameMismatch).toList();
            messages.removeIf(m -> nameMismatch(m) || otherAlgorithmProblem(m));
            if (pftls.success()) {
                assertEquals(1, nameWarnings.size(), "pftls warns once that the fixture's DNS names do not include"
                        + " myhostname: " + pftls.messages());
            }
            then.check(script, pftls.withMessages(messages));
        };
    }

    private static boolean nameMismatch(String message) {
        return message.startsWith("warning: the DNS names of the certificate in ")
                && message.contains(" (fixture.example) do not include myhostname ");
    }

    /** The other algorithm's deployed fixture (or missing file) stays in use: its first problem, with the fix. */
    private static boolean otherAlgorithmProblem(String message) {
        return message.matches("warning: the (RSA|ECDSA) certificate \\S+ stays in use for clients that choose"
                + " (RSA|ECDSA), and it has a problem: .+ \\(or deploy an (RSA|ECDSA) certificate from your CA as"
                + " well\\)");
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
        s.add(new Scenario("already-enabled.cf: new-server-key (DANE rollover advice: current + next records)",
                "differential/already-enabled.cf", List.of("new-server-key"), rolloverAdvice()));
        // The chain check (README "Certificates from a CA"): the script deploys these.
        s.add(refused(fresh, "deploy-server-cert", "expired-cert.pem", "expired-key.pem"));
        s.add(refused(fresh, "deploy-server-cert", "weak-cert.pem", "weak-key.pem"));
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

    /**
     * new-server-key with a key deployed: after the script's messages, pftls shows the TLSA records of
     * the deployed key and of the new one side by side; everything else is the same.
     */
    static Expectation rolloverAdvice() {
        return (script, pftls) -> {
            List<String> m = pftls.messages();
            int at = m.indexOf(RolloverAdvice.FIRST_LINE);
            assertTrue(at >= 0, "pftls shows the rollover advice: " + m);
            List<String> block = m.subList(at + 1, m.size());
            String record = "  _25\\._tcp\\.enabled\\.example\\.org\\. IN TLSA 3 1 1 [0-9a-f]{64} ; ";
            assertEquals(4, block.size(), "current rsa, current ecdsa, next, and where to check: " + block);
            assertTrue(block.get(0).matches(record + "current rsa: .*rsa-key\\.pem"), block.get(0));
            assertTrue(block.get(1).matches(record + "current ecdsa: .*ec-key\\.pem"), block.get(1));
            assertTrue(block.get(2).matches(record + "next: DIR/key-STAMP\\.pem"), block.get(2));
            assertEquals(3, block.subList(0, 3).stream().map(l -> l.substring(0, l.indexOf(" ; "))).distinct().count(),
                    "three different keys: " + block);
            Expectations.same().check(script, pftls);
        };
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

    private static Expectation combinedKeyTlsa(String host) {
        return (script, pftls) -> assertAll(
                () -> assertEquals(1, script.status(), "postfix tls sees no key"),
                () -> assertTrue(script.messages().contains("fatal: No usable keyfiles specified or configured"),
                        script.messages().toString()),
                () -> assertEquals(0, pftls.status(), "pftls finds the key\n" + pftls.describe()),
                () -> assertTrue(pftls.stdout().startsWith("; DIR/combined.pem\n_25._tcp." + host + ". IN"
                        + " TLSA 3 1 1 "), pftls.stdout()),
                () -> assertTrue(pftls.stdout().contains(Observer.TLSA_VERIFIED), pftls.stdout()));
    }

    private static Expectation combinedKeyCsr(String host) {
        return (script, pftls) -> assertAll(
                () -> assertEquals(1, script.status(), "postfix tls sees no key"),
                () -> assertTrue(script.messages().contains("fatal: No usable keyfile specified or configured"),
                        script.messages().toString()),
                () -> assertEquals(0, pftls.status(), "pftls finds the key\n" + pftls.describe()),
                () -> assertTrue(pftls.stdout().contains("public key: fixture rsa-key.pem"), pftls.stdout()),
                () -> assertTrue(pftls.stdout().contains("DNS:" + host), pftls.stdout()),
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

    /** all-default-server: the script says yes (it does not look at smtpd_tls_chain_files); pftls says no. */
    private static Expectation chainFilesNotAllDefault() {
        return (script, pftls) -> assertAll(
                () -> assertEquals(0, script.status()),
                () -> assertEquals(1, pftls.status(), "smtpd_tls_chain_files is a server TLS setting"),
                () -> assertEquals(List.of(), pftls.messages()),
                () -> assertEquals(List.of(), pftls.changedFiles()));
    }

    /** enable-server: the script writes parameters smtpd ignores; pftls changes nothing and says why. */
    private static Expectation chainFilesEnableServerRefused() {
        return (script, pftls) -> {
            List<String> expected = new ArrayList<>(List.of(
                    "*** Non-default SMTP server TLS settings detected, no changes made."));
            assertAll(
                    () -> assertEquals(0, script.status()),
                    () -> assertTrue(script.postconf().contains("smtpd_tls_security_level = may"), "the script enables"),
                    () -> assertEquals(0, pftls.status()),
                    () -> assertEquals(List.of(), pftls.changedFiles()),
                    () -> assertEquals(java.util.Map.of(), pftls.newFiles()),
                    () -> assertEquals(expected.get(0), pftls.messages().get(0)),
                    () -> assertTrue(pftls.messages().contains("smtpd_tls_chain_files is set: the smtpd_tls_cert_file"
                            + " and smtpd_tls_key_file that enable-server writes would be ignored."), pftls.messages()
                            .toString()),
                    () -> assertEquals(Improvements.MERGE_HINT_SERVER, pftls.messages().subList(
                            pftls.messages().size() - 2, pftls.messages().size())));
        };
    }

    /** deploy-server-cert of the deployed pair: the same main.cf either way; pftls writes nothing and says so. */
    static Expectation alreadyDeployed(String prefix) {
        return (script, pftls) -> assertAll(
                () -> assertEquals(0, script.status()),
                () -> assertEquals(0, pftls.status(), pftls.describe()),
                () -> assertEquals(script.postconf(), pftls.postconf()),
                () -> assertEquals(script.mainCfLines(), pftls.mainCfLines()),
                () -> assertEquals(script.newFiles(), pftls.newFiles()),
                () -> assertEquals(List.of(), pftls.changedFiles(), "pftls wrote nothing"),
                () -> assertTrue(script.messages().contains("New TLS private key and certificate deployed."),
                        script.messages().toString()),
                () -> assertEquals(List.of("The certificate in DIR/" + prefix + "-cert.pem and the key in DIR/" + prefix
                        + "-key.pem are already deployed; main.cf is unchanged.", "If their content changed, run the command:",
                        "  # postfix reload", "for the new content to take effect."), pftls.messages()));
    }

    /** deploy: the script sets the ignored legacy parameters; pftls replaces the RSA entry of smtpd_tls_chain_files. */
    private static Expectation chainFilesDeploy() {
        return (script, pftls) -> assertAll(
                () -> assertEquals(0, script.status()),
                () -> assertTrue(script.postconf().contains("smtpd_tls_key_file = DIR/rsa-key.pem")),
                () -> assertEquals(0, pftls.status(), pftls.describe()),
                () -> assertTrue(pftls.postconf().contains("smtpd_tls_chain_files = DIR/rsa-key.pem, DIR/rsa-cert.pem"),
                        pftls.postconf().toString()),
                () -> assertTrue(pftls.postconf().contains(Improvements.LEVEL_MAY), pftls.postconf().toString()),
                () -> assertTrue(pftls.postconf().stream().noneMatch(l -> l.startsWith("smtpd_tls_key_file")),
                        "the legacy parameters are left alone: " + pftls.postconf()));
    }

    /**
     * A main.cf this Postfix cannot read (newer syntax): pftls refuses it with one fatal line naming
     * the version and changes nothing, whatever the script makes of it.
     */
    static Expectation pftlsRefusesWhatThisVersionCannotRead() {
        return (script, pftls) -> assertAll(
                () -> assertEquals(1, pftls.status(), "pftls refuses it\n" + pftls.describe()),
                () -> assertEquals(List.of(), pftls.messages().stream().filter(m -> !m.startsWith("fatal: ")).toList()),
                () -> assertEquals(1, pftls.messages().size(), pftls.messages().toString()),
                () -> assertTrue(pftls.messages().get(0).contains(" does not support (it came with Postfix 3.6)"),
                        pftls.messages().toString()),
                () -> assertEquals(java.util.Map.of(), pftls.newFiles(), "pftls created no file"),
                () -> assertEquals(List.of(), pftls.changedFiles(), "pftls changed no file"),
                () -> assertEquals("", pftls.stdout()));
    }

    /**
     * The script sets up an lmdb session cache, pftls a btree one as default_cache_db_type says;
     * with that line alike, everything is the same.
     */
    static Expectation defaultCacheDbTypeFollowed() {
        return (script, pftls) -> {
            assertTrue(script.postconf().stream().anyMatch(l -> l.startsWith("smtp_tls_session_cache_database = lmdb:")),
                    "postfix tls takes lmdb: " + script.postconf());
            assertTrue(pftls.postconf().stream().anyMatch(l -> l.startsWith("smtp_tls_session_cache_database = btree:")),
                    "pftls takes default_cache_db_type: " + pftls.postconf());
            Expectations.same().check(script, pftls.withMainCf(
                    pftls.postconf().stream().map(l -> l.replace("= btree:", "= lmdb:")).toList(),
                    pftls.mainCfLines().stream().map(l -> l.replace("= btree:", "= lmdb:")).toList()));
        };
    }
}
