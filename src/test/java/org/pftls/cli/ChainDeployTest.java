package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.ChainVerdict;
import org.pftls.engine.check.Finding;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.ports.PostfixControl;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.tls.DeployCheck;
import org.pftls.engine.tls.Instance;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;
import org.pftls.testing.TestPki;
import org.pftls.testing.TestPki.Issued;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.Task;
import org.pftls.ui.flow.WizardModel;

/**
 * deploy-server-cert on CA-issued chains made by openssl at run time (validity relative to the
 * sandbox's clock): each case asserts the exit status, the one line that names the problem (or the
 * warnings), that nothing changed on a refusal, and that the wizard's model (both wizards render
 * it) gives the same verdict: the same findings for the pair, and a refusal with one of them in
 * its Files step or when it prepares the deploy.
 */
class ChainDeployTest {
    private static final String HOST = "mail.example.org";
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static TestPki pki;

    @BeforeAll
    static void ca() {
        pki = TestPki.create(shared.resolve("pki"), Sandbox.NOW);
    }

    /** The files a case deploys (names relative to the configuration directory), and how the file store reports them. */
    record Deploy(String cert, String key, UnaryOperator<FileStore> files) {
        Deploy(String cert, String key) {
            this(cert, key, f -> f);
        }
    }

    interface Setup {
        Deploy prepare(Sandbox s) throws IOException;
    }

    static Arguments refused(String name, String code, String fragment, Setup setup) {
        return Arguments.of(name, setup, false, 1, code, fragment, List.of());
    }

    static Arguments deployed(String name, List<String> warnings, Setup setup) {
        return Arguments.of(name, setup, false, 0, "", "", warnings);
    }

    static Arguments forced(String name, List<String> warnings, Setup setup) {
        return Arguments.of(name, setup, true, 0, "", "", warnings);
    }

