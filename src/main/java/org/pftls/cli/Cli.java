package org.pftls.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pftls.cli.json.ErrorJson;
import org.pftls.cli.json.JsonMessages;
import org.pftls.engine.PftlsException;
import org.pftls.engine.ports.MessageSink;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command line: builds the picocli tree, runs the chosen subcommand, and turns every failure
 * into one "pftls: fatal: ..." line and the exit status of its kind. A plain command line of one of
 * postfix-tls-script's subcommands ({@link ScriptCommandLine}) or of the wizard ({@link WizardLaunch})
 * skips picocli altogether.
 */
public final class Cli {
    private final CommandContext ctx;
    /** Subcommand name → its one-line synopsis, for usage errors. */
    private final Map<String, String> synopses = new LinkedHashMap<>();

    public Cli(CommandContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The subcommand to build, or null for all of them. Building a subcommand's picocli model costs
     * several milliseconds of reflection at every start, so {@link #run} builds only the one named.
     */
    private String only;
    /** Whether to build no subcommand at all (plain {@code pftls --version}). */
    private boolean none;
    /** {@code --json} was given: results and errors are one JSON object on stdout (see {@link #jsonRequested}). */
    private boolean json;
    /** The subcommand named on the command line, for the JSON of an error; null when none. */
    private String subcommand;

    /** Builds the whole command tree; also used to generate the man page and completion script. */
    public CommandLine commandLine() {
        TopCommand top = new TopCommand(ctx);
        CommandLine cl = new CommandLine(top);
        add(cl, new EnableClientCommand(ctx), EnableClientCommand.SYNOPSIS);
        add(cl, new EnableServerCommand(ctx), EnableServerCommand.SYNOPSIS);
        add(cl, new NewServerKeyCommand(ctx), NewServerKeyCommand.SYNOPSIS);
        add(cl, new NewServerCertCommand(ctx), NewServerCertCommand.SYNOPSIS);
        add(cl, new DeployServerCertCommand(ctx), DeployServerCertCommand.SYNOPSIS);
        add(cl, new OutputServerCsrCommand(ctx), OutputServerCsrCommand.SYNOPSIS);
        add(cl, new OutputServerTlsaCommand(ctx), OutputServerTlsaCommand.SYNOPSIS);
        add(cl, new AllDefaultCommand.Client(ctx), AllDefaultCommand.Client.SYNOPSIS);
        add(cl, new AllDefaultCommand.Server(ctx), AllDefaultCommand.Server.SYNOPSIS);
        add(cl, new StatusCommand(ctx), StatusCommand.SYNOPSIS);
        add(cl, new VerifyCommand(ctx), VerifyCommand.SYNOPSIS);
        add(cl, new HistoryCommand(ctx), HistoryCommand.SYNOPSIS);
        add(cl, new RollbackCommand(ctx), RollbackCommand.SYNOPSIS);
        add(cl, new WizardCommand(ctx), WizardCommand.SYNOPSIS);
        add(cl, new CertbotHookCommand(ctx), CertbotHookCommand.SYNOPSIS);
        // getopts rules, as postfix-tls-script: options come before operands, a repeated option's
        // last value wins, and anything after the first operand is an operand.
        cl.setStopAtPositional(true);
        cl.setSeparator(" "); // "-a rsa" as getopts and the manual write it; "-a=rsa" means "=rsa", as in the script
        cl.setOverwrittenOptionsAllowed(true);
        cl.setAllowOptionsAsOptionParameters(true);
        cl.setOut(new java.io.PrintWriter(ctx.out(), true));
        cl.setErr(new java.io.PrintWriter(ctx.err(), true));
        new Handlers().install(cl);
        return cl;
    }

    /**
     * picocli's callbacks as one named class, not lambdas: a lambda implementing one of picocli's
     * (Java 5 class file) interfaces makes the JDK 17 CDS dump drop that interface and everything
     * built on it from the start-up archive, and loading them from the jar then costs ~20 ms.
     */
    private final class Handlers implements CommandLine.IExecutionStrategy, CommandLine.IParameterExceptionHandler,
            CommandLine.IExecutionExceptionHandler {
        /**
         * Here, not in {@link #commandLine}: passing a Handlers where one of picocli's interfaces is
         * expected makes the bytecode verifier load that interface, and verifying Cli must load no
         * picocli class (the script's subcommands run without picocli; ScriptFastPathTest checks).
         */
        void install(CommandLine cl) {
            cl.setExecutionStrategy(this);
            cl.setParameterExceptionHandler(this);
            cl.setExecutionExceptionHandler(this);
        }

        @Override
        public int execute(ParseResult parseResult) {
            return Cli.this.execute(parseResult);
        }

        @Override
        public int handleParseException(ParameterException e, String[] args) {
            return badArguments(e, args);
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
            return failed(e);
        }
    }

    private void add(CommandLine parent, Object command, String synopsis) {
        String name = command.getClass().getAnnotation(CommandLine.Command.class).name();
        synopses.put(name, synopsis);
        if (!none && (only == null || only.equals(name))) {
            CommandLine sub = new CommandLine(command);
            // --help on every subcommand; not -h, which output-server-tlsa uses for the host name.
            sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("--help").usageHelp(true)
                    .description("Show this help and exit.").build());
            parent.addSubcommand(name, sub);
        }
    }

    /** Runs the command line and returns the exit status. */
    public int run(String... args) {
        json = jsonRequested(args);
        if (json) {
            ctx.captureMessages(new JsonMessages());
            subcommand = subcommandName(args);
        }
        try {
            if (args.length == 1 && args[0].equals("--version")) {
                // All picocli would do: print the version. Scripts ask this often; skipping the
                // command model saves ~30 ms (StartupPathTest checks the output is the same).
                for (String line : new VersionInfo().getVersion()) {
                    ctx.out().println(line);
                }
                return 0;
            }
            ScriptCommandLine script = ScriptCommandLine.parse(args, ctx);
            if (script != null) {
                return runScript(script);
            }
            WizardLaunch wizard = WizardLaunch.parse(args);
            if (wizard != null) {
                return runWizard(wizard);
            }
            TreeNeeded needed = TreeNeeded.of(args);
            only = needed.subcommand();
            none = needed.none();
            return commandLine().execute(args);
        } finally {
            ctx.close();
        }
    }

    /**
     * A plain command line of one of postfix-tls-script's subcommands, without picocli (whose model
     * costs ~45 ms per start): what {@link #execute} does for it, as picocli would call it.
     */
    private int runScript(ScriptCommandLine script) {
        ctx.chooseConfigDirectory(script.configDirectory()); // as TopCommand.prepare(); no --demo here
        try {
            ctx.choosePostfixPrograms(script.postfixBin());
            Integer status = script.command().call();
            return status == null ? 0 : status;
        } catch (Exception e) {
            return failed(e);
        }
    }

    /**
     * {@code pftls [-c DIR] [--demo] [--plain | --full-screen]} without picocli: what picocli would
     * call ({@link TopCommand#call}); the whole usage, should it be printed, is built only then.
     */
    private int runWizard(WizardLaunch wizard) {
        TopCommand top = wizard.top(ctx);
        try {
            return new NoSubcommand(ctx, top, wizard.plain, wizard.fullScreen,
                    () -> commandLine().getUsageMessage()).run();
        } catch (Exception e) {
            return failed(e);
        }
    }

    private int execute(ParseResult parseResult) {
        TopCommand top = (TopCommand) parseResult.commandSpec().userObject();
        if (parseResult.hasSubcommand()) {
            if (CommandLine.printHelpIfRequested(parseResult)) {
                return 0;
            }
            // The wizard prepares the instance itself, once it knows there is a terminal: without
            // one it must exit at once, touching nothing (not even making the --demo sandbox).
            boolean wizard = parseResult.subcommand().commandSpec().userObject() instanceof WizardCommand;
            try {
                if (!wizard) {
                    top.prepare();
                }
            } catch (PftlsException e) {
                return failed(e);
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /**
     * Whether the command line asks for JSON: an argument {@code --json} before any {@code --}. Decided
     * from the raw arguments, so that a usage error, which picocli reports before any option is read,
     * is JSON too. Where picocli would take that {@code --json} as something else (an option's value,
     * an operand after the first operand), the run fails anyway, and the failure is JSON.
     */
    static boolean jsonRequested(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    /** The known subcommand the command line names (after the top-level options), or null. */
    private static String subcommandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-c")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                for (String known : ScriptCommandLine.TOP_LEVEL_NAMES) {
                    if (known.equals(args[i])) {
                        return known;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /**
     * A failure: with --json, the error object on stdout (the message still goes to the mail log);
     * else the one "pftls: fatal:" line on stderr.
     */
    private int fatal(String kind, String message, int status) {
        if (json) {
            ctx.mailLogOnly().message(MessageSink.Level.FATAL, message);
            ErrorJson.write(ctx.out(), subcommand, kind, message, status, ctx.capturedMessages().list());
        } else {
            ctx.message(CommandContext.Level.FATAL, message);
        }
        return status;
    }

    private int badArguments(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandName();
        String problem = e.getMessage().lines().findFirst().orElse("bad arguments").replaceAll("\\.$", "");
        if (cl.getParent() == null && e instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            problem = "unknown tls command: '" + u.getUnmatched().get(0) + "'";
            return fatal("usage", problem + "; use one of: " + String.join(", ", synopses.keySet()),
                    PftlsException.Kind.USAGE.exitStatus());
        }
        String usage = synopses.getOrDefault(name, "pftls [-c CONFIG_DIR] [--demo] SUBCOMMAND ...");
        return fatal("usage", problem + "; usage: " + usage, PftlsException.Kind.USAGE.exitStatus());
    }

    private int failed(Exception e) {
        if (e instanceof PftlsException p) {
            if (p.kind() != PftlsException.Kind.NEGATIVE) {
                return fatal(p.kind().name().toLowerCase(Locale.ROOT), p.getMessage(), p.kind().exitStatus());
            }
            if (json) { // not reached: all-default-* answer no in their JSON object; still one object
                return fatal("negative", p.getMessage().isEmpty() ? "no" : p.getMessage(), p.kind().exitStatus());
            }
            return p.kind().exitStatus();
        }
        if (e instanceof java.nio.file.InvalidPathException bad) { // a name this system cannot have: input, not a bug
            return fatal("input", "bad file name \"" + bad.getInput() + "\": " + bad.getReason()
                    + "; give a path this system can use (in a UTF-8 locale: LC_ALL=C.UTF-8)",
                    PftlsException.Kind.INPUT.exitStatus());
        }
        int status = fatal("internal", "internal error: " + e + "; please report this as a bug", 70);
        e.printStackTrace(ctx.err());
        return status;
    }
}
