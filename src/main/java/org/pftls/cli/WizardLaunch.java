package org.pftls.cli;

/**
 * {@code pftls [-c CONFIG_DIR] [--postfix-bin DIR] [--demo] [--plain | --full-screen]}, the wizard's command line,
 * parsed without picocli: building picocli's whole model (all subcommands, because with no
 * terminal the wizard prints the whole usage) took ~60 ms of the wizard's first 300. Accepts only
 * those options, each at most once (a {@code -c} VALUE as {@link ScriptCommandLine} accepts it),
 * and no operand; everything else is declined and goes to picocli, which stays the definition of
 * the command line. {@code WizardLaunchTest} holds the two to the same fields.
 */
final class WizardLaunch {
    final String configDirectory;
    final String postfixBin;
    final boolean demo;
    final boolean plain;
    final boolean fullScreen;

    private WizardLaunch(String configDirectory, String postfixBin, boolean demo, boolean plain, boolean fullScreen) {
        this.configDirectory = configDirectory;
        this.postfixBin = postfixBin;
        this.demo = demo;
        this.plain = plain;
        this.fullScreen = fullScreen;
    }

    /** The parsed command line, or null when picocli must parse it. */
    static WizardLaunch parse(String[] args) {
        if (System.getProperty("picocli.trimQuotes") != null) {
            return null;
        }
        String configDirectory = null;
        String postfixBin = null;
        boolean demo = false;
        boolean plain = false;
        boolean fullScreen = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-c") && configDirectory == null && i + 1 < args.length
                    && ScriptCommandLine.acceptableConfigDirectory(args[i + 1])) {
                configDirectory = args[++i];
            } else if (a.equals("--postfix-bin") && postfixBin == null && i + 1 < args.length
                    && ScriptCommandLine.acceptableConfigDirectory(args[i + 1])) {
                postfixBin = args[++i];
            } else if (a.equals("--demo") && !demo) {
                demo = true;
            } else if (a.equals("--plain") && !plain && !fullScreen) {
                plain = true;
            } else if (a.equals("--full-screen") && !fullScreen && !plain) {
                fullScreen = true;
            } else {
                return null;
            }
        }
        return new WizardLaunch(configDirectory, postfixBin, demo, plain, fullScreen);
    }

    /** The top-level command as picocli would fill it. */
    TopCommand top(CommandContext ctx) {
        TopCommand top = new TopCommand(ctx);
        top.configDirectory = configDirectory;
        top.postfixBin = postfixBin;
        top.demo = demo;
        top.plain = plain;
        top.fullScreen = fullScreen;
        return top;
    }
}
