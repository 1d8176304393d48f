package org.pftls.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The command lines of postfix-tls-script's nine subcommands, parsed without picocli: building
 * picocli's model costs ~45 ms (~16 ms even programmatically) at every start, as much as the whole
 * {@code postfix tls} script. {@link #parse} accepts only plain, well-formed command lines, fills the
 * same subcommand objects exactly as picocli would (same fields, same mixin objects), and declines
 * everything else, which then goes to picocli as before: picocli stays the definition of the
 * command line (help, usage errors, the man page, completion, the other subcommands).
 *
 * <p>Accepted, and nothing else: zero or more top-level {@code -c VALUE} and {@code --postfix-bin VALUE}
 * in any order (the last of each wins); one of the
 * nine subcommand names; its own options, each as a separate {@code -x VALUE} (the last wins) or the
 * flags ({@code --json}, and where the subcommand has them {@code --dry-run}, {@code --merge},
 * {@code --keep-usable}, {@code --chain-files}, {@code --force}), all before the first operand; then
 * the operands, as many as the subcommand takes. A VALUE or operand must not start with {@code -} (picocli may take it for an option) or
 * {@code @} (picocli reads {@code @file} as an argument file), and a {@code -c} VALUE must not be a
 * subcommand name (picocli refuses it as an option value) nor hold a NUL character (picocli's path
 * would fail differently). Anything else starting with {@code -} ({@code --}, {@code --help},
 * {@code -aecdsa}, an option after an operand, an option of another subcommand) is declined.
 *
 * <p>No picocli class is touched here: the table below repeats the subcommand names and options,
 * and {@code ScriptCommandLineTest} checks it against the annotations and against picocli's parsing.
 */
final class ScriptCommandLine {
    /** The nine subcommands of postfix-tls-script, in the order of the tables below. */
    static final String[] NAMES = {"enable-client", "enable-server", "new-server-key", "new-server-cert",
        "deploy-server-cert", "output-server-csr", "output-server-tlsa", "all-default-client", "all-default-server"};
    /** Every top-level subcommand name, these nine included: none is a valid {@code -c} value for picocli. */
    static final String[] TOP_LEVEL_NAMES = {"enable-client", "enable-server", "new-server-key", "new-server-cert",
        "deploy-server-cert", "output-server-csr", "output-server-tlsa", "all-default-client", "all-default-server",
        "status", "verify", "history", "rollback", "wizard", "certbot-hook"};
    /** Each subcommand's options that take a value, by their letter. */
    private static final String[] VALUE_OPTIONS = {"r", "rab", "ab", "ab", "", "k", "h", "", ""};
    /** Each subcommand's flags (long options without a value). */
    private static final String[][] FLAGS = {{"--dry-run", "--merge", "--json"},
        {"--dry-run", "--merge", "--keep-usable", "--chain-files", "--json"}, {"--dry-run", "--json"},
        {"--dry-run", "--json"}, {"--dry-run", "--chain-files", "--force", "--json"}, {"--json"}, {"--json"},
        {"--json"}, {"--json"}};
    private static final int ANY = Integer.MAX_VALUE;
    private static final int[] MIN_OPERANDS = {0, 0, 0, 0, 2, 0, 0, 0, 0};
    private static final int[] MAX_OPERANDS = {0, ANY, ANY, ANY, 2, ANY, ANY, 0, 0};

    private final String configDirectory;
    private final String postfixBin;
    private final Callable<Integer> command;

    private ScriptCommandLine(String configDirectory, String postfixBin, Callable<Integer> command) {
        this.configDirectory = configDirectory;
        this.postfixBin = postfixBin;
        this.command = command;
    }

    /** The top-level {@code --postfix-bin} value, or null. */
    String postfixBin() {
        return postfixBin;
    }

    /** The top-level {@code -c} value, or null. */
    String configDirectory() {
        return configDirectory;
    }

    /** The subcommand, its fields filled as picocli would fill them. */
    Callable<Integer> command() {
        return command;
    }

    /** The parsed command line, or null when it is not a plain one of the nine subcommands (picocli's turn). */
    static ScriptCommandLine parse(String[] args, CommandContext ctx) {
        if (System.getProperty("picocli.trimQuotes") != null) {
            return null; // picocli would unquote "..." arguments
        }
        int i = 0;
        String configDirectory = null;
        String postfixBin = null;
        while (i < args.length && (args[i].equals("-c") || args[i].equals("--postfix-bin"))) {
            if (i + 1 == args.length || !acceptableConfigDirectory(args[i + 1])) {
                return null;
            }
            if (args[i].equals("-c")) {
                configDirectory = args[i + 1];
            } else {
                postfixBin = args[i + 1];
            }
            i += 2;
        }
        if (i == args.length) {
            return null;
        }
        int c = indexOf(NAMES, args[i++]);
        if (c < 0) {
            return null;
        }
        String letters = VALUE_OPTIONS[c];
        String[] values = new String[letters.length()];
        List<String> flags = new ArrayList<>();
        while (i < args.length && args[i].startsWith("-")) {
            String a = args[i];
            if (indexOf(FLAGS[c], a) >= 0) {
                flags.add(a);
                i++;
                continue;
            }
            int k = a.length() == 2 ? letters.indexOf(a.charAt(1)) : -1;
            if (k < 0 || i + 1 == args.length || !plain(args[i + 1])) {
                return null;
            }
            values[k] = args[i + 1];
            i += 2;
        }
        int operands = args.length - i;
        if (operands < MIN_OPERANDS[c] || operands > MAX_OPERANDS[c]) {
            return null;
        }
        for (int j = i; j < args.length; j++) {
            if (!plain(args[j])) {
                return null;
            }
        }
        return new ScriptCommandLine(configDirectory, postfixBin, command(c, ctx, values, flags, args, i));
    }

    /** Makes subcommand number {@code c} and fills its fields as picocli would. */
    private static Callable<Integer> command(int c, CommandContext ctx, String[] values, List<String> flags,
            String[] args, int firstOperand) {
        boolean dryRun = flags.contains("--dry-run");
        boolean merge = flags.contains("--merge");
        boolean chainFiles = flags.contains("--chain-files");
        boolean keepUsable = flags.contains("--keep-usable");
        JsonOption json = jsonOption(flags.contains("--json"));
        switch (c) {
            case 0: {
                EnableClientCommand cmd = new EnableClientCommand(ctx);
                cmd.randSource = values[0];
                cmd.dryRun = dryRunOption(dryRun);
                cmd.merge = merge;
                cmd.dns = new ResolverOption(); // --dane and its options are left to picocli
                cmd.json = json;
                return cmd;
            }
            case 1: {
                EnableServerCommand cmd = new EnableServerCommand(ctx);
                cmd.randSource = values[0];
                cmd.options = certificateOptions(values[1], values[2], dryRun, args, firstOperand);
                cmd.merge = merge;
                cmd.chainFiles = chainFiles;
                cmd.keepUsable = keepUsable;
                cmd.json = json;
                return cmd;
            }
            case 2: {
                NewServerKeyCommand cmd = new NewServerKeyCommand(ctx);
                cmd.options = certificateOptions(values[0], values[1], dryRun, args, firstOperand);
                cmd.json = json;
                return cmd;
            }
            case 3: {
                NewServerCertCommand cmd = new NewServerCertCommand(ctx);
                cmd.options = certificateOptions(values[0], values[1], dryRun, args, firstOperand);
                cmd.json = json;
                return cmd;
            }
            case 4: {
                DeployServerCertCommand cmd = new DeployServerCertCommand(ctx);
                cmd.certFile = args[firstOperand];
                cmd.keyFile = args[firstOperand + 1];
                cmd.dryRun = dryRunOption(dryRun);
                cmd.chainFiles = chainFiles;
                cmd.force = new ForceOption();
                cmd.force.force = flags.contains("--force");
                cmd.dns = new ResolverOption(); // --resolver is left to picocli
                cmd.json = json;
                return cmd;
            }
            case 5: {
                OutputServerCsrCommand cmd = new OutputServerCsrCommand(ctx);
                cmd.keyFile = values[0];
                addAll(cmd.hostNames, args, firstOperand);
                cmd.json = json;
                return cmd;
            }
            case 6: {
                OutputServerTlsaCommand cmd = new OutputServerTlsaCommand(ctx);
                cmd.hostName = values[0];
                addAll(cmd.keyFiles, args, firstOperand);
                cmd.json = json;
                return cmd;
            }
            // Through the constructor: a local of the superclass's type, or setting its field on the
            // subclass, would make the verifier load AllDefaultCommand and both subclasses at every start.
            case 7:
                return new AllDefaultCommand.Client(ctx, json);
            case 8:
                return new AllDefaultCommand.Server(ctx, json);
            default:
                throw new IllegalArgumentException("no subcommand number " + c);
        }
    }

    private static CertificateOptions certificateOptions(String algorithm, String bits, boolean dryRun, String[] args,
            int firstOperand) {
        CertificateOptions options = new CertificateOptions();
        options.key = new KeyOptions();
        options.key.algorithm = algorithm;
        options.key.bits = bits;
        options.dryRun = dryRunOption(dryRun);
        addAll(options.hostNames, args, firstOperand);
        return options;
    }

    private static JsonOption jsonOption(boolean json) {
        JsonOption option = new JsonOption();
        option.json = json;
        return option;
    }

    private static DryRunOption dryRunOption(boolean dryRun) {
        DryRunOption option = new DryRunOption();
        option.dryRun = dryRun;
        return option;
    }

    private static void addAll(List<String> list, String[] args, int from) {
        for (int j = from; j < args.length; j++) {
            list.add(args[j]);
        }
    }

    /** Whether picocli would take VALUE in {@code -c VALUE} as the value, as given. */
    static boolean acceptableConfigDirectory(String value) {
        return plain(value) && indexOf(TOP_LEVEL_NAMES, value) < 0 && value.indexOf('\0') < 0;
    }

    /** A value or operand picocli takes as it is: not an option look-alike, not an @argument-file. */
    private static boolean plain(String arg) {
        return !arg.startsWith("-") && !arg.startsWith("@");
    }

    private static int indexOf(String[] names, String name) {
        for (int j = 0; j < names.length; j++) {
            if (names[j].equals(name)) {
                return j;
            }
        }
        return -1;
    }
}
