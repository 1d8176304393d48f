package org.pftls.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What the subcommands that make a key and certificate share: {@code -a}, {@code -b},
 * {@code --dry-run} and the host names.
 */
public final class CertificateOptions {
    @Mixin
    KeyOptions key;

    @Mixin
    DryRunOption dryRun;

    @Parameters(paramLabel = "hostname", arity = "0..*", description = "Names for the certificate (default:"
            + " myhostname); the first is also the CommonName.")
    List<String> hostNames = new ArrayList<>();
}
