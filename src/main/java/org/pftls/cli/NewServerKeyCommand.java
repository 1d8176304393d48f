package org.pftls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** new-server-key [-a algorithm] [-b bits] [hostname ...]. */
@Command(name = "new-server-key", description = {"Create a new private key and self-signed server certificate,"
        + " but do not deploy them. Shows the commands to deploy them and to output a CSR or TLSA records."})
final class NewServerKeyCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls new-server-key [-a algorithm] [-b bits] [hostname ...]";

    @Mixin
    CertificateOptions options;

    @Mixin
    JsonOption json;

    private final CommandContext ctx;

    NewServerKeyCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        var specs = options.key.specs();
        return new ChangeRunner(ctx).run(options.dryRun.dryRun, json.json,
                engine -> engine.newServerKey(specs, options.hostNames));
    }
}
