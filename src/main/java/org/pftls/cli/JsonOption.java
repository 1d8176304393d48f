package org.pftls.cli;

import picocli.CommandLine.Option;

/** {@code --json}, on every subcommand but the wizard: one JSON object on stdout (README "JSON output"). */
public final class JsonOption {
    @Option(names = "--json", description = "Print the result as one JSON object on stdout, messages and errors"
            + " included (nothing on stderr); see README \"JSON output\" for the schema.")
    boolean json;
}
