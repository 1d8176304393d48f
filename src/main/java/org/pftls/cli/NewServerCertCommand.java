package org.pftls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** new-server-cert [-a algorithm] [-b bits] [hostname ...]. */
@Command(name = "new-server-cert", description = {"Like new-server-key, but copies the currently deployed private"
        + " key of the algorithm instead of making a new one (TLSA 3 1 1 records stay valid). -a and -b are used"
        + " only when no key of that algorithm is deployed."})
final class NewServerCertCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls new-server-cert [-a algorithm] [-b bits] [hostname ...]";

    @Mixin
    CertificateOptions options;

    @Mixin
    JsonOption json;

    private final CommandContext ctx;

    NewServerCertCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        var specs = options.key.specs();
        return new ChangeRunner(ctx).run(options.dryRun.dryRun, json.json,
                engine -> engine.newServerCert(specs, options.hostNames));
    }
}
