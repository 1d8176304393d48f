package org.pftls.differential;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pftls.adapters.KernelHostName;
import org.pftls.adapters.PosixFileStore;
import org.pftls.adapters.PostconfInstallation;
import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.ports.Ports;

/**
 * pftls run in-process through its real command line with the real adapters, as {@code Main}
 * wires them (host file system, the installed postconf, the kernel host name, the system clock,
 * fresh SecureRandom), so the comparison is with the installed Postfix. Only the postconf adapter
 * is shared between runs: it caches {@code postconf -d}, which is the same for every instance.
 * The environment is empty, so the CI's MAIL_CONFIG or TERM cannot leak in.
 */
final class PftlsInProcess {
    private final PostconfInstallation postfix =
            new PostconfInstallation(RequiredTools.POSTCONF, new BuiltinPostfix37());

    SideRun run(Path dir, List<String> args) {
        MainCfTime.backdate(dir);
        SecureRandom random = new SecureRandom();
        Ports ports = new Ports(new PosixFileStore(random), postfix, new KernelHostName(), Clock.systemUTC(), random);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext context = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), () -> ports);
        List<String> full = new ArrayList<>(List.of("-c", dir.toString()));
        full.addAll(args);
        int status = new Cli(context).run(full.toArray(String[]::new));
        List<String> messages = new ArrayList<>();
        for (String line : err.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                messages.add(line);
            }
        }
        return new SideRun(status, out.toString(StandardCharsets.UTF_8), messages);
    }
}
