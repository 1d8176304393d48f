package org.pftls.ui.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.plan.KeyCertificate;
import org.pftls.engine.ports.MessageSink;
import org.pftls.engine.ports.Ports;
import org.pftls.testing.Sandbox;
import org.pftls.testing.TestWizards;

/** The wizard flow without a front end: steps, choices, rules, and that its actions equal the command line's. */
class WizardFlowTest {
    @TempDir
    Path wizardDir;
    @TempDir
    Path cliDir;

    private final List<String> logged = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();

    private WizardModel model(Sandbox s) {
        Ports ports = s.ports();
        MessageSink sink = (level, text) -> logged.add(level + " " + text);
        return TestWizards.model(s.dir(), ports, sink, TestWizards.NO_POSTFIX, false);
    }

    private WizardFlow flow(Sandbox s) {
        return new WizardFlow(model(s), background::add);
    }

    /** Detect → Task (task) → Key (spec) → Host names; the key is started in the background. */
    private static void toHostNames(WizardFlow f, Task task, KeySpec spec) {
        f.next();
        f.answers().task(task);
        f.next();
        f.answers().keySpec(spec);
        f.next();
        assertEquals(StepKind.HOST_NAMES, f.current());
    }

    private static Prepared generate(WizardFlow f) throws Exception {
        f.next();
        assertEquals(StepKind.GENERATE, f.current());
        WizardFlow.Generation g = f.generate();
        Prepared p = g.work().call();
        assertTrue(f.generated(g.id(), p));
        assertEquals(StepKind.REVIEW, f.current());
        return p;
    }

    @Test
    void stepsAreDeclaredPerTask() {
        assertEquals(List.of(StepKind.DETECT, StepKind.TASK), WizardFlow.steps(null));
        assertEquals(8, WizardFlow.steps(Task.ENABLE_SERVER).size());
        assertFalse(WizardFlow.steps(Task.TLSA).contains(StepKind.CONFIRM), "output tasks change nothing");
        assertTrue(WizardFlow.steps(Task.DEPLOY).contains(StepKind.FILES));
    }

    @Test
    void tasksThatDoNotApplyAreExplained() throws Exception {
        Sandbox s = Sandbox.withSample(wizardDir, "debian-fresh.cf");
        WizardModel fresh = model(s);
        assertEquals(Task.ENABLE_SERVER, fresh.defaultTask());
        Option<Task> tlsa = fresh.taskOptions().get(Task.TLSA.ordinal());
        assertTrue(tlsa.unavailable().orElseThrow().contains("no server key is deployed"));
        Option<Task> newCert = fresh.taskOptions().get(Task.NEW_CERT.ordinal());
        assertTrue(newCert.unavailable().orElseThrow().startsWith("no server key is deployed, so there is no current"
                + " key to keep"), newCert.toString());
        s.run("enable-server");
        WizardModel enabled = model(s);
        Option<Task> enable = enabled.taskOptions().get(0);
        assertTrue(enable.available(), "enable-server merges on a configured instance");
        assertTrue(enabled.merges(Task.ENABLE_SERVER));
        assertTrue(enable.note().startsWith("Server TLS is configured already (smtpd_tls_security_level = may, "), enable.note());
        assertTrue(enable.note().contains("as enable-server --merge does; the Review lists every change with a check"
                + " box"), enable.note());
        assertTrue(enabled.taskOptions().get(Task.NEW_CERT.ordinal()).available());
        assertEquals(Task.ENABLE_CLIENT, enabled.defaultTask(), "the default is the first task that needs no merge");
    }

    @Test
    void keyChoicesDefaultToBothKeysAndHostNamesToMyhostname() throws Exception {
        WizardModel m = model(Sandbox.withSample(wizardDir, "debian-fresh.cf"));
        KeyChoice both = KeyChoice.of(KeySpec.defaultFor(KeyAlgorithm.RSA), KeySpec.defaultFor(KeyAlgorithm.ECDSA));
        assertEquals(both, m.keyOptions(Task.ENABLE_SERVER).get(0).value(), "RSA and ECDSA first");
        assertEquals("RSA 2048 and ECDSA secp256r1", m.keyOptions(Task.ENABLE_SERVER).get(0).label());
        assertEquals(both, m.defaultKeyChoice(Task.ENABLE_SERVER), "preselected, as the man page recommends");
        assertEquals(both, m.defaultKeyChoice(Task.NEW_KEY));
        assertEquals(KeyChoice.of(KeySpec.defaultFor(KeyAlgorithm.RSA)), m.defaultKeyChoice(Task.NEW_CERT));
        assertEquals(KeyChoice.both(4096, "secp384r1"), m.keyOptions(Task.ENABLE_SERVER).get(1).value());
        assertEquals(8, m.keyOptions(Task.ENABLE_SERVER).size());
        assertEquals(List.of("mail.example.org"), m.defaultHostNames());
        assertTrue(m.hostNameProblem("bad_name").isPresent());
        assertTrue(m.hostNamesProblem(List.of()).isPresent());
    }

