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
    static final String SYNOPSIS = "pftls enable-client [-r randsource] [--merge]";

    @Option(names = "-r", paramLabel = "randsource", description = "Set tls_random_source, e.g. dev:/dev/urandom.")
    String randSource;

    @Mixin
    DryRunOption dryRun;

    @Option(names = "--merge", description = "On an instance whose client TLS settings are not all default:"
            + " change only what is missing (the security level only when TLS is off; may, dane, encrypt,"
            + " verify, secure are kept; a working session cache is kept), printing each parameter kept,"
            + " changed or added with the reason. Without it, such an instance is left alone.")
    boolean merge;

    @Mixin
    JsonOption json;

    private final CommandContext ctx;

    EnableClientCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        ctx.prefetchPostfixDefaults(); // both read the deployed key/cache settings, defaults included
        return new ChangeRunner(ctx).run(dryRun.dryRun, json.json, engine -> engine.enableClient(randSource, merge));
    }
}
