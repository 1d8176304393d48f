package org.pftls.cli;

import org.pftls.engine.PftlsException;
import org.pftls.ui.line.LineWizard;
import org.pftls.ui.screen.FullScreenWizard;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pftls} without a subcommand (or {@code pftls wizard}): choose a front end and run the
 * wizard. With no terminal: the usage on stderr and a non-zero exit, at once.
 */
final class NoSubcommand {
    private final CommandContext ctx;
    private final CommandSpec spec;
    private final boolean plain;
    private final boolean fullScreen;

    NoSubcommand(CommandContext ctx, CommandSpec spec, boolean plain, boolean fullScreen) {
        this.ctx = ctx;
        this.spec = spec;
        this.plain = plain;
        this.fullScreen = fullScreen;
    }

    int run() throws PftlsException {
        FrontEndChooser.Choice choice = new FrontEndChooser(ctx.env()).choose(plain, fullScreen);
        switch (choice.frontEnd()) {
            case NONE -> {
                ctx.err().print(spec.commandLine().getUsageMessage());
                throw new PftlsException(PftlsException.Kind.USAGE, choice.reason());
            }
            case LINE -> {
                if (!choice.reason().isEmpty()) {
                    ctx.err().println("pftls: " + choice.reason());
                }
                return LineWizard.run(ctx.wizardModel(), System.in, ctx.out(), ctx.env());
            }
            default -> {
                return FullScreenWizard.run(ctx.wizardModel(), System.in, ctx.out(), ctx.env());
            }
        }
    }
}
