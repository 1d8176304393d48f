package org.pftls.engine.tls;

import java.util.ArrayList;
import java.util.List;

/** The equivalent command line a plan shows: {@code pftls -c DIR SUBCOMMAND ARGS}. */
final class CommandLines {
    private CommandLines() {
    }

    static List<String> command(Instance instance, String subcommand, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("pftls", "-c", instance.configDirectory().toString(), subcommand));
        cmd.addAll(args);
        return cmd;
    }

    /** pftls's flags of enable-server/deploy-server-cert, in the order they are shown. */
    static List<String> flags(boolean merge, boolean chainFiles) {
        List<String> flags = new ArrayList<>();
        if (merge) {
            flags.add("--merge");
        }
        if (chainFiles) {
            flags.add("--chain-files");
        }
        return flags;
    }
}
