package org.pftls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * wizard: the same as pftls without a subcommand. Its options and those given before it
 * ({@code pftls --plain wizard}) count alike.
 */
@Command(name = "wizard", description = {"Start the wizard (full screen on a capable terminal, else line mode)."})
final class WizardCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls wizard [--plain|--full-screen]";

    @Spec
    CommandSpec spec;

    @Option(names = "--plain", description = "Use the line-mode wizard.")
    boolean plain;

    @Option(names = "--full-screen", description = "Use the full-screen wizard.")
    boolean fullScreen;

    private final CommandContext ctx;

    WizardCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        TopCommand top = (TopCommand) spec.parent().userObject();
        return new NoSubcommand(ctx, top, plain || top.plain, fullScreen || top.fullScreen).run();
    }
}
