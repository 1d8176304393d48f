package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs dist/benchmark.sh in its quick form: every subcommand side by side with the real
 * "postfix tls" on fresh copies of the same instance. Fails only when pftls is more than twice
 * as slow as postfix tls for some subcommand (the noise margin of a few runs), or when the two
 * disagree on the exit status. The full run and its figures are in the README.
 */
class BenchmarkIT {
    @Test
    void noSubcommandIsMoreThanTwiceAsSlowAsPostfixTls() {
        Command.Result r = Command.run(Duration.ofSeconds(300), Map.of(),
                "/bin/bash", "dist/benchmark.sh", "--quick", "--max-ratio", "2.0", "--no-install");
        System.out.println(r.out());
        System.out.println(r.err());
        assertEquals(0, r.exit(), r.describe());
    }
}
