package org.pftls;

import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;
import org.pftls.cli.LauncherLocale;

/** The entry point: wires the real adapters to the command line and exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // picocli's default factory otherwise looks for Groovy's Closure class at every start: a
        // miss that opens every jar on the class path (~10 ms). pftls has no Groovy closures.
        System.setProperty("picocli.disable.closures", "true");
        // Nor look up (Class.forName, reflection) the java.sql and java.time types it can convert
        // option values to: pftls options are strings and flags.
        System.setProperty("picocli.converters.excludes", "java\\.(sql|time)\\..*");
        int status = new Cli(CommandContext.system(System.out, System.err,
                LauncherLocale.callersEnvironment(System.getenv()))).run(args);
        System.exit(status);
    }
}
