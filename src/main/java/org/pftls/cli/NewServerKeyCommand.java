package org.pftls.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** new-server-key [-a algorithm] [-b bits] [hostname ...]. */
@Command(name = "new-server-key", description = {"Create a new private key and self-signed server certificate,"
        + " but do not deploy them. Shows the commands to deploy them and to output a CSR or TLSA records."})
final class NewServerKeyCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls new-server-key [-a algorithm] [-b bits] [hostname ...]";

    @Mixin
    KeyOptions key;

    @Mixin
    DryRunOption dryRun;

    @Parameters(paramLabel = "hostname", arity = "0..*", description = "Names for the certificate (default:"
            + " myhostname).")
    List<String> hostNames = new ArrayList<>();

    private final CommandContext ctx;

    NewServerKeyCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        var spec = key.spec();
        return new ChangeRunner(ctx).run(dryRun.dryRun, engine -> engine.newServerKey(spec, hostNames));
    }
}
