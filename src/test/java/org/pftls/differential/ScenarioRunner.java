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
 * Runs one scenario on one Postfix version: two copies of the same instance (main.cf with
 * {@code @DIR@} filled in and every {@code /etc/} path pointed into the copy, an empty master.cf,
 * the fixtures, the scenario's own extra files), that version's real {@code postfix tls} on one and
 * pftls on the other, then observes both.
 *
 * <p>Nothing outside the copies is read: a main.cf naming /etc/ssl/private/ssl-cert-snakeoil.key,
 * /etc/mailname or /etc/aliases names DIR/etc/... instead, which holds only what the test put there
 * ({@code DIR/etc/mailname}, and whatever {@link Scenario#setUp} adds), whatever the host has.
 */
final class ScenarioRunner {
    /** A host path under /etc in a main.cf (at the start of a value or list element), and what it becomes. */
    private static final java.util.regex.Pattern HOST_ETC = java.util.regex.Pattern.compile("(?<=^|[\\s=:,\"])/etc/",
            java.util.regex.Pattern.MULTILINE);
    static final String SANDBOX_ETC = "@DIR@/etc/";

    private final Fixtures fixtures;
    private final Observer observer;
    private final RealPostfixTls script;
    private final PftlsInProcess pftls;

    ScenarioRunner(Fixtures fixtures, PostfixUnderTest postfix) {
        this.fixtures = fixtures;
        this.observer = new Observer(fixtures, postfix);
        this.script = new RealPostfixTls(postfix);
        this.pftls = new PftlsInProcess(postfix);
    }

    Outcome run(Scenario scenario, Path work) {
        Path scriptDir = work.resolve("postfix");
        Path pftlsDir = work.resolve("pftls");
        byte[] template = resource(scenario.mainCf());
        setUp(scriptDir, template, scenario);
        setUp(pftlsDir, template, scenario);
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

    private void setUp(Path dir, byte[] template, Scenario scenario) {
        try {
            Files.createDirectories(dir.resolve("etc"));
            fixtures.copyInto(dir);
            Files.writeString(dir.resolve("etc/mailname"), Fixtures.MAILNAME + "\n");
            scenario.setUp().accept(fixtures, dir);
            String text = sandboxed(new String(template, StandardCharsets.ISO_8859_1)).replace("@DIR@", dir.toString());
            Path mainCf = dir.resolve("main.cf");
            Files.writeString(mainCf, text, StandardCharsets.ISO_8859_1);
            Files.setPosixFilePermissions(mainCf, PosixFilePermissions.fromString("rw-r--r--"));
            Files.writeString(dir.resolve("master.cf"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** main.cf text with every host /etc/ path pointed into the scenario directory. */
    static String sandboxed(String mainCf) {
        return HOST_ETC.matcher(mainCf).replaceAll(SANDBOX_ETC);
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
