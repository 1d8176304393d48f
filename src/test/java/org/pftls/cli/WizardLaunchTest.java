package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The wizard's command line parsed without picocli means what picocli makes of it. */
class WizardLaunchTest {
    private static final PrintStream DISCARD = new PrintStream(PrintStream.nullOutputStream(), true,
            StandardCharsets.UTF_8);
    private static final String[] TOKENS = {"-c", "-c", "/etc/postfix", "dir", "--demo", "--plain", "--full-screen",
        "--help", "--version", "status", "@file", "-x", "-c/x", "--", "enable-server", "", "--postfix-bin",
        "--postfix-bin", "/usr/local/sbin"};

    private static CommandContext context() {
        return CommandContext.system(DISCARD, DISCARD, Map.of());
    }

    @Test
    void acceptsTheWizardsOwnCommandLines() {
        for (String[] args : List.of(new String[0], new String[] {"--demo"}, new String[] {"-c", "/etc/postfix"},
                new String[] {"--plain", "-c", "dir"}, new String[] {"-c", "dir", "--full-screen", "--demo"})) {
            assertNotNull(WizardLaunch.parse(args), String.join(" ", args));
        }
        WizardLaunch w = WizardLaunch.parse(new String[] {"--plain", "-c", "dir", "--demo"});
        assertEquals("dir", w.configDirectory);
        assertEquals("/opt/p/sbin", WizardLaunch.parse(new String[] {"--postfix-bin", "/opt/p/sbin", "--plain"})
                .postfixBin);
        assertTrue(w.plain && w.demo && !w.fullScreen);
    }

    @Test
    void declinesEverythingElse() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"--version", "--demo"},
                new String[] {"wizard"}, new String[] {"status"}, new String[] {"-c"}, new String[] {"-c", "-x"},
                new String[] {"-c", "status"}, new String[] {"-c", "@f"}, new String[] {"--plain", "--full-screen"},
                new String[] {"--demo", "--demo"}, new String[] {"-c", "a", "-c", "b"}, new String[] {"--"},
                new String[] {"-cdir"}, new String[] {"--postfix-bin"}, new String[] {"--postfix-bin", "status"},
                new String[] {"--postfix-bin", "/a", "--postfix-bin", "/b"}, new String[] {"--postfix-bin=/a"})) {
            assertNull(WizardLaunch.parse(args), String.join(" ", args));
        }
    }

    /** Thousands of random command lines: whatever the fast parser accepts, picocli reads the same way. */
    @Test
    void agreesWithPicocliOnARandomCorpus() {
        Random random = new Random(7);
        int accepted = 0;
        for (int n = 0; n < 3000; n++) {
            List<String> args = new ArrayList<>();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                args.add(TOKENS[random.nextInt(TOKENS.length)]);
            }
            String[] argv = args.toArray(new String[0]);
            WizardLaunch fast = WizardLaunch.parse(argv);
            if (fast == null) {
                continue;
            }
            accepted++;
            CommandLine.ParseResult result = new Cli(context()).commandLine().parseArgs(argv);
            String where = String.join(" ", argv);
            assertFalse(result.hasSubcommand(), where);
            assertFalse(result.isUsageHelpRequested() || result.isVersionHelpRequested(), where);
            TopCommand picocli = (TopCommand) result.commandSpec().userObject();
            assertEquals(picocli.configDirectory, fast.configDirectory, where);
            assertEquals(picocli.postfixBin, fast.postfixBin, where);
            assertEquals(picocli.demo, fast.demo, where);
            assertEquals(picocli.plain, fast.plain, where);
            assertEquals(picocli.fullScreen, fast.fullScreen, where);
        }
        assertTrue(accepted > 200, "accepted only " + accepted);
    }
}
