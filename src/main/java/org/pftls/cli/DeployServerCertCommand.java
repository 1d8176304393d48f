package org.pftls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** deploy-server-cert certfile keyfile. */
@Command(name = "deploy-server-cert", description = {"Deploy the certificate (chain) in certfile and the private"
        + " key in keyfile, after checking that they match. Relative names are relative to the configuration"
        + " directory."})
final class DeployServerCertCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls deploy-server-cert [--chain-files] certfile keyfile";

    @Parameters(index = "0", paramLabel = "certfile", description = "The certificate, then its issuers, in PEM.")
    String certFile;

    @Parameters(index = "1", paramLabel = "keyfile", description = "The matching private key in PEM.")
    String keyFile;

    @Mixin
    DryRunOption dryRun;

    @Option(names = "--chain-files", description = "Deploy through smtpd_tls_chain_files (Postfix 3.4+),"
            + " moving an instance from the legacy smtpd_tls_cert_file/smtpd_tls_key_file parameters.")
    boolean chainFiles;

    @Mixin
    JsonOption json;

    private final CommandContext ctx;

    DeployServerCertCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        return new ChangeRunner(ctx).run(dryRun.dryRun, json.json,
                engine -> engine.deployServerCert(certFile, keyFile, chainFiles));
    }
}
