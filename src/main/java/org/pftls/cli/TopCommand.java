package org.pftls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pftls [-c CONFIG_DIR] [--demo] SUBCOMMAND ...}: the options every subcommand shares. */
@Command(name = "pftls", versionProvider = VersionInfo.class,
        description = {"Set up and maintain TLS for the Postfix mail server.",
            "Without a subcommand, starts the wizard; with one, behaves like \"postfix tls SUBCOMMAND\"."},
        footer = {"", "Without -c: $MAIL_CONFIG, else the installed Postfix's config_directory, else /etc/postfix.",
            "Exit status: 0 on success, 1 on any failure (as postfix tls)."})
public final class TopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "-c", paramLabel = "CONFIG_DIR", description = "The Postfix configuration directory (holds main.cf).")
    String configDirectory;

    @Option(names = "--postfix-bin", paramLabel = "DIR", description = "The directory of the Postfix programs"
            + " (postconf, postfix, postlog) of the installation that owns the instance. Default: $PFTLS_POSTFIX_BIN,"
            + " else the first of /usr/sbin and /usr/local/sbin that holds postconf.")
    String postfixBin;

    @Option(names = "--demo", description = "Work on a new throw-away sandbox instance (a Debian-like main.cf in a"
            + " temporary directory), to try pftls without Postfix and without touching a real configuration.")
    boolean demo;

    @Option(names = "--plain", description = "Use the line-mode wizard (numbered prompts), even on a capable terminal.")
    boolean plain;

    @Option(names = "--full-screen", description = "Use the full-screen wizard, even where pftls would choose line mode.")
    boolean fullScreen;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Show the version and exit.")
    boolean version;

    private final CommandContext ctx;

    TopCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    private boolean prepared;

    /**
     * Chooses the instance (and makes the demo sandbox): called before a subcommand runs, and by
     * the wizard only once it knows there is a terminal to run on. Runs once.
     */
    void prepare() throws org.pftls.engine.PftlsException {
        if (prepared) {
            return;
        }
        prepared = true;
        ctx.choosePostfixPrograms(postfixBin);
        ctx.chooseConfigDirectory(configDirectory);
        if (demo) {
            ctx.startDemo();
        }
    }

    @Override
    public Integer call() throws Exception {
        return new NoSubcommand(ctx, this, plain, fullScreen).run();
    }
}
