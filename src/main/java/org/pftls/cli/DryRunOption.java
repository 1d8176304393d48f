package org.pftls.cli;

import picocli.CommandLine.Option;

/** {@code --dry-run}, shared by every subcommand that changes something. */
public final class DryRunOption {
    @Option(names = "--dry-run", description = "Show the files that would be created and the main.cf diff,"
            + " and change nothing.")
    boolean dryRun;
}
