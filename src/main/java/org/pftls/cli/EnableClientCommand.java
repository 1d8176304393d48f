package org.pftls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** enable-client [-r randsource]. */
@Command(name = "enable-client", description = {"Enable opportunistic TLS in the Postfix SMTP client, if all SMTP"
        + " client TLS settings are at their default values. Otherwise, suggest parameter settings without making"
        + " any changes."})
final class EnableClientCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls enable-client [-r randsource]";

    @Option(names = "-r", paramLabel = "randsource", description = "Set tls_random_source, e.g. dev:/dev/urandom.")
    String randSource;

    @Mixin
    DryRunOption dryRun;

    private final CommandContext ctx;

    EnableClientCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        ctx.prefetchPostfixDefaults(); // both read the deployed key/cache settings, defaults included
        return new ChangeRunner(ctx).run(dryRun.dryRun, engine -> engine.enableClient(randSource));
    }
}
