package org.pftls.differential;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test (DESIGN.md "Testing, from fast to real", item 3), on every Postfix version
 * ({@link PostfixVersions}: Debian's 3.7.11 and the upstream builds): that version's real
 * {@code postfix -c DIR1 tls SUBCOMMAND ...} and {@code pftls -c DIR2 SUBCOMMAND ...} (running that
 * version's postconf and postlog) on copies of the same instance, for every subcommand and many
 * main.cf files ({@link Scenarios}); the results must be the same ({@link Expectations#same}) or
 * differ only as documented ({@link KnownDifferences}, some of them by version).
 *
 * <p>One container per version, one test per scenario. Scenarios run in parallel threads: most of
 * the real script's time is spent waiting (postlog sleeps a second after a fatal message, and waits
 * for a just-edited main.cf), not computing. A version that is not installed fails its container.
 */
class PostfixTlsDifferentialIT {
    private static final int THREADS = 24;

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicNode> postfixTlsAndPftlsAgreeOnEveryVersion() {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, daemon());
        List<DynamicNode> containers = new ArrayList<>();
        for (PostfixUnderTest postfix : PostfixVersions.all().toList()) {
            containers.add(dynamicContainer(postfix.toString(), scenarios(postfix, pool)));
        }
        return containers.stream().onClose(pool::shutdown);
    }

    /** The scenarios of one version, started now on the pool; each test waits for its own. */
    private Stream<DynamicNode> scenarios(PostfixUnderTest postfix, ExecutorService pool) {
        Path versionWork = work.resolve(postfix.version());
        try {
            RequiredTools.check(postfix);
        } catch (AssertionError e) {
            return Stream.of(dynamicTest("installed", () -> {
                throw e;
            }));
        }
        Fixtures fixtures = Fixtures.create(versionWork.resolve("fixtures"));
        ScenarioRunner runner = new ScenarioRunner(fixtures, postfix);
        List<Scenario> scenarios = Scenarios.all(postfix);
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            Path dir = versionWork.resolve(String.format("s%03d", i));
            CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> runner.run(scenario, dir), pool);
            DynamicTest test = dynamicTest(scenario.name(), () -> {
                Outcome o = outcome.join();
                try {
                    scenario.expectation().check(o.script(), o.pftls());
                } catch (AssertionError e) {
                    throw new AssertionError(postfix + ", " + scenario.name() + " (in " + dir + "): " + e.getMessage(), e);
                }
            });
            tests.add(test);
        }
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