    /** Copies PEM files (concatenated) into the sandbox under {@code name}, with {@code mode}. */
    static String put(Sandbox s, String name, String mode, Path... parts) throws IOException {
        Path target = s.dir().resolve(name);
        TestPki.concat(target, parts);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(mode));
        return name;
    }

    static Setup chain(Issued leaf, Path... issuers) {
        return s -> {
            List<Path> parts = new ArrayList<>(List.of(leaf.cert()));
            parts.addAll(List.of(issuers));
            return new Deploy(put(s, "chain.pem", "rw-r--r--", parts.toArray(Path[]::new)),
                    put(s, "chain.key", "rw-------", leaf.key()));
        };
    }

    static Stream<Arguments> cases() {
        Path inter = pki.intermediate().cert();
        Issued good = pki.goodLeaf("good", HOST, "mx.example.org");
        Issued expired = pki.leaf("expired", pki.intermediate(), "ec", Duration.ofDays(-100), Duration.ofDays(-3), HOST);
        Issued future = pki.leaf("future", pki.intermediate(), "ec", Duration.ofDays(4), Duration.ofDays(94), HOST);
        Issued oldCa = pki.ca("old-ca", "Old Intermediate CA", pki.root(), Duration.ofDays(-500), Duration.ofDays(-2));
        Issued underOld = pki.leaf("under-old", oldCa, "ec", Duration.ofDays(-9), Duration.ofDays(80), HOST);
        Issued newCa = pki.ca("new-ca", "New Intermediate CA", pki.root(), Duration.ofDays(2), Duration.ofDays(500));
        Issued underNew = pki.leaf("under-new", newCa, "ec", Duration.ofDays(-9), Duration.ofDays(80), HOST);
        Issued foreign = pki.goodLeaf("foreign", "other.example");
        Issued weak = pki.leaf("weak", pki.intermediate(), "rsa1024", DAY.negated(), Duration.ofDays(90), HOST);
        Issued rsa = pki.leaf("rsa", pki.intermediate(), "rsa2048", DAY.negated(), Duration.ofDays(90), HOST);
        Issued impostor = pki.ca("impostor", "Test Intermediate CA", pki.root(), Duration.ofDays(-9),
                Duration.ofDays(90));
        Issued otherCa = pki.ca("other-ca", "Other CA", null, Duration.ofDays(-9), Duration.ofDays(90));
        Issued snakeoil = pki.selfSigned("snakeoil", "rsa2048", Duration.ofDays(-30), Duration.ofDays(3000), "vm");
        Path stray = pki.key("stray", "ec");
        return Stream.of(
                deployed("good fullchain", List.of(), chain(good, inter)),
                deployed("good RSA fullchain", List.of(), chain(rsa, inter)),
                deployed("leaf only (certbot's cert.pem)", List.of("intermediate-missing"), chain(good)),
                refused("wrong order", "chain-wrong-order", "are in the wrong order: certificate 2 (CN=" + HOST
                        + ") did not issue certificate 1 (CN=Test Intermediate CA)", s -> new Deploy(put(s, "chain.pem", "rw-r--r--", inter,
                        good.cert()), put(s, "chain.key", "rw-------", good.key()))),
                refused("expired leaf", "cert-expired", "expired on " + Sandbox.NOW.minus(Duration.ofDays(3))
                        + "; renew it with your CA and deploy the renewed certificate, or deploy it anyway with"
                        + " --force", chain(expired, inter)),
                forced("expired leaf with --force", List.of("cert-expired"), chain(expired, inter)),
                refused("leaf not yet valid", "cert-not-yet-valid", "is not valid before "
                        + Sandbox.NOW.plus(Duration.ofDays(4)), chain(future, inter)),
                forced("leaf not yet valid with --force", List.of("cert-not-yet-valid"), chain(future, inter)),
                refused("expired intermediate", "cert-expired", "the intermediate certificate 2 in ",
                        chain(underOld, oldCa.cert())),
                refused("intermediate not yet valid", "cert-not-yet-valid", "(CN=New Intermediate CA) is not valid"
                        + " before", chain(underNew, newCa.cert())),
                deployed("foreign names", List.of("name-mismatch"), chain(foreign, inter)),
                refused("RSA 1024", "key-too-weak", "has an RSA key of only 1024 bits", chain(weak, inter)),
                refused("mismatched key", "key-mismatch", "(SHA-256 of the certificate's public key: ",
                        s -> new Deploy(put(s, "chain.pem", "rw-r--r--", good.cert(), inter),
                                put(s, "chain.key", "rw-------", stray))),
                refused("mismatched key and expired: the mismatch is named, --force or not", "key-mismatch",
                        "does not match key in", s -> new Deploy(put(s, "chain.pem", "rw-r--r--", expired.cert(),
                                inter), put(s, "chain.key", "rw-------", stray))),
                refused("foreign CA certificate after the leaf", "chain-broken", "(CN=Other CA) did not issue"
                        + " certificate 1", chain(good, otherCa.cert())),
                refused("intermediate with the right name but another key", "chain-bad-signature",
                        "is not signed by certificate 2 (CN=Test Intermediate CA)", chain(good, impostor.cert())),
                refused("world-readable key", "key-readable", "is readable by group or others (mode 0644); fix:"
                        + " chmod 600 ", s -> new Deploy(put(s, "chain.pem", "rw-r--r--", good.cert(), inter),
                        put(s, "chain.key", "rw-r--r--", good.key()))),
                refused("group-readable key, group not ssl-cert", "key-readable", "(mode 0640); fix: chmod 600",
                        s -> new Deploy(put(s, "chain.pem", "rw-r--r--", good.cert(), inter),
                                put(s, "chain.key", "rw-r-----", good.key()))),
                deployed("ssl-cert group key 0640 (Debian's convention)", List.of(),
                        s -> new Deploy(put(s, "chain.pem", "rw-r--r--", good.cert(), inter),
                                put(s, "chain.key", "rw-r-----", good.key()),
                                files -> groupOf(files, s.dir().resolve("chain.key"), "ssl-cert"))),
                deployed("key first in one file with the chain", List.of(), s -> {
                    String combined = put(s, "combined.pem", "rw-------", good.key(), good.cert(), inter);
                    return new Deploy(combined, combined);
                }),
                refused("combined file readable by others", "key-readable", "(mode 0644)", s -> {
                    String combined = put(s, "combined.pem", "rw-r--r--", good.key(), good.cert(), inter);
                    return new Deploy(combined, combined);
                }),
                deployed("certbot's live/ links to archive/", List.of(), s -> certbotLayout(s, good)),
                deployed("ECDSA chain while the snakeoil RSA certificate for CN=vm stays in use",
                        List.of("other-algorithm-problem"), s -> {
                            String cert = put(s, "snakeoil.pem", "rw-r--r--", snakeoil.cert());
                            String key = put(s, "snakeoil.key", "rw-------", snakeoil.key());
                            Files.writeString(s.mainCf(), "smtpd_tls_cert_file = " + s.dir().resolve(cert)
                                    + "\nsmtpd_tls_key_file = " + s.dir().resolve(key) + "\n",
                                    java.nio.file.StandardOpenOption.APPEND);
                            return chain(good, inter).prepare(s);
                        }));
    }

    /** certbot's layout: live/NAME/*.pem are relative symbolic links to archive/NAME/*1.pem. */
    static Deploy certbotLayout(Sandbox s, Issued leaf) throws IOException {
        Path archive = Files.createDirectories(s.dir().resolve("le/archive/mx"));
        Path live = Files.createDirectories(s.dir().resolve("le/live/mx"));
        TestPki.concat(archive.resolve("cert1.pem"), leaf.cert());
        TestPki.concat(archive.resolve("chain1.pem"), pki.intermediate().cert());
        TestPki.concat(archive.resolve("fullchain1.pem"), leaf.cert(), pki.intermediate().cert());
        TestPki.concat(archive.resolve("privkey1.pem"), leaf.key());
        Files.setPosixFilePermissions(archive.resolve("privkey1.pem"), PosixFilePermissions.fromString("rw-------"));
        for (String name : List.of("cert", "chain", "fullchain", "privkey")) {
            Files.createSymbolicLink(live.resolve(name + ".pem"), Path.of("../../archive/mx/" + name + "1.pem"));
        }
        return new Deploy("le/live/mx/fullchain.pem", "le/live/mx/privkey.pem");
    }

    /** The file store, reporting {@code group} as the group of {@code file} (no group ssl-cert needed on this host). */
    static FileStore groupOf(FileStore real, Path file, String group) {
        return (FileStore) Proxy.newProxyInstance(FileStore.class.getClassLoader(), new Class<?>[] {FileStore.class},
                (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(real, args);
                        if (method.getName().equals("info") && file.equals(args[0])) {
                            FileStore.Info i = (FileStore.Info) result;
                            return new FileStore.Info(i.mode(), i.owner(), group, i.size(), i.regularFile());
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameVerdictOnTheCommandLineAndInTheWizard(String name, Setup setup, boolean force, int status, String code,
                                                   String fragment, List<String> warnings) throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Deploy d = setup.prepare(s);
        Ports base = s.ports();
        Ports ports = new Ports(d.files().apply(base.files()), base.postfix(), base.hostNames(), base.clock(),
                base.random());

        // The verdict: the engine's check as deploy-server-cert runs it, and the wizard model's.
        ChainVerdict engine = new DeployCheck(Instance.read(dir, ports)).check(d.cert(), d.key());
        WizardModel model = model(ports);
        ChainVerdict wizard = model.deployCheck(d.cert(), d.key());
        assertEquals(engine.findings(), wizard.findings(), "the wizard's verdict is the command line's");
        assertEquals(engine.chain(), wizard.chain());
        if (status == 1) {
            assertEquals(code, engine.firstProblem().orElseThrow().code(), engine.findings().toString());
        } else {
            List<String> found = new ArrayList<>(engine.findings().stream()
                    .filter(f -> f.severity() != org.pftls.engine.check.Severity.INFO).map(Finding::code).toList());
            assertEquals(warnings, found, engine.findings().toString());
        }

        Map<String, String> before = s.snapshot();
        List<String> args = new ArrayList<>(List.of("-c", dir.toString(), "deploy-server-cert"));
        if (force) {
            args.add("--force");
        }
        args.addAll(List.of(d.cert(), d.key()));
        Run r = run(ports, args.toArray(String[]::new));
        Optional<String> wizardRefusal = wizardRefusal(model, d);
        if (status == 1) {
            assertEquals(1, r.status(), r.err());
            assertEquals("pftls: fatal: " + engine.firstProblem().get().text() + "\n", r.err(), "one line");
            assertTrue(r.err().contains(fragment), "expected '" + fragment + "' in " + r.err());
            assertEquals("", r.out());
            assertEquals(before, s.snapshot(), "no file changed");
            assertTrue(wizardRefusal.isPresent(), "the wizard refuses it too");
            if (engine.problems().size() == 1) {
                assertEquals(engine.firstProblem().get().text(), wizardRefusal.get(), "the same words");
            } else {
                assertTrue(engine.problems().stream().map(Finding::text).toList().contains(wizardRefusal.get()),
                        "the wizard names one of the same problems: " + wizardRefusal.get());
            }
            return;
        }
        assertEquals(0, r.status(), r.err());
        List<String> expectedWarnings = engine.enforce(force).stream().map(w -> "pftls: warning: " + w).toList();
        List<String> lines = r.err().lines().toList();
        assertEquals(expectedWarnings, lines.subList(0, expectedWarnings.size()), r.err());
        for (Finding note : engine.notes()) {
            assertTrue(lines.contains("pftls: " + note.text()), "the note is printed: " + r.err());
        }
        assertTrue(s.mainCfText().contains(" = " + dir.resolve(d.cert()) + "\n"), "main.cf names the file as given: "
                + s.mainCfText());
        assertTrue(s.mainCfText().contains(" = " + dir.resolve(d.key()) + "\n"), s.mainCfText());
        if (force) {
            assertTrue(lines.get(0).startsWith("pftls: warning: --force: deploying despite: "), lines.get(0));
            assertTrue(wizardRefusal.isPresent(), "the wizard has no --force (yet): it refuses");
        } else {
            assertEquals(Optional.empty(), wizardRefusal, "the wizard accepts it too");
        }
    }

    /** The wizard's Files step (certificate, then key field), then its Generate step, as the Deploy task runs them. */
    private static Optional<String> wizardRefusal(WizardModel model, Deploy d) {
        Optional<String> field = model.fileProblem(d.cert(), false).or(() -> model.fileProblem(d.key(), true));
        if (field.isPresent()) {
            return field;
        }
        // The Generate step deploys through the same engine call as the command line (without --force).
        return model.deployCheck(d.cert(), d.key()).firstProblem().map(org.pftls.engine.check.Finding::text);
    }

    private WizardModel model(Ports ports) throws PftlsException {
        return org.pftls.testing.TestWizards.model(dir, ports, (level, text) -> { }, org.pftls.testing.TestWizards.NO_POSTFIX,
                false);
    }

    /** The command line in-process with these ports (as {@link Sandbox#runRaw}). */
    private static Run run(Ports ports, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext ctx = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), () -> ports);
        int status = new Cli(ctx).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void forceIsNotAcceptedWhereItDoesNotBelong() {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Run r = s.run("new-server-key", "--force");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("pftls: fatal: Unknown option: '--force'"), r.err());
        assertFalse(Files.exists(dir.resolve("key-20261125-120000.pem")));
    }
}
