package org.pftls.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pftls.cli.json.OutputJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** output-server-csr [-k keyfile] [hostname ...]. */
@Command(name = "output-server-csr", description = {"Write to stdout a certificate signing request (CSR) for the"
        + " key file. keyfile may be rsa or ecdsa (the deployed key of that algorithm; default: rsa, then ecdsa)."})
final class OutputServerCsrCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls output-server-csr [-k keyfile] [hostname ...]";

    @Option(names = "-k", paramLabel = "keyfile", description = "Key file, or rsa / ecdsa for the deployed key.")
    String keyFile;

    @Parameters(paramLabel = "hostname", arity = "0..*", description = "Names to request (default: myhostname).")
    List<String> hostNames = new ArrayList<>();

    @Mixin
    JsonOption json;

    private final CommandContext ctx;

    OutputServerCsrCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (json.json) {
            OutputJson.csr(ctx.out(), ctx.configDirectory(), ctx.engine().csr(keyFile, hostNames),
                    ctx.capturedMessages().list());
            return 0;
        }
        ctx.printBytes(ctx.engine().serverCsr(keyFile, hostNames));
        return 0;
    }
}
