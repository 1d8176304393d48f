package org.pftls.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.tls.CertbotHook;
import org.pftls.ui.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** certbot-hook [--install] [--dry-run]: the certbot deploy hook that reloads Postfix after renewals (pftls addition). */
@Command(name = "certbot-hook", description = {"Postfix reads its certificates only when it starts or reloads, so a"
        + " certificate that certbot renews must be followed by a reload. With --install, put a deploy hook into"
        + " certbot's renewal-hooks/deploy/ (mode 0700, root only) that reloads Postfix after each renewal and then"
        + " checks the deployed certificates with pftls status. Without --install, say whether it is installed"
        + " (exit status 0 if it is, 1 if not)."})
final class CertbotHookCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls certbot-hook [--install] [--dry-run] [--letsencrypt-dir DIR]";
    /** The launcher's path, which dist/pftls passes (the hook runs the same pftls); else found on PATH. */
    private static final String LAUNCHER_PROPERTY = "pftls.launcher";

    @Option(names = "--install", description = "Install the hook (never overwriting a file).")
    boolean install;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    LetsEncryptOption letsEncrypt;

    private final CommandContext ctx;

    CertbotHookCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        CertbotHook hook = new CertbotHook(ctx.engine().instance(), letsEncrypt.letsEncrypt(), pftlsCommand());
        if (!install) {
            if (hook.installed()) {
                ctx.printLines(List.of("The certbot deploy hook " + hook.path() + " is installed."));
                return 0;
            }
            ctx.printLines(List.of("No certbot deploy hook at " + hook.path() + "; install it with: pftls -c "
                    + ctx.configDirectory() + " certbot-hook --install"));
            return 1;
        }
        Plan plan = hook.plan();
        if (dryRun.dryRun) {
            ctx.printLines(PlanReport.render(plan));
            return 0;
        }
        hook.install(plan);
        plan.messages().forEach(ctx::info);
        return 0;
    }

    static String pftlsCommand() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY, "");
        return launcher.isEmpty() ? "pftls" : Path.of(launcher).toAbsolutePath().normalize().toString();
    }
}
