package org.pftls.differential;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test (DESIGN.md "Testing, from fast to real", item 3): the real
 * {@code postfix -c DIR1 tls SUBCOMMAND ...} and {@code pftls -c DIR2 SUBCOMMAND ...} on copies
 * of the same instance, for every subcommand and many main.cf files ({@link Scenarios}); the
 * results must be the same ({@link Expectations#same}) or differ only as documented
 * ({@link KnownDifferences}).
 *
 * <p>Scenarios run in parallel threads: most of the real script's time is spent waiting (postlog
 * sleeps a second after a fatal message, and waits for a just-edited main.cf), not computing.
 */
class PostfixTlsDifferentialTest {
    private static final int THREADS = 24;

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> postfixTlsAndPftlsAgree() {
        RequiredTools.check();
        Fixtures fixtures = Fixtures.create(work.resolve("fixtures"));
        ScenarioRunner runner = new ScenarioRunner(fixtures);
        List<Scenario> scenarios = Scenarios.all();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, daemon());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            Path dir = work.resolve(String.format("s%03d", i));
            CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> runner.run(scenario, dir), pool);
            tests.add(dynamicTest(scenario.name(), () -> {
                Outcome o = outcome.join();
                try {
                    scenario.expectation().check(o.script(), o.pftls());
                } catch (AssertionError e) {
                    throw new AssertionError(scenario.name() + " (in " + dir + "): " + e.getMessage(), e);
                }
            }));
        }
        pool.shutdown();
        return tests.stream();
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "differential");
            t.setDaemon(true);
            return t;
        };
    }
}
