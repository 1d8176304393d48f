package org.pftls.cli;

import java.util.concurrent.Callable;
import org.pftls.cli.json.StatusJson;
import org.pftls.engine.tls.Detection;
import org.pftls.engine.tls.Detector;
import org.pftls.ui.DetectionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** status: what is configured, and what is wrong with it (pftls addition). */
@Command(name = "status", description = {"Show the TLS state of the instance: client and server settings,"
        + " deployed keys and certificates (subject, names, expiry, whether they match) and every problem found"
        + " with its fix. Exit status 0 when no problem was found, 1 otherwise."})
final class StatusCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls status";

    @Option(names = "--json", description = "Print the state as one JSON object (see README).")
    boolean json;

    private final CommandContext ctx;

    StatusCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Detection d = new Detector(ctx.engine().instance()).detect();
        if (json) {
            StatusJson.write(ctx.out(), d);
        } else {
            ctx.printLines(DetectionReport.lines(d));
        }
        return d.warnings().isEmpty() ? 0 : 1;
    }
}
