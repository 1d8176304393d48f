package org.pftls.cli;

/**
 * How much of the picocli command tree a command line needs, decided from the raw arguments before
 * anything is built: the subcommand named by the first operand (skipping the top-level options and
 * the value of {@code -c}; an unknown name builds none and fails as before; {@code wizard}, which may
 * print the usage, builds all), nothing at all for a bare {@code --version}, else everything (usage,
 * help, the wizard's usage on no terminal, an unknown subcommand's error listing them all).
 * Building only what is needed saves most of picocli's start-up reflection. Consulted only for the
 * command lines {@link ScriptCommandLine} and {@link WizardLaunch} decline (the plain
 * script-compatible ones and the plain wizard launch need no picocli at all): the other
 * subcommands, and anything unusual (help, usage errors, attached option values).
 *
 * @param subcommand the only subcommand to build, or null
 * @param none       true when no subcommand is needed
 */
record TreeNeeded(String subcommand, boolean none) {
    private static final TreeNeeded ALL = new TreeNeeded(null, false);

    static TreeNeeded of(String[] args) {
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-c") || a.equals("--postfix-bin")) {
                i++;
            } else if (a.equals("--")) {
                return ALL;
            } else if (a.equals("--version")) {
                version = true;
            } else if (a.equals("--help")) {
                return ALL;
            } else if (a.equals("wizard")) {
                return ALL; // with no terminal it prints the whole usage
            } else if (!a.startsWith("-")) {
                return new TreeNeeded(a, false);
            }
        }
        return version ? new TreeNeeded(null, true) : ALL;
    }
}
