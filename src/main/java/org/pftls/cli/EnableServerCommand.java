package org.pftls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** enable-server [-r randsource] [-a algorithm] [-b bits] [hostname ...]. */
@Command(name = "enable-server", description = {"Create a new private key and self-signed server certificate and"
        + " enable opportunistic TLS in the Postfix SMTP server, if all SMTP server TLS settings are at their"
        + " default values. Otherwise, suggest parameter settings without making any changes."})
final class EnableServerCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls enable-server [-r randsource] [-a algorithm] [-b bits] [--merge]"
            + " [--keep-usable] [--chain-files] [hostname ...]";

    @Option(names = "-r", paramLabel = "randsource", description = "Set tls_random_source, e.g. dev:/dev/urandom.")
    String randSource;

    @Mixin
    CertificateOptions options;

    @Option(names = "--merge", description = "On an instance whose server TLS settings are not all default:"
            + " deploy the new key(s) and certificate(s) and change only what is missing (the security level"
            + " only when TLS is off; stricter levels are kept), printing each parameter kept, changed or added"
            + " with the reason. Without it, such an instance is left alone (as postfix tls does).")
    boolean merge;

    @Option(names = "--chain-files", description = "Deploy through smtpd_tls_chain_files (Postfix 3.4+),"
            + " moving an instance from the legacy smtpd_tls_cert_file/smtpd_tls_key_file parameters.")
    boolean chainFiles;

    @Option(names = "--keep-usable", description = "With --merge: keep the deployed key and certificate of each"
            + " requested algorithm that has a usable pair (both readable, and they match) instead of replacing it;"
            + " new ones are made only for the others. A repeated run then changes nothing.")
    boolean keepUsable;

    @Mixin
    JsonOption json;

    private final CommandContext ctx;

    EnableServerCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        var specs = options.key.specs();
        return new ChangeRunner(ctx).run(options.dryRun.dryRun, json.json,
                engine -> engine.enableServer(randSource, specs, options.hostNames, merge, chainFiles, keepUsable));
    }
}
