package org.pftls.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference implementation: {@code postfix -c DIR tls ARGS} of one Postfix version. It runs
 * under script(1), so that its stderr is a terminal: postlog 3.7 shows the script's messages only
 * then (3.8 and later always do, tagged with the script's name on a terminal). Its stdout goes to a
 * file, so the terminal carries only the messages.
 */
final class RealPostfixTls {
    private final PostfixUnderTest postfix;

    RealPostfixTls(PostfixUnderTest postfix) {
        this.postfix = postfix;
    }

    /** Runs the real command on {@code dir}; {@code stdoutFile} must be outside {@code dir}. */
    SideRun run(Path dir, List<String> args, Path stdoutFile) {
        MainCfTime.backdate(dir);
        StringBuilder command = new StringBuilder("exec ").append(quote(postfix.postfix().toString()))
                .append(" -c ").append(quote(dir.toString())).append(" tls");
        for (String arg : args) {
            command.append(' ').append(quote(arg));
        }
        command.append(" >").append(quote(stdoutFile.toString()));
        ExternalCommand.Result result = ExternalCommand.run(
                List.of(RequiredTools.SCRIPT.toString(), "-qec", command.toString(), "/dev/null"),
                Map.of("SHELL", "/bin/sh"), null);
        String terminal = result.outText().replace("\r", "");
        try {
            String stdout = Files.exists(stdoutFile) ? Files.readString(stdoutFile, StandardCharsets.UTF_8) : "";
            return new SideRun(result.status(), stdout, lines(terminal));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Single-quotes a word for sh. */
    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