    @Test
    void enableServerThroughTheFlowEqualsTheCommandLineAndNamesPftlsCommands() throws Exception {
        Sandbox wizard = Sandbox.withSample(wizardDir, "debian-fresh.cf");
        Sandbox cli = Sandbox.withSample(cliDir, "debian-fresh.cf");
        WizardFlow f = flow(wizard);
        toHostNames(f, Task.ENABLE_SERVER, KeySpec.parse(KeyAlgorithm.ECDSA, "secp384r1"));
        f.answers().hostNames(List.of("mx.example.org"));
        Prepared p = generate(f);
        assertEquals("pftls -c " + wizardDir + " enable-server -a ecdsa -b secp384r1 mx.example.org", p.command());
        KeyCertificate made = p.keys().get(0);
        assertEquals("ECDSA secp384r1", made.keyDescription());
        assertEquals(List.of("mx.example.org"), made.certificate().dnsNames());
        assertTrue(made.tlsaRecord().startsWith("_25._tcp.mx.example.org. IN TLSA 3 1 1 "), made.tlsaRecord());
        assertEquals(List.of(ReviewSection.Kind.COMMAND, ReviewSection.Kind.NEW_FILES, ReviewSection.Kind.MAIN_CF,
                ReviewSection.Kind.CERTIFICATE, ReviewSection.Kind.TLSA), f.review().kinds());
        f.next();
        assertEquals(StepKind.CONFIRM, f.current());
        f.applied(f.apply().call());
        assertEquals(StepKind.DONE, f.current());

        Sandbox.Run run = cli.run("enable-server", "-a", "ecdsa", "-b", "secp384r1", "mx.example.org");
        assertEquals(0, run.status());
        assertEquals(cli.mainCfText().replace(cliDir.toString(), "DIR"),
                wizard.mainCfText().replace(wizardDir.toString(), "DIR"));
        assertEquals(names(cliDir), names(wizardDir));
        List<String> cliMessages = run.err().lines().map(l -> "INFO " + l.substring("pftls: ".length())
                .replace(cliDir.toString(), "DIR")).toList();
        assertEquals(cliMessages, logged.stream().map(l -> l.replace(wizardDir.toString(), "DIR")).toList(),
                "the wizard logs the same lines the command line prints");

        String done = String.join("\n", f.doneLines());
        assertFalse(done.contains("postfix tls"), done);
        assertTrue(done.contains("# pftls -c " + wizardDir + " output-server-csr -k "), done);
        assertFalse(done.contains("Run the command:"), "the reload advice is the Done step's own: " + done);
        assertTrue(done.contains("Postfix is not installed here: run postfix reload where this configuration is used"),
                done);
        assertFalse(f.offersReload());
    }

    @Test
    void theKeyIsMadeWhenTheKeyStepIsAnsweredAndReusedUnlessTheAnswerChanges() throws Exception {
        WizardFlow f = flow(Sandbox.withSample(wizardDir, "debian-fresh.cf"));
        toHostNames(f, Task.NEW_KEY, KeySpec.parse(KeyAlgorithm.ECDSA, "secp256r1"));
        assertEquals(1, background.size(), "the key is started as soon as the Key step is answered");
        background.remove(0).run();
        KeyPair first = generate(f).keys().get(0).keyPair();
        f.back();
        f.back();
        assertEquals(StepKind.KEY, f.current());
        f.next(); // the same answer: the same key
        assertTrue(background.isEmpty(), "nothing new is started for the same answer");
        assertSame(first, generate(f).keys().get(0).keyPair());
        f.back();
        f.back();
        f.answers().keySpec(KeySpec.parse(KeyAlgorithm.ECDSA, "secp384r1"));
        f.next();
        assertEquals(1, background.size(), "a changed answer starts a new key");
        KeyPair other = generate(f).keys().get(0).keyPair(); // made in Generate, the background task never ran
        assertNotSame(first, other);
        assertEquals("ECDSA secp384r1", generate(backToGenerate(f)).keys().get(0).keyDescription());
    }

    private static WizardFlow backToGenerate(WizardFlow f) {
        f.back();
        return f;
    }

