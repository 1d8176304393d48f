package org.pftls.differential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Runs one scenario: two copies of the same instance (main.cf with {@code @DIR@} filled in, an
 * empty master.cf, the fixtures), the real {@code postfix tls} on one and pftls on the other, then
 * observes both.
 */
final class ScenarioRunner {
    private final Fixtures fixtures;
    private final Observer observer;
    private final RealPostfixTls script = new RealPostfixTls();
    private final PftlsInProcess pftls = new PftlsInProcess();

    ScenarioRunner(Fixtures fixtures) {
        this.fixtures = fixtures;
        this.observer = new Observer(fixtures);
    }

    Outcome run(Scenario scenario, Path work) {
        Path scriptDir = work.resolve("postfix");
        Path pftlsDir = work.resolve("pftls");
        byte[] template = resource(scenario.mainCf());
        setUp(scriptDir, template);
        setUp(pftlsDir, template);
        Observer.Snapshot scriptBefore = Observer.snapshot(scriptDir);
        Observer.Snapshot pftlsBefore = Observer.snapshot(pftlsDir);
        SideRun scriptRun = script.run(scriptDir, arguments(scenario, scriptDir), work.resolve("postfix.stdout"));
        SideRun pftlsRun = pftls.run(pftlsDir, arguments(scenario, pftlsDir));
        return new Outcome(observer.observe(scriptDir, scriptBefore, scriptRun, true, work.resolve("postfix.csr")),
                observer.observe(pftlsDir, pftlsBefore, pftlsRun, false, work.resolve("pftls.csr")));
    }

    private static List<String> arguments(Scenario scenario, Path dir) {
        return scenario.args().stream().map(a -> a.replace("@DIR@", dir.toString())).toList();
    }

    private void setUp(Path dir, byte[] template) {
        try {
            Files.createDirectories(dir);
            fixtures.copyInto(dir);
            String text = new String(template, StandardCharsets.ISO_8859_1).replace("@DIR@", dir.toString());
            Path mainCf = dir.resolve("main.cf");
            Files.writeString(mainCf, text, StandardCharsets.ISO_8859_1);
            Files.setPosixFilePermissions(mainCf, PosixFilePermissions.fromString("rw-r--r--"));
            Files.writeString(dir.resolve("master.cf"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = ScenarioRunner.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
