package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pftls.testing.LoopbackResolver;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Snakeoil;
import org.pftls.testing.TestPki;
import org.pftls.ui.flow.ReviewSection.Kind;
import org.pftls.ui.flow.StepKind;
import org.pftls.ui.flow.Task;
import org.pftls.ui.flow.WizardFlow;
import org.pftls.ui.line.ScriptedWizard;

/**
 * Both wizards render the one flow: each task's steps and Review sections are listed here once;
 * the flow declares exactly those, the line-mode wizard (scripted answers) and the full-screen
 * wizard (keystrokes) go through exactly those steps, and both show the same Review and the same
 * Done text (compared without white space, which each wraps to its own width).
 */
class FlowRenderersTest {
    private static final StepKind D = StepKind.DETECT;
    private static final StepKind T = StepKind.TASK;
    private static final StepKind CT = StepKind.CLIENT_TLS;
    private static final StepKind G = StepKind.GENERATE;
    private static final StepKind R = StepKind.REVIEW;
    private static final StepKind C = StepKind.CONFIRM;
    private static final StepKind E = StepKind.DONE;
    private static final String CERT = "eccert-20261125-120000.pem";
    private static final String KEY = "eckey-20261125-120000.pem";

    @TempDir
    Path tmp;
    @TempDir
    static Path shared;
    private static TestPki pki;
    /** The resolver Enable client (DANE) checks in both wizards: one that validates. */
    private static LoopbackResolver resolver;

    @BeforeAll
    static void startResolver() {
        resolver = LoopbackResolver.validating();
    }

    @AfterAll
    static void stopResolver() {
        resolver.close();
    }

    /**
     * One task: what to prepare, its steps, its Review sections, the line-mode answers and the
     * full-screen keys that go through it (with the changes applied).
     */
    record Case(Task task, Consumer<Sandbox> before, List<StepKind> steps, List<Kind> review, String[] answers,
                Consumer<WizardDriver> keys) {
        @Override
        public String toString() {
            return task.name() + " " + review.get(review.size() - 1)
                    + (review.contains(Kind.DANE_CHECK) ? " DANE" : "");
        }
    }

    /** A CA's root, intermediate and a server certificate for mail.example.org, the same for every sandbox. */
    private static synchronized TestPki pki() {
        if (pki == null) {
            pki = TestPki.create(shared.resolve("pki"), Sandbox.NOW);
        }
        return pki;
    }