    @Test
    void quittingAfterGenerateKeepsOrDiscardsAndASavedCsrIsNamed() throws Exception {
        Sandbox s = Sandbox.withSample(wizardDir, "debian-fresh.cf");
        WizardFlow f = flow(s);
        assertEquals(List.of(QuitQuestion.Choice.CONTINUE, QuitQuestion.Choice.QUIT), f.quitQuestion().choices());
        toHostNames(f, Task.NEW_KEY, KeySpec.parse(KeyAlgorithm.ECDSA, "secp256r1"));
        generate(f);
        QuitQuestion q = f.quitQuestion();
        assertTrue(q.text().contains("only in memory: nothing has been written"), q.text());
        assertEquals(QuitQuestion.Choice.DISCARD, q.quitChoice());

        Path csr = f.saveCsr("csr.pem");
        q = f.quitQuestion();
        assertFalse(q.text().contains("nothing has been written"), q.text());
        assertTrue(q.text().contains("the CSR for the new key was saved to " + csr), q.text());
        assertTrue(q.choices().contains(QuitQuestion.Choice.DISCARD_AND_DELETE_CSR));
        Ending e = f.quit(QuitQuestion.Choice.DISCARD_AND_DELETE_CSR).orElseThrow();
        assertEquals(1, e.status());
        assertFalse(Files.exists(csr), "the CSR of the discarded key is deleted");
        assertEquals(java.util.Set.of("main.cf"), names(wizardDir).keySet(), "nothing else was written");
    }

    @Test
    void keepingTheFilesWritesThemUndeployedAndSaysHowToDeploy() throws Exception {
        Sandbox s = Sandbox.withSample(wizardDir, "debian-fresh.cf");
        WizardFlow f = flow(s);
        toHostNames(f, Task.ENABLE_SERVER, KeySpec.defaultFor(KeyAlgorithm.RSA));
        generate(f);
        byte[] before = Files.readAllBytes(s.mainCf());
        Ending e = f.quit(QuitQuestion.Choice.KEEP).orElseThrow();
        assertTrue(Files.exists(wizardDir.resolve("key-20261125-120000.pem")));
        assertEquals(new String(before), new String(Files.readAllBytes(s.mainCf())), "main.cf untouched");
        assertTrue(e.lines().contains("Deploy them later with: pftls -c " + wizardDir + " deploy-server-cert "
                + wizardDir.resolve("cert-20261125-120000.pem") + " " + wizardDir.resolve("key-20261125-120000.pem")),
                e.lines().toString());
    }

    private static Map<String, String> names(Path dir) throws Exception {
        Map<String, String> m = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(),
                        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return m;
    }

    private WizardFlow flow(Sandbox s, boolean demo, boolean postfixOnHost, org.pftls.engine.ports.PostfixControl postfix)
            throws Exception {
        Ports ports = s.ports();
        WizardEnvironment base = TestWizards.environment(s.dir(), ports, (l, t) -> logged.add(l + " " + t), postfix,
                demo);
        WizardEnvironment env = new WizardEnvironment(base.configDirectory(), base.reader(), base.log(), postfix, demo,
                postfixOnHost, base.command(), base.fileOwner(), base.letsEncryptLive(), base.newKeys());
        return new WizardFlow(new WizardModel(env), background::add);
    }

