package org.pftls.cli;

import picocli.CommandLine.Option;

/**
 * {@code --force}: go ahead although a check refuses (the one shared place of this option; each
 * subcommand's description says which checks it overrides).
 */
final class ForceOption {
    @Option(names = "--force", description = "Go ahead although a check refuses (e.g. no published TLSA record"
            + " matches the new key).")
    boolean force;
}
