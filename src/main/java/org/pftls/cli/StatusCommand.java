package org.pftls.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.pftls.engine.tls.Detection;
import org.pftls.engine.tls.Detector;
import org.pftls.engine.tls.Instance;
import org.pftls.engine.verify.VerifyHistory;
import org.pftls.ui.DetectionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** status: what is configured, and what is wrong with it (pftls addition). */
@Command(name = "status", description = {"Show the TLS state of the instance: client and server settings,"
        + " and for each deployed certificate its subject, DNS names, issuer, chain length, days until expiry,"
        + " key type and size, key file owner and mode, and every problem found with its fix (the same checks as"
        + " deploy-server-cert); when pftls verify last checked the running server. Exit status 0 when no problem"
        + " was found, 1 otherwise."})
final class StatusCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls status [--letsencrypt-dir DIR] [--json]";

    @Option(names = "--json", description = "Print the state as one JSON object (see README).")
    boolean json;

    @Mixin
    LetsEncryptOption letsEncrypt;

    private final CommandContext ctx;

    StatusCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Instance instance = ctx.engine().instance();
        Detection d = new Detector(instance, letsEncrypt.letsEncrypt()).detect();
        Optional<VerifyHistory.Last> verified = LastVerification.of(ctx, instance);
        if (json) {
            org.pftls.cli.json.StatusJson.write(d, verified, ctx.out());
        } else {
            ctx.printLines(DetectionReport.lines(d));
            ctx.printLines(LastVerification.lines(verified));
        }
        return d.warnings().isEmpty() ? 0 : 1;
    }
}
