package org.pftls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** deploy-server-cert certfile keyfile. */
@Command(name = "deploy-server-cert", description = {"Deploy the certificate (chain) in certfile and the private"
        + " key in keyfile, after checking them: the key matches the first certificate, each certificate is signed"
        + " by the next, all are valid now, the key is strong enough and only its owner can read it (Debian's"
        + " ssl-cert group with mode 0640 is accepted). Relative names are relative to the configuration"
        + " directory; names are kept as given (certbot's /etc/letsencrypt/live/ links are not resolved)."})
final class DeployServerCertCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls deploy-server-cert [--force] certfile keyfile";

    @Parameters(index = "0", paramLabel = "certfile", description = "The certificate, then its issuers, in PEM.")
    String certFile;

    @Parameters(index = "1", paramLabel = "keyfile", description = "The matching private key in PEM.")
    String keyFile;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    ForceOption force;

    private final CommandContext ctx;

    DeployServerCertCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        return new ChangeRunner(ctx).run(dryRun.dryRun, engine -> engine.deployServerCert(certFile, keyFile, force.force));
    }
}
