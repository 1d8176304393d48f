package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The generated man page and bash completion: complete, valid troff, working completion. */
class ManPageTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static CommandLine tree;
    private static String page;
    private static Path pageFile;
    private static Path completion;

    @BeforeAll
    static void generate() throws IOException {
        PackageDocs.main(new String[] {dir.toString(), "9.8.7"});
        tree = PackageDocs.commandTree();
        pageFile = dir.resolve("pftls.1");
        completion = dir.resolve("pftls.bash");
        page = Files.readString(pageFile, StandardCharsets.UTF_8);
    }

    @Test
    void everySubcommandAndOptionIsDocumented() {
        assertTrue(page.startsWith(".TH PFTLS 1 \"\" \"pftls 9.8.7\""), page.lines().findFirst().orElse(""));
        for (CommandLine sub : tree.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            assertTrue(page.contains("\n.SS " + spec.name() + "\n"), "no section for " + spec.name());
            for (OptionSpec o : spec.options()) {
                assertTrue(page.contains("\\fB" + o.longestName().replace("-", "\\-") + "\\fR"),
                        spec.name() + " " + o.longestName() + " is not in the man page");
            }
        }
        for (OptionSpec o : tree.getCommandSpec().options()) {
            assertTrue(page.contains("\\fB" + o.longestName().replace("-", "\\-") + "\\fR"), o.longestName());
        }
    }

    @Test
    void groffFormatsItWithoutWarnings() {
        Command.Result r = Command.run(LIMIT, "/usr/bin/groff", "-man", "-Tutf8", "-ww", "-z", pageFile.toString());
        assertEquals(0, r.exit(), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void manShowsTheSubcommandsAndTheirDescriptions() {
        Command.Result r = Command.run(LIMIT, Map.of("MANWIDTH", "80", "MAN_KEEP_FORMATTING", ""),
                "/usr/bin/man", "-l", "-P", "cat", pageFile.toString());
        assertEquals(0, r.exit(), r.describe());
        String text = r.out().replaceAll(".\b", "");
        for (String expected : List.of("NAME", "pftls - Set up and maintain TLS for the Postfix mail server",
                "enable-server", "output-server-tlsa", "deploy-server-cert", "-c CONFIG_DIR", "--dry-run",
                "MAIL_CONFIG", "EXIT STATUS")) {
            assertTrue(text.contains(expected), "man output lacks \"" + expected + "\":\n" + text);
        }
    }

    @Test
    void bashCompletesSubcommandsAndOptions() {
        assertEquals(List.of("enable-client", "enable-server"), complete("pftls en"));
        assertEquals(List.of("deploy-server-cert"), complete("pftls dep"));
        assertTrue(complete("pftls enable-server --").contains("--dry-run"), complete("pftls enable-server --").toString());
    }

    /** What bash's completion function offers for the last word of {@code line}. */
    private static List<String> complete(String line) {
        String script = "source " + completion + "\n"
                + "COMP_LINE='" + line + "'; read -ra COMP_WORDS <<< \"$COMP_LINE\"\n"
                + (line.endsWith(" ") ? "COMP_WORDS+=('')\n" : "")
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE}\n"
                + "_complete_pftls pftls \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort\n";
        Command.Result r = Command.run(LIMIT, "/bin/bash", "-c", script);
        assertEquals(0, r.exit(), r.describe());
        return r.out().lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
