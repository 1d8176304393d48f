package org.pftls.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pftls.engine.dane.TlsaData;
import org.pftls.cli.json.OutputJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** output-server-tlsa [-h hostname] [keyfile ...]. */
@Command(name = "output-server-tlsa", description = {"Write to stdout a DANE TLSA RRset (3 1 1) for a port 25"
        + " SMTP server on hostname with the keys in the key files (default: the deployed rsa and ecdsa keys)."})
final class OutputServerTlsaCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls output-server-tlsa [-h hostname] [--generic] [keyfile ...]";

    @Option(names = "-h", paramLabel = "hostname", description = "Host name of the records (default: myhostname).")
    String hostName;

    @Option(names = "--generic", description = "Write the records in RFC 3597 syntax (IN TYPE52 \\# 35 0301...),"
            + " for zone tools that do not know TLSA.")
    boolean generic;

    @Parameters(paramLabel = "keyfile", arity = "0..*", description = "Key files, or rsa / ecdsa.")
    List<String> keyFiles = new ArrayList<>();

    @Mixin
    JsonOption json;

    private final CommandContext ctx;

    OutputServerTlsaCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        ctx.prefetchPostfixDefaults(); // both read the deployed key/cache settings, defaults included
        if (json.json) {
            OutputJson.tlsa(ctx.out(), ctx.configDirectory(), ctx.engine().serverTlsaRecords(hostName, keyFiles),
                    ctx.capturedMessages().list());
            return 0;
        }
        ctx.engine().serverTlsa(hostName, keyFiles,
                line -> ctx.out().println(generic ? TlsaData.genericLine(line) : line));
        return 0;
    }
}
