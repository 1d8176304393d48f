package org.pftls.cli;

import picocli.CommandLine.Option;

/**
 * {@code --force} of deploy-server-cert (the one shared place of this option): deploy despite the
 * refusals that may be overridden (a certificate expired or not yet valid; no published TLSA record
 * matching the new key), never despite a mismatch, a broken chain, a weak key or a key file others
 * can read. What it overrode is printed as a warning.
 */
public final class ForceOption {
    @Option(names = "--force", description = "Deploy even if a certificate in the chain has expired or is not"
            + " valid yet, or no published TLSA record matches the new key (never despite a mismatch, a broken"
            + " chain, a weak or readable key); say what was overridden.")
    boolean force;
}
