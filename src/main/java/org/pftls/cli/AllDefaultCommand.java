package org.pftls.cli;

import java.util.concurrent.Callable;
import org.pftls.cli.json.OutputJson;
import org.pftls.engine.PftlsException;
import org.pftls.engine.tls.TlsEngine;
import org.pftls.engine.tls.TlsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** all-default-client / all-default-server: exit 0 when every setting of the list is at its default. */
abstract class AllDefaultCommand implements Callable<Integer> {
    private final CommandContext ctx;
    private final TlsSettings settings;

    @Mixin
    JsonOption json;

    AllDefaultCommand(CommandContext ctx, TlsSettings settings) {
        this.ctx = ctx;
        this.settings = settings;
    }

    @Override
    public Integer call() throws Exception {
        if (json.json) {
            TlsEngine engine = ctx.engine();
            var nonDefault = settings.nonDefault(engine.instance().parameters());
            OutputJson.allDefault(ctx.out(), getClass().getAnnotation(Command.class).name(), ctx.configDirectory(),
                    nonDefault, ctx.capturedMessages().list());
            return nonDefault.isEmpty() ? 0 : PftlsException.Kind.NEGATIVE.exitStatus();
        }
        if (!ctx.engine().allDefault(settings)) {
            throw new PftlsException(PftlsException.Kind.NEGATIVE, "");
        }
        return 0;
    }

    @Command(name = "all-default-client", description = {"Exit with status 0 if all SMTP client TLS settings are at"
            + " their default values, otherwise with a non-zero status.",
        "Typically: pftls all-default-client && pftls enable-client"})
    static final class Client extends AllDefaultCommand {
        static final String SYNOPSIS = "pftls all-default-client";

        Client(CommandContext ctx) {
            super(ctx, TlsSettings.CLIENT);
        }

        /** As picocli fills it (ScriptCommandLine). */
        Client(CommandContext ctx, JsonOption json) {
            this(ctx);
            this.json = json;
        }
    }

    @Command(name = "all-default-server", description = {"Exit with status 0 if all SMTP server TLS settings are at"
            + " their default values, otherwise with a non-zero status.",
        "Typically: pftls all-default-server && pftls enable-server"})
    static final class Server extends AllDefaultCommand {
        static final String SYNOPSIS = "pftls all-default-server";

        Server(CommandContext ctx) {
            super(ctx, TlsSettings.SERVER);
        }

        /** As picocli fills it (ScriptCommandLine). */
        Server(CommandContext ctx, JsonOption json) {
            this(ctx);
            this.json = json;
        }
    }
}
