package org.pftls;

import java.util.Map;

import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;
import org.pftls.cli.ConsoleStreams;
import org.pftls.cli.LauncherLocale;
import org.pftls.cli.Wiring;
import org.pftls.engine.ports.Checkpoints;

/** The entry point: wires the real adapters to the command line and exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Checkpoints.NONE));
    }

    /**
     * Runs the command line on the process's streams and environment, with the real adapters.
     *
     * @param checkpoints the write path's checkpoints: {@link Checkpoints#NONE} here; the crash tests
     *                    start a test main class that passes theirs
     */
    public static int run(String[] args, Checkpoints checkpoints) {
        // picocli's default factory otherwise looks for Groovy's Closure class at every start: a
        // miss that opens every jar on the class path (~10 ms). pftls has no Groovy closures.
        System.setProperty("picocli.disable.closures", "true");
        // Nor look up (Class.forName, reflection) the java.sql and java.time types it can convert
        // option values to: pftls options are strings and flags.
        System.setProperty("picocli.converters.excludes", "java\\.(sql|time)\\..*");
        Map<String, String> env = LauncherLocale.callersEnvironment(System.getenv());
        return new Cli(new CommandContext(ConsoleStreams.system(), env, Wiring.system(checkpoints, env))).run(args);
    }
}