    static Stream<Arguments> tasks() {
        Consumer<Sandbox> fresh = s -> { };
        Consumer<Sandbox> ecdsaDeployed = s -> assertEquals(0, s.run("enable-server", "-a", "ecdsa").status());
        Consumer<Sandbox> ecdsaMade = s -> assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
        Consumer<Sandbox> caChain = s -> {
            TestPki.Issued leaf = pki().leaf("leaf", pki().intermediate(), "ec", Duration.ofDays(-1), Duration.ofDays(90),
                    "mail.example.org");
            try {
                Path chain = s.dir().resolve("chain.pem");
                if (!Files.exists(shared.resolve(leaf.cert().getFileName() + ".copy"))) {
                    Files.copy(leaf.cert(), shared.resolve(leaf.cert().getFileName() + ".copy"));
                    Files.copy(leaf.key(), shared.resolve(leaf.key().getFileName() + ".copy"));
                }
                TestPki.concat(chain, shared.resolve(leaf.cert().getFileName() + ".copy"), pki().intermediate().cert());
                Files.copy(shared.resolve(leaf.key().getFileName() + ".copy"), s.dir().resolve("chain.key"));
                Files.setPosixFilePermissions(s.dir().resolve("chain.key"), PosixFilePermissions.fromString("rw-------"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        List<Kind> newCertificate = List.of(Kind.COMMAND, Kind.NEW_FILES, Kind.MAIN_CF, Kind.CERTIFICATE, Kind.TLSA);
        List<Kind> newPair = List.of(Kind.COMMAND, Kind.NEW_FILES, Kind.MAIN_CF, Kind.CERTIFICATE, Kind.CERTIFICATE,
                Kind.TLSA);
        return Stream.of(
                new Case(Task.ENABLE_SERVER, fresh, List.of(D, T, StepKind.KEY, StepKind.HOST_NAMES, G, R, C, E),
                        newCertificate, new String[] {"1", "6", "", "", "", "yes"},
                        d -> d.press(KeyType.Enter).press(KeyType.ArrowDown, 5).press(KeyType.Enter).hostNamesNext()),
                new Case(Task.ENABLE_SERVER, FlowRenderersTest::snakeoil, List.of(D, T, StepKind.KEY,
                        StepKind.HOST_NAMES, G, R, C, E), List.of(Kind.COMMAND, Kind.NEW_FILES, Kind.DECISIONS,
                        Kind.MAIN_CF, Kind.CERTIFICATE, Kind.CERTIFICATE, Kind.ROLLOVER),
                        new String[] {"1", "", "", "", "", "", "yes"},
                        d -> d.press(KeyType.ArrowUp, 2).press(KeyType.Enter).press(KeyType.Enter).hostNamesNext()),
                new Case(Task.ENABLE_CLIENT, fresh, List.of(D, T, CT, G, R, C, E),
                        List.of(Kind.COMMAND, Kind.NEW_FILES, Kind.MAIN_CF, Kind.NOTES), new String[] {"2", "", "yes"},
                        d -> d.press(KeyType.ArrowDown).press(KeyType.Enter).press(KeyType.Enter)),
                new Case(Task.ENABLE_CLIENT, FlowRenderersTest::snakeoil, List.of(D, T, CT, G, R, C, E),
                        List.of(Kind.COMMAND, Kind.NEW_FILES, Kind.DECISIONS, Kind.MAIN_CF, Kind.NOTES),
                        new String[] {"2", "", "", "yes"},
                        d -> d.press(KeyType.ArrowUp).press(KeyType.Enter).press(KeyType.Enter)),
                new Case(Task.ENABLE_CLIENT, fresh, List.of(D, T, CT, G, R, C, E),
                        List.of(Kind.COMMAND, Kind.DANE_CHECK, Kind.NEW_FILES, Kind.MAIN_CF),
                        new String[] {"2", "2", "yes"}, d -> d.press(KeyType.ArrowDown).press(KeyType.Enter)
                        .press(KeyType.ArrowDown).press(KeyType.Enter)),
                new Case(Task.ENABLE_CLIENT, FlowRenderersTest::snakeoil, List.of(D, T, CT, G, R, C, E),
                        List.of(Kind.COMMAND, Kind.DANE_CHECK, Kind.NEW_FILES, Kind.MAIN_CF),
                        new String[] {"2", "2", "yes"}, d -> d.press(KeyType.ArrowUp).press(KeyType.Enter)
                        .press(KeyType.ArrowDown).press(KeyType.Enter)),
                new Case(Task.NEW_KEY, fresh, List.of(D, T, StepKind.KEY, StepKind.HOST_NAMES, G, R, C, E),
                        newPair, new String[] {"3", "", "", "", "yes"},
                        d -> d.press(KeyType.ArrowDown, 2).press(KeyType.Enter).press(KeyType.Enter).hostNamesNext()),
                new Case(Task.NEW_CERT, ecdsaDeployed, List.of(D, T, StepKind.KEY, StepKind.HOST_NAMES, G, R, C, E),
                        newCertificate, new String[] {"4", "6", "", "", "yes"},
                        d -> d.press(KeyType.ArrowDown, 2).press(KeyType.Enter).press(KeyType.ArrowDown, 3)
                                .press(KeyType.Enter).hostNamesNext()),
                new Case(Task.DEPLOY, ecdsaMade, List.of(D, T, StepKind.FILES, G, R, C, E),
                        List.of(Kind.COMMAND, Kind.EXISTING_FILES, Kind.CHAIN, Kind.MAIN_CF, Kind.CERTIFICATE,
                                Kind.TLSA),
                        new String[] {"5", CERT, KEY, "", "yes"},
                        d -> d.press(KeyType.ArrowDown, 4).press(KeyType.Enter).type(CERT).press(KeyType.Tab,
                                KeyType.Tab).type(KEY).press(KeyType.Enter)),
                new Case(Task.DEPLOY, caChain, List.of(D, T, StepKind.FILES, G, R, C, E),
                        List.of(Kind.COMMAND, Kind.EXISTING_FILES, Kind.CHAIN, Kind.MAIN_CF, Kind.CERTIFICATE,
                                Kind.TLSA),
                        new String[] {"5", "chain.pem", "chain.key", "", "yes"},
                        d -> d.press(KeyType.ArrowDown, 4).press(KeyType.Enter).type("chain.pem").press(KeyType.Tab,
                                KeyType.Tab).type("chain.key").press(KeyType.Enter)),
                new Case(Task.CSR, ecdsaDeployed, List.of(D, T, StepKind.CSR_KEY, StepKind.HOST_NAMES, G, R, E),
                        List.of(Kind.COMMAND, Kind.CSR), new String[] {"6", "", "", ""},
                        d -> d.press(KeyType.ArrowDown, 4).press(KeyType.Enter).press(KeyType.Enter).hostNamesNext()),
                new Case(Task.TLSA, ecdsaDeployed, List.of(D, T, StepKind.TLSA_HOST, G, R, E),
                        List.of(Kind.COMMAND, Kind.TLSA), new String[] {"7", ""},
                        d -> d.press(KeyType.ArrowDown, 5).press(KeyType.Enter).press(KeyType.Enter)))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void bothWizardsShowTheFlowsStepsReviewAndDone(Case c) throws Exception {
        assertEquals(c.steps(), WizardFlow.steps(c.task()), "the flow declares the steps");

        Sandbox line = sandbox("line", c);
        ScriptedWizard.Result r = new ScriptedWizard(line).withDaneResolvers(() -> List.of(resolver.lookup()))
                .run(c.answers());
        assertEquals(0, r.status(), r.output());
        assertEquals(titles(c.steps()), lineSteps(r.output()), r.output());
        String lineReview = section(r.output(), "Review - What will change",
                List.of("  1) Show the CSR", "  1) Save the CSR", "\nStep ", "Untick (or tick again)"));
        String lineDone = section(r.output(), "Done - What happened and what next", List.of("\nRun \"postfix"));
        assertTrue(lineDone.contains("Next steps:"), lineDone);

        Sandbox screen = sandbox("screen", c);
        WizardFixture f = new WizardFixture(screen, false);
        WizardDriver d = new WizardDriver(f.model(Optional.empty(), Optional.empty(), () -> List.of(resolver.lookup())),
                new DisplayStyle(false, true), new TerminalSize(80, 24));
        d.press(KeyType.Enter); // Detect
        c.keys().accept(d); // Task and the questions, to Generate
        d.runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        String screenReview = d.wizard.scrolledText();
        d.press(KeyType.Enter);
        if (d.step() == StepKind.CONFIRM) {
            d.confirm().runJobs();
        }
        assertEquals(StepKind.DONE, d.step(), d.text());
        String screenDone = d.wizard.scrolledText();
        assertEquals(c.steps(), d.shown, "the steps the full screen showed");
        assertEquals(c.review(), d.wizard.reviewKinds(), "the Review's sections");
        for (String heading : d.wizard.reviewHeadings()) {
            assertTrue(lineReview.contains(heading + "\n") && screenReview.contains(heading + "\n"), heading);
        }
        assertEquals(normal(lineReview, line.dir()), normal(screenReview, screen.dir()), "the same Review:\n"
                + lineReview + "\n-- and --\n" + screenReview);
        assertEquals(normal(lineDone, line.dir()), normal(screenDone, screen.dir()), "the same Done text:\n"
                + lineDone + "\n-- and --\n" + screenDone);
    }

    static void snakeoil(Sandbox s) {
        Snakeoil.in(s);
    }

    private Sandbox sandbox(String name, Case c) throws Exception {
        Sandbox s = Sandbox.withSample(Files.createDirectories(tmp.resolve(name)), "debian-fresh.cf");
        c.before().accept(s);
        return s;
    }

    private static List<String> titles(List<StepKind> steps) {
        return steps.stream().map(StepKind::title).toList();
    }

    /** The steps line mode went through, each once, in order. */
    private static List<String> lineSteps(String output) {
        List<String> seen = new ArrayList<>();
        for (String l : output.lines().toList()) {
            if (l.matches("Step \\d+ of \\d+: .* - .*")) {
                seen.add(l.substring(l.indexOf(": ") + 2, l.indexOf(" - ")));
            }
        }
        return removeRepeats(seen);
    }

    private static List<String> removeRepeats(List<String> list) {
        List<String> out = new ArrayList<>();
        for (String s : list) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The text after the step's heading up to the first of the ends (or the end of the output). */
    private static String section(String output, String heading, List<String> ends) {
        int start = output.indexOf(heading);
        assertTrue(start >= 0, heading + " in\n" + output);
        start = output.indexOf('\n', start) + 1;
        int end = output.length();
        for (String e : ends) {
            int at = output.indexOf(e, start);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return output.substring(start, end);
    }

    /** Without white space (each wizard wraps to its own width) and with the sandbox directory neutral. */
    private static String normal(String text, Path dir) {
        return text.replace(dir.toString(), "DIR").replaceAll("\\s+", "");
    }
}
