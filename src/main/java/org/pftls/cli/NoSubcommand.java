package org.pftls.cli;

import org.pftls.engine.PftlsException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pftls} without a subcommand. The wizards are not built yet: print the usage on stderr
 * and fail, which is also what must happen when there is no terminal.
 */
final class NoSubcommand {
    private final CommandContext ctx;
    private final CommandSpec spec;

    NoSubcommand(CommandContext ctx, CommandSpec spec) {
        this.ctx = ctx;
        this.spec = spec;
    }

    int run() throws PftlsException {
        ctx.err().print(spec.commandLine().getUsageMessage());
        throw new PftlsException(PftlsException.Kind.USAGE,
                "no subcommand given; use one of the subcommands above, e.g. pftls enable-server");
    }
}
