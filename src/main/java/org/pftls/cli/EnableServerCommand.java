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
    static final String SYNOPSIS = "pftls enable-server [-r randsource] [-a algorithm] [-b bits] [hostname ...]";

    @Option(names = "-r", paramLabel = "randsource", description = "Set tls_random_source, e.g. dev:/dev/urandom.")
    String randSource;

    @Mixin
    CertificateOptions options;

    private final CommandContext ctx;

    EnableServerCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        var spec = options.key.spec();
        return new ChangeRunner(ctx).run(options.dryRun.dryRun,
                engine -> engine.enableServer(randSource, spec, options.hostNames));
    }
}
