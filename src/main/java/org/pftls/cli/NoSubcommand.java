package org.pftls.cli;

import java.util.function.Supplier;

import org.pftls.engine.PftlsException;
import org.pftls.ui.line.LineWizard;
import org.pftls.ui.screen.FullScreenWizard;

/**
 * {@code pftls} without a subcommand (or {@code pftls wizard}): choose a front end and run the
 * wizard. With no terminal (and no {@code --plain}): the usage on stderr and a non-zero exit, at
 * once, before anything is read or created (not even the {@code --demo} sandbox).
 */
final class NoSubcommand {
    private final CommandContext ctx;
    private final TopCommand top;
    private final boolean plain;
    private final boolean fullScreen;
    private final FrontEndChooser chooser;
    private final Supplier<String> usage;

    /** From picocli's model: the usage is the one of the command line picocli has built. */
    NoSubcommand(CommandContext ctx, TopCommand top, boolean plain, boolean fullScreen) {
        this(ctx, top, plain, fullScreen, () -> top.spec.commandLine().getUsageMessage());
    }

    /** @param usage the whole usage message, made only when it is printed (no terminal) */
    NoSubcommand(CommandContext ctx, TopCommand top, boolean plain, boolean fullScreen, Supplier<String> usage) {
        this(ctx, top, plain, fullScreen,
                new FrontEndChooser(ctx.console().terminal(), ctx.env(), new TerminfoProbe(ctx.env())), usage);
    }

    NoSubcommand(CommandContext ctx, TopCommand top, boolean plain, boolean fullScreen, FrontEndChooser chooser,
                 Supplier<String> usage) {
        this.ctx = ctx;
        this.top = top;
        this.plain = plain;
        this.fullScreen = fullScreen;
        this.chooser = chooser;
        this.usage = usage;
    }

    int run() throws PftlsException {
        FrontEndChooser.Choice choice = chooser.choose(plain, fullScreen);
        if (choice.frontEnd() == FrontEndChooser.FrontEnd.NONE) {
            ctx.err().print(usage.get());
            throw new PftlsException(PftlsException.Kind.USAGE, choice.reason());
        }
        top.prepare();
        if (!choice.reason().isEmpty()) {
            ctx.err().println("pftls: " + choice.reason());
            ctx.err().flush();
        }
        if (choice.frontEnd() == FrontEndChooser.FrontEnd.LINE) {
            return LineWizard.run(WizardSetup.model(ctx), ctx.console().in(), ctx.out(), ctx.console().terminal());
        }
        return FullScreenWizard.run(WizardSetup.model(ctx), ctx.console().in(), ctx.out(), ctx.env());
    }
}
