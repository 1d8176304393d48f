package org.pftls;

import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;

/** The entry point: wires the real adapters to the command line and exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = new Cli(CommandContext.system(System.out, System.err, System.getenv())).run(args);
        System.exit(status);
    }
}
