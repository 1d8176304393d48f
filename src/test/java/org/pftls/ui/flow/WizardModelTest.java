package org.pftls.ui.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.ports.MessageSink;
import org.pftls.engine.ports.PostfixControl;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.tls.Instance;
import org.pftls.testing.Sandbox;

/** The wizard declared once: steps, choices, and that its actions equal the command line's. */
class WizardModelTest {
    @TempDir
    Path wizardDir;
    @TempDir
    Path cliDir;

    private final List<String> logged = new ArrayList<>();

    private WizardModel model(Sandbox s) throws PftlsException {
        Ports ports = s.ports();
        MessageSink sink = (level, text) -> logged.add(level + " " + text);
        PostfixControl none = new PostfixControl() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public String reload() {
                throw new AssertionError("not installed");
            }
        };
        return new WizardModel(s.dir(), () -> Instance.read(s.dir(), ports), sink, none, false);
    }

    @Test
    void stepsAreDeclaredPerTask() throws Exception {
        WizardModel m = model(Sandbox.withSample(wizardDir, "debian-fresh.cf"));
        assertEquals(List.of(StepKind.DETECT, StepKind.TASK), m.steps(null));
        assertEquals(8, m.steps(Task.ENABLE_SERVER).size());
        assertFalse(m.steps(Task.TLSA).contains(StepKind.CONFIRM), "output tasks change nothing");
        assertTrue(m.steps(Task.DEPLOY).contains(StepKind.FILES));
    }

    @Test
    void tasksThatDoNotApplyAreExplained() throws Exception {
        Sandbox s = Sandbox.withSample(wizardDir, "debian-fresh.cf");
        WizardModel fresh = model(s);
        assertEquals(Task.ENABLE_SERVER, fresh.defaultTask());
        Option<Task> tlsa = fresh.taskOptions().stream().filter(o -> o.value() == Task.TLSA).findFirst().orElseThrow();
        assertTrue(tlsa.unavailable().orElseThrow().contains("no server key is deployed"));
        s.run("enable-server");
        WizardModel enabled = model(s);
        Option<Task> server = enabled.taskOptions().get(0);
        assertTrue(server.unavailable().orElseThrow().startsWith("server TLS is already configured"));
        assertEquals(Task.ENABLE_CLIENT, enabled.defaultTask());
    }

    @Test
    void keyChoicesDefaultToRsa2048AndHostNamesToMyhostname() throws Exception {
        WizardModel m = model(Sandbox.withSample(wizardDir, "debian-fresh.cf"));
        assertEquals(KeySpec.defaultFor(KeyAlgorithm.RSA), m.keyOptions(Task.ENABLE_SERVER).get(0).value());
        assertEquals(6, m.keyOptions(Task.ENABLE_SERVER).size());
        assertEquals(List.of("mail.example.org"), m.defaultHostNames());
        assertTrue(m.hostNameProblem("bad_name").isPresent());
        assertTrue(m.hostNamesProblem(List.of()).isPresent());
    }

    @Test
    void enableServerThroughTheModelEqualsTheCommandLine() throws Exception {
        Sandbox wizard = Sandbox.withSample(wizardDir, "debian-fresh.cf");
        Sandbox cli = Sandbox.withSample(cliDir, "debian-fresh.cf");
        WizardModel m = model(wizard);
        Answers a = new Answers();
        a.keySpec(KeySpec.parse(KeyAlgorithm.ECDSA, "secp384r1"));
        a.hostNames(List.of("mx.example.org"));
        Prepared p = m.prepare(Task.ENABLE_SERVER, a);
        assertTrue(p.diff().stream().anyMatch(l -> l.equals("+smtpd_tls_security_level = may")), p.diff().toString());
        assertEquals("pftls -c " + wizardDir + " enable-server -a ecdsa -b secp384r1 mx.example.org", p.command());
        assertEquals(2, p.tlsa().size());
        Outcome o = m.apply(p);
        assertEquals(3, o.changed().size());

        Sandbox.Run run = cli.run("enable-server", "-a", "ecdsa", "-b", "secp384r1", "mx.example.org");
        assertEquals(0, run.status());
        assertEquals(cli.mainCfText().replace(cliDir.toString(), "DIR"),
                wizard.mainCfText().replace(wizardDir.toString(), "DIR"));
        assertEquals(names(cliDir), names(wizardDir));
        List<String> cliMessages = run.err().lines().map(l -> "INFO " + l.substring("pftls: ".length())
                .replace(cliDir.toString(), "DIR")).toList();
        assertEquals(cliMessages, logged.stream().map(l -> l.replace(wizardDir.toString(), "DIR")).toList(),
                "the wizard logs the same lines the command line prints");
    }

    @Test
    void cancelAfterGenerateCanKeepTheFilesUndeployed() throws Exception {
        Sandbox s = Sandbox.withSample(wizardDir, "debian-fresh.cf");
        WizardModel m = model(s);
        Answers a = new Answers();
        a.keySpec(KeySpec.defaultFor(KeyAlgorithm.RSA));
        a.hostNames(m.defaultHostNames());
        Prepared p = m.prepare(Task.ENABLE_SERVER, a);
        assertTrue(m.hasUnwrittenFiles(p));
        byte[] before = Files.readAllBytes(s.mainCf());
        m.keepFilesOnly(p);
        assertTrue(Files.exists(wizardDir.resolve("key-20261125-120000.pem")));
        assertEquals(new String(before), new String(Files.readAllBytes(s.mainCf())), "main.cf untouched");
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
}
