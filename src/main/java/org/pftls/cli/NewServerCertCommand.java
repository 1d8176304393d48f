package org.pftls.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** new-server-cert [-a algorithm] [-b bits] [hostname ...]. */
@Command(name = "new-server-cert", description = {"Like new-server-key, but copies the currently deployed private"
        + " key of the algorithm instead of making a new one (TLSA 3 1 1 records stay valid). -a and -b are used"
        + " only when no key of that algorithm is deployed."})
final class NewServerCertCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls new-server-cert [-a algorithm] [-b bits] [hostname ...]";

    @Mixin
    KeyOptions key;

    @Mixin
    DryRunOption dryRun;

    @Parameters(paramLabel = "hostname", arity = "0..*", description = "Names for the certificate (default:"
            + " myhostname).")
    List<String> hostNames = new ArrayList<>();

    private final CommandContext ctx;

    NewServerCertCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        var spec = key.spec();
        return new ChangeRunner(ctx).run(dryRun.dryRun, engine -> engine.newServerCert(spec, hostNames));
    }
}