    private static org.pftls.engine.ports.PostfixControl postfix(String reloadFailure) {
        return new org.pftls.engine.ports.PostfixControl() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public String reload() throws org.pftls.engine.PftlsException {
                if (reloadFailure != null) {
                    throw new org.pftls.engine.PftlsException(org.pftls.engine.PftlsException.Kind.IO, reloadFailure);
                }
                return "postfix/postfix-script: refreshing the Postfix mail system";
            }
        };
    }

    /** Detect, Task (enable client), Client TLS, Generate, Review, Confirm (applied): Done. */
    private static void enableClient(WizardFlow f) throws Exception {
        f.next();
        f.answers().task(Task.ENABLE_CLIENT);
        f.next();
        assertEquals(StepKind.CLIENT_TLS, f.current());
        f.next(); // opportunistic TLS, the default
        WizardFlow.Generation g = f.generate();
        assertTrue(f.generated(g.id(), g.work().call()));
        f.next();
        f.applied(f.apply().call());
        assertEquals(StepKind.DONE, f.current());
    }

    @Test
    void theDemoSaysWhetherPostfixIsInstalledAndNeverOffersAReloadItCannotDo() throws Exception {
        WizardFlow withPostfix = flow(Sandbox.withSample(wizardDir, "debian-fresh.cf"), true, true, postfix(null));
        assertTrue(String.join("\n", withPostfix.model().detectLines()).contains("Demo sandbox: Postfix is installed on"
                + " this host, but the sandbox uses pftls's built-in Postfix 3.7 defaults"));
        enableClient(withPostfix);
        String done = String.join("\n", withPostfix.doneLines());
        assertFalse(withPostfix.offersReload(), "never a reload in the demo sandbox");
        assertTrue(done.contains("the demo sandbox has no Postfix to reload"), done);
        assertFalse(done.contains("offers to run postfix reload") || done.contains("# postfix reload"), done);

        WizardFlow without = flow(Sandbox.withSample(cliDir, "debian-fresh.cf"), true, false, TestWizards.NO_POSTFIX);
        assertTrue(String.join("\n", without.model().detectLines()).contains("Demo sandbox: Postfix is not installed on"
                + " this host"));
    }

    @Test
    void aReloadIsOfferedWhereOneCanBeRunAndAFailureGivesPostfixsReasonOnce() throws Exception {
        String reason = "postfix reload failed: postfix/postfix-script: fatal: the Postfix mail system is not running;"
                + " is Postfix running? (postfix -c DIR start)";
        WizardFlow f = flow(Sandbox.withSample(wizardDir, "debian-fresh.cf"), false, false, postfix(reason));
        enableClient(f);
        assertTrue(f.offersReload());
        assertTrue(String.join("\n", f.doneLines()).contains("pftls offers to run postfix reload now"));
        Reloaded r = f.reload().call();
        assertFalse(r.ok());
        assertEquals(reason, r.line(), "Postfix's own reason, once");
        f.reloaded(r);
        assertEquals(1, f.finish().lines().stream().filter(l -> l.contains("postfix reload failed")).count());
    }

    @Test
    void slowKeysAreAnnouncedOnlyForRsa4096() throws Exception {
        WizardFlow f = flow(Sandbox.withSample(wizardDir, "debian-fresh.cf"));
        toHostNames(f, Task.NEW_KEY, new KeySpec(KeyAlgorithm.RSA, 4096, null));
        f.next();
        assertTrue(f.progressText().endsWith("RSA 4096 keys can take several seconds."), f.progressText());
        f.back();
        f.back();
        f.answers().keySpec(new KeySpec(KeyAlgorithm.RSA, 3072, null));
        f.next();
        f.next();
        assertFalse(f.progressText().contains("several seconds"), f.progressText());
    }

    @Test
    void bothKeysAreMadeAheadRsa4096TooAndTheSlowKeyIsAnnouncedUntilReady() throws Exception {
        Sandbox wizard = Sandbox.withSample(wizardDir, "debian-fresh.cf");
        WizardFlow f = flow(wizard);
        f.next();
        f.answers().task(Task.NEW_KEY);
        f.next();
        f.answers().keyChoice(KeyChoice.both(4096, "secp384r1"));
        f.next();
        assertEquals(2, background.size(), "the RSA and the ECDSA key are started as the Key step is answered");
        f.next();
        assertTrue(f.progressText().startsWith("Making new RSA 4096 and ECDSA secp384r1 keys, self-signed certificates"),
                f.progressText());
        assertTrue(f.progressText().endsWith("RSA 4096 keys can take several seconds."), f.progressText());
        background.forEach(Runnable::run);
        assertFalse(f.progressText().contains("several seconds"), "ready now: " + f.progressText());
        WizardFlow.Generation g = f.generate();
        Prepared p = g.work().call();
        assertEquals(List.of("RSA 4096 bits", "ECDSA secp384r1"), p.keys().stream()
                .map(KeyCertificate::keyDescription).toList());
        assertEquals("pftls -c " + wizardDir + " new-server-key -a rsa,ecdsa -b 4096,secp384r1 mail.example.org",
                p.command());

        Sandbox cli = Sandbox.withSample(cliDir, "debian-fresh.cf");
        assertEquals(0, cli.run("new-server-key", "-a", "rsa,ecdsa", "-b", "4096,secp384r1").status());
        assertTrue(f.generated(g.id(), p));
        f.next();
        f.applied(f.apply().call());
        assertEquals(names(cliDir), names(wizardDir));
        for (String file : List.of("key-20261125-120000.pem", "eckey-20261125-120000.pem")) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(cliDir.resolve(file)),
                    Files.readAllBytes(wizardDir.resolve(file))), file + ": the keys made ahead are the command line's");
        }
    }
}
