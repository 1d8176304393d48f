package org.pftls.packaging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Build step (run by Maven at {@code package}): writes the manual page {@code pftls.1} and the
 * bash completion script {@code pftls.bash} for the packages, both generated from the command
 * definitions. Usage: {@code PackageDocs OUTPUT_DIR VERSION}.
 */
public final class PackageDocs {
    private PackageDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PackageDocs OUTPUT_DIR VERSION");
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        CommandLine tree = commandTree();
        Files.writeString(dir.resolve("pftls.1"), new ManPage(tree, args[1]).render(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pftls.bash"), AutoComplete.bash("pftls", tree), StandardCharsets.UTF_8);
    }

    /** The full command tree, as the command line builds it (nothing runs, nothing is read). */
    public static CommandLine commandTree() {
        PrintStream discard = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new Cli(CommandContext.system(discard, discard, Map.of())).commandLine();
    }
}
