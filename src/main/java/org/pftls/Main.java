package org.pftls;

import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;

/** The entry point: wires the real adapters to the command line and exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // picocli's default factory otherwise looks for Groovy's Closure class at every start: a
        // miss that opens every jar on the class path (~10 ms). pftls has no Groovy closures.
        System.setProperty("picocli.disable.closures", "true");
        int status = new Cli(CommandContext.system(System.out, System.err, System.getenv())).run(args);
        System.exit(status);
    }
}
