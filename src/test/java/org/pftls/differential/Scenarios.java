package org.pftls.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The differential scenarios for one Postfix version: every subcommand on every main.cf of the
 * matrix (the three samples, the harder corpus in {@code differential/}, and some of the parser
 * corpus), then options, arguments and error cases on chosen files, then the documented
 * differences, some of which depend on the version ({@link KnownDifferences}).
 *
 * <p>To add a scenario that runs on every version: a main.cf under {@code src/test/resources}
 * ({@code @DIR@} for the instance's directory; /etc/ paths are pointed into it) added to
 * {@link #MATRIX} (all nine subcommands), or one {@code same(file, args...)} line in
 * {@link #options}; a deliberate difference goes into {@link KnownDifferences} (and README
 * "Differences from postfix tls"); a difference between Postfix versions is decided there from
 * {@link PostfixUnderTest}. Extra files a copy needs go into {@link Scenario#setUp}.
 */
final class Scenarios {
    /**
     * The nine subcommands, with the arguments the matrix gives them (new-server-key makes an ECDSA
     * key here: RSA key generation is the costliest step of all, and the default RSA case of
     * new-server-key is covered by {@link #options()}).
     */
    static final List<List<String>> SUBCOMMANDS = List.of(
            List.of("all-default-client"),
            List.of("all-default-server"),
            List.of("enable-client"),
            List.of("enable-server"),
            List.of("new-server-key", "-a", "ecdsa"),
            List.of("new-server-cert"),
            List.of("deploy-server-cert", "rsa-cert.pem", "rsa-key.pem"),
            List.of("output-server-csr"),
            List.of("output-server-tlsa"));

    static final List<String> MATRIX = List.of(
            "samples/debian-fresh.cf",
            "samples/debian-snakeoil.cf",
            "samples/legacy-client.cf",
            "differential/odd-layout.cf",
            "differential/duplicates.cf",
            "differential/continuation.cf",
            "differential/crlf.cf",
            "differential/dollar-names.cf",
            "differential/config-dir-refs.cf",
            "differential/legacy-server.cf",
            "differential/legacy-both.cf",
            "differential/no-myhostname.cf",
            "differential/mydomain-only.cf",
            "differential/myhostname-file.cf",
            "differential/empty-values.cf",
            "differential/security-none.cf",
            "differential/already-enabled.cf",
            "differential/ecdsa-only.cf",
            "differential/missing-key.cf",
            "differential/random-source.cf",
            "differential/traditional-key.cf",
            "differential/syslog-name.cf",
            "differential/chain-files.cf",
            "differential/dcert.cf",
            "differential/combined-key.cf",
            "differential/no-final-newline.cf",
            "differential/whitespace-values.cf",
            "differential/client-cert.cf",
            "differential/compat-311.cf",
            "differential/cache-db-type.cf",
            "corpus/dollar-refs.cf",
            "corpus/key-edge.cf",
            "corpus/crlf-mixed.cf",
            "corpus/legacy-use-tls.cf",
            "corpus/myhostname-from-mydomain.cf",
            "corpus/missing-equals.cf");

    private Scenarios() {
    }

    static List<Scenario> all(PostfixUnderTest postfix) {
        Map<String, Expectation> known = KnownDifferences.inMatrix(postfix);
        List<Scenario> list = new ArrayList<>();
        for (String file : MATRIX) {
            for (List<String> args : SUBCOMMANDS) {
                String name = shortName(file) + ": " + String.join(" ", args);
                list.add(new Scenario(name, file, args, known.getOrDefault(name, Improvements.expect(args))));
            }
        }
        list.addAll(options());
        list.addAll(KnownDifferences.extra());
        list.addAll(snakeoilPresent());
        return list.stream().map(Scenarios::deployWarnings).toList();
    }

    /** Every deploy-server-cert scenario: pftls's chain-check warnings are a known difference. */
    private static Scenario deployWarnings(Scenario s) {
        if (s.args().isEmpty() || !s.args().get(0).equals("deploy-server-cert")) {
            return s;
        }
        return new Scenario(s.name(), s.mainCf(), s.args(), KnownDifferences.withChainWarnings(s.expectation()),
                s.setUp());
    }

    static String shortName(String file) {
        return file.substring(file.indexOf('/') + 1);
    }

    /** Options, arguments and errors, each on a file where it matters. */
    private static List<Scenario> options() {
        String fresh = "samples/debian-fresh.cf";
        String enabled = "differential/already-enabled.cf";
        String ecdsaOnly = "differential/ecdsa-only.cf";
        String missing = "differential/missing-key.cf";
        String random = "differential/random-source.cf";
        String trad = "differential/traditional-key.cf";
        List<Scenario> s = new ArrayList<>();
        // enable-client: -r variants and bad use
        s.add(same(fresh, "enable-client", "-r", "dev:/dev/urandom"));
        s.add(same(fresh, "enable-client", "-r", "dev:/dev/random"));
        s.add(same(fresh, "enable-client", "-r", "egd:/var/run/egd-pool"));
        s.add(same(random, "enable-client", "-r", "dev:/dev/urandom"));
        s.add(same(fresh, "enable-client", "extra"));
        s.add(same(fresh, "enable-client", "-r"));
        s.add(same(fresh, "enable-client", "-x"));
        // enable-server: algorithms, curves, names, -r
        s.add(same(fresh, "enable-server", "-a", "ecdsa"));
        s.add(same(fresh, "enable-server", "-a", "ecdsa", "-b", "secp384r1"));
        s.add(same(fresh, "enable-server", "-a", "ecdsa", "-b", "secp521r1", "a.example", "b.example"));
        s.add(same(fresh, "enable-server", "-r", "dev:/dev/random", "-a", "rsa", "-b", "2048", "h1.example",
                "h2.example", "h3.example"));
        s.add(same(random, "enable-server", "-r", "egd:/var/run/egd-pool"));
        s.add(same(fresh, "enable-server", "-a", "dsa"));
        s.add(same(fresh, "enable-server", "-x"));
        // new-server-key
        s.add(same(fresh, "new-server-key"));
        s.add(same("differential/no-myhostname.cf", "new-server-key"));
        s.add(same("differential/dollar-names.cf", "new-server-key"));
        s.add(same(fresh, "new-server-key", "-a", "ecdsa", "-b", "secp521r1"));
        s.add(same(fresh, "new-server-key", "-a", "rsa", "-b", "2048", "a.example", "b.example", "c.example"));
        s.add(same(fresh, "new-server-key", "-a", "ecdsa", "mx1.example", "mx2.example"));
        s.add(same(fresh, "new-server-key", "-a"));
        s.add(same(fresh, "new-server-key", "-r", "dev:/dev/urandom"));
        // new-server-cert: copying the deployed key of the algorithm, or not
        s.add(same(enabled, "new-server-cert", "-a", "ecdsa"));
        s.add(same(enabled, "new-server-cert", "-a", "ecdsa", "-b", "secp521r1", "new.example"));
        s.add(same(enabled, "new-server-cert", "-b", "4096", "renamed.example", "alias.example"));
        s.add(same(ecdsaOnly, "new-server-cert", "-a", "ecdsa"));
        s.add(same(missing, "new-server-cert", "-a", "ecdsa"));
        s.add(same(trad, "new-server-cert", "-a", "rsa"));
        // deploy-server-cert: relative and absolute names, chains, mismatches, bad files
        s.add(same(fresh, "deploy-server-cert", "@DIR@/ec-cert.pem", "@DIR@/ec-key.pem"));
        s.add(same(fresh, "deploy-server-cert", "trad-cert.pem", "@DIR@/trad-key.pem"));
        s.add(same(fresh, "deploy-server-cert", "chain-cert.pem", "chain-key.pem"));
        s.add(same(fresh, "deploy-server-cert", "combined.pem", "combined.pem"));
        s.add(new Scenario(shortName(enabled) + ": deploy-server-cert ec-cert.pem ec-key.pem", enabled,
                List.of("deploy-server-cert", "ec-cert.pem", "ec-key.pem"), KnownDifferences.alreadyDeployed("ec")));
        s.add(same(fresh, "deploy-server-cert", "reversed-chain.pem", "chain-key.pem"));
        s.add(same(fresh, "deploy-server-cert", "rsa-cert.pem", "other-key.pem"));
        s.add(same(fresh, "deploy-server-cert", "rsa-cert.pem", "ec-key.pem"));
        s.add(same(fresh, "deploy-server-cert", "enc-cert.pem", "enc-key.pem"));
        s.add(same(fresh, "deploy-server-cert", "no-such-cert.pem", "rsa-key.pem"));
        s.add(same(fresh, "deploy-server-cert", "rsa-cert.pem", "no-such-key.pem"));
        s.add(same(fresh, "deploy-server-cert", "rsa-cert.pem"));
        s.add(same(fresh, "deploy-server-cert", "rsa-cert.pem", "rsa-key.pem", "extra"));
        // output-server-csr: -k forms and host names
        s.add(same(enabled, "output-server-csr", "-k", "rsa"));
        s.add(same(enabled, "output-server-csr", "-k", "ecdsa"));
        s.add(same(enabled, "output-server-csr", "-k", "none"));
        s.add(same(enabled, "output-server-csr", "-k", "rsa-key.pem", "a.example", "b.example"));
        s.add(same(enabled, "output-server-csr", "-k", "@DIR@/ec-key.pem", "only.example"));
        s.add(same(fresh, "output-server-csr", "-k", "trad-key.pem"));
        s.add(same(fresh, "output-server-csr", "-k", "no-such-key.pem"));
        s.add(same(ecdsaOnly, "output-server-csr", "-k", "rsa"));
        s.add(same(fresh, "output-server-csr", "-h", "x.example"));
        // output-server-tlsa: -h, algorithm names, files
        s.add(same(enabled, "output-server-tlsa", "-h", "other.example"));
        s.add(same(enabled, "output-server-tlsa", "rsa"));
        s.add(same(enabled, "output-server-tlsa", "ecdsa", "rsa"));
        s.add(same(enabled, "output-server-tlsa", "none"));
        s.add(same(fresh, "output-server-tlsa", "-h", "mx.example", "rsa-key.pem", "@DIR@/ec-key.pem",
                "trad-key.pem"));
        s.add(same(ecdsaOnly, "output-server-tlsa", "rsa"));
        s.add(same(fresh, "output-server-tlsa", "-k", "rsa"));
        // all-default-*, unknown subcommands
        s.add(same(fresh, "all-default-client", "extra"));
        s.add(same(fresh, "all-default-server", "-x"));
        s.add(same(fresh, "frobnicate"));
        s.add(same(fresh, "ENABLE-CLIENT"));
        return s;
    }

    /**
     * Debian's snakeoil main.cf on a machine where the ssl-cert package made its key and certificate
     * (in the copy's DIR/etc/ssl, as ssl-cert makes them: key 0640, certificate 0644; the matrix runs
     * the same main.cf without them).
     */
    private static List<Scenario> snakeoilPresent() {
        List<Scenario> s = new ArrayList<>();
        for (List<String> args : SUBCOMMANDS) {
            s.add(new Scenario("debian-snakeoil.cf with the ssl-cert files: " + String.join(" ", args),
                    "samples/debian-snakeoil.cf", args, Improvements.expect(args), Fixtures::snakeoil));
        }
        return s;
    }

    static Scenario same(String file, String... args) {
        return new Scenario(shortName(file) + ": " + String.join(" ", args), file, List.of(args),
                Improvements.expect(List.of(args)));
    }
}
