package org.pftls.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.pftls.engine.dane.DaneDeployGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** deploy-server-cert certfile keyfile. */
@Command(name = "deploy-server-cert", description = {"Deploy the certificate (chain) in certfile and the private"
        + " key in keyfile, after checking them: the key matches the first certificate, each certificate is signed"
        + " by the next, all are valid now, the key is strong enough and only its owner can read it (Debian's"
        + " ssl-cert group with mode 0640 is accepted). Relative names are relative to the configuration"
        + " directory; names are kept as given (certbot's /etc/letsencrypt/live/ links are not resolved).",
        "When the key changes and _25._tcp.$myhostname has TLSA records, one of them must match the new"
        + " certificate (looked up with a 2 s timeout; a look-up that fails is a warning); otherwise nothing is"
        + " changed, unless --force. When server TLS is off, smtpd_tls_security_level = may is set too."})
final class DeployServerCertCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls deploy-server-cert [--chain-files] [--force] [--resolver ADDR[:PORT]]"
            + " certfile keyfile";
    /** How long the TLSA look-up may take before the deploy goes on without it. */
    static final Duration DNS_TIMEOUT = Duration.ofSeconds(2);

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
    ForceOption force;

    @Mixin
    ResolverOption dns;

    @Mixin
        JsonOption json;

    private final CommandContext ctx;

    DeployServerCertCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        DaneDeployGuard guard = new DaneDeployGuard(dns.lookup(DNS_TIMEOUT, null), force.force, dns.given());
        return new ChangeRunner(ctx).run(dryRun.dryRun, json.json,
                engine -> engine.deployServerCert(certFile, keyFile, chainFiles, force.force, guard));
    }
}
