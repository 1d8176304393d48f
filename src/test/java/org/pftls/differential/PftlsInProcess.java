package org.pftls.differential;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;

/**
 * pftls run in-process through its real command line, wired exactly as {@code Main} wires it
 * ({@link CommandContext#system}: host file system, kernel randomness and host name, system clock,
 * and the Postfix programs it chooses itself), so the comparison is with one Postfix version: the
 * environment holds only {@code PFTLS_POSTFIX_BIN} naming that version's programs (none for
 * Debian's, which pftls finds in /usr/sbin), so the CI's MAIL_CONFIG or TERM cannot leak in.
 */
final class PftlsInProcess {
    private final PostfixUnderTest postfix;

    PftlsInProcess(PostfixUnderTest postfix) {
        this.postfix = postfix;
    }

    /** Debian's Postfix. */
    PftlsInProcess() {
        this(PostfixVersions.debian());
    }

    SideRun run(Path dir, List<String> args) {
        MainCfTime.backdate(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext context = CommandContext.system(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), postfix.pftlsEnvironment());
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
