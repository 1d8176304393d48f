package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;
import org.pftls.testing.Sandbox;

/**
 * The start-up shortcuts change nothing visible: "pftls --version" without picocli prints what
 * picocli prints, and building only the named subcommand keeps help, version and errors as they
 * are with the whole tree.
 */
class StartupPathTest {
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // The built-in Postfix answers: a usage error must not run the host's postconf or log to its mail log.
        CommandContext ctx = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), () -> new Sandbox(Path.of("/nonexistent"))
                .ports());
        int status = new Cli(ctx).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionShortcutPrintsWhatPicocliPrints() {
        StringWriter picocli = new StringWriter();
        PackageDocs.commandTree().printVersionHelp(new PrintWriter(picocli, true));
        Run shortcut = run("--version");
        assertEquals(0, shortcut.status());
        assertEquals(picocli.toString(), shortcut.out());
        assertEquals("", shortcut.err());
        // The long way round (an option before it) goes through picocli: same output.
        Run viaPicocli = run("--demo", "--version");
        assertEquals(shortcut, viaPicocli);
    }

    @Test
    void helpStillListsEverySubcommand() {
        Run help = run("--help");
        assertEquals(0, help.status());
        for (String name : PackageDocs.commandTree().getSubcommands().keySet()) {
            assertEquals(true, help.out().contains(name), name + " missing from --help:\n" + help.out());
        }
    }

    @Test
    void unknownSubcommandStillNamesThemAll() {
        Run r = run("-c", "/nonexistent", "enable-servr");
        assertEquals(1, r.status());
        assertEquals(true, r.err().startsWith("pftls: fatal: unknown tls command: 'enable-servr'; use one of: "
                + "enable-client, enable-server"), r.err());
    }

    @Test
    void theWizardWithoutTerminalPrintsTheWholeUsage() {
        Run bare = run();
        Run wizard = run("wizard");
        assertEquals(1, wizard.status());
        assertEquals(bare, wizard);
        assertEquals(true, wizard.err().contains("output-server-tlsa"), wizard.err());
    }

    @Test
    void aBadOptionStillGetsItsSubcommandsUsage() {
        Run r = run("-c", "/nonexistent", "enable-server", "--frobnicate");
        assertEquals(1, r.status());
        assertEquals("pftls: fatal: Unknown option: '--frobnicate'; usage: pftls enable-server [-r randsource]"
                + " [-a algorithm] [-b bits] [--merge] [--keep-usable] [--chain-files] [hostname ...]\n", r.err());
    }
}
