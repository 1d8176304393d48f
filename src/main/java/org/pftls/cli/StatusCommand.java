package org.pftls.cli;

import java.util.concurrent.Callable;
import org.pftls.engine.tls.Detection;
import org.pftls.engine.tls.Detector;
import org.pftls.ui.DetectionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** status: what is configured, and what is wrong with it (pftls addition). */
@Command(name = "status", description = {"Show the TLS state of the instance: client and server settings,"
        + " and for each deployed certificate its subject, DNS names, issuer, chain length, days until expiry,"
        + " key type and size, key file owner and mode, and every problem found with its fix (the same checks as"
        + " deploy-server-cert). Exit status 0 when no problem was found, 1 otherwise."})
final class StatusCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls status [--letsencrypt-dir DIR]";

    @Mixin
    LetsEncryptOption letsEncrypt;

    private final CommandContext ctx;

    StatusCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Detection d = new Detector(ctx.engine().instance(), letsEncrypt.letsEncrypt()).detect();
        ctx.printLines(DetectionReport.lines(d));
        return d.warnings().isEmpty() ? 0 : 1;
    }
}
