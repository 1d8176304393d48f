package org.pftls.testing;

import org.pftls.Main;
import org.pftls.adapters.TestCheckpoints;

/**
 * {@code org.pftls.Main} with the crash tests' checkpoints ({@link TestCheckpoints}, switched on by
 * the {@code PFTLS_TEST_*} variables) wired into the real adapters. The tests that kill or pause
 * the real launcher start this main class instead, with the test classes added to the class path
 * (see {@code safety/Launcher}); everything else (JVM options, class-data archive, adapters,
 * command line) is the production one, and the production jar never reads those variables.
 */
public final class CheckpointedMain {
    private CheckpointedMain() {
    }

    public static void main(String[] args) {
        System.exit(Main.run(args, TestCheckpoints.fromEnvironment(System.getenv(), System.err, System.in)));
    }
}
