package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.cli.FrontEndChooser.Choice;
import org.pftls.cli.FrontEndChooser.FrontEnd;
import org.pftls.cli.FrontEndChooser.TerminalFacts;
import org.pftls.engine.PftlsException;
import org.pftls.testing.Sandbox;

/** Every rule of the front-end choice, with the terminal's facts injected (no terminal needed). */
class FrontEndChooserTest {
    private static final TerminalFacts XTERM_80X24 = new TerminalFacts("xterm-256color", true, true, 80, 24);

    private final AtomicInteger probes = new AtomicInteger();

    private FrontEndChooser chooser(boolean console, String term, TerminalFacts facts) {
        Map<String, String> env = new HashMap<>();
        if (term != null) {
            env.put("TERM", term);
        }
        return new FrontEndChooser(console, env, () -> {
            probes.incrementAndGet();
            return facts;
        });
    }

    @Test
    void capableTerminalOfAtLeast80x24GetsTheFullScreenSilently() throws PftlsException {
        assertEquals(new Choice(FrontEnd.FULL_SCREEN, ""), chooser(true, "xterm-256color", XTERM_80X24).choose(false, false));
        assertEquals(FrontEnd.FULL_SCREEN, chooser(true, "linux", new TerminalFacts("linux", true, true, 200, 60))
                .choose(false, false).frontEnd());
    }

    @Test
    void dumbUnsetOrUnknownTermGivesLineModeWithoutProbing() throws PftlsException {
        Choice dumb = chooser(true, "dumb", XTERM_80X24).choose(false, false);
        assertEquals(FrontEnd.LINE, dumb.frontEnd());
        assertEquals("using the line-mode wizard: TERM=dumb cannot do full screen (--full-screen overrides)",
                dumb.reason());
        Choice unset = chooser(true, null, XTERM_80X24).choose(false, false);
        assertEquals(FrontEnd.LINE, unset.frontEnd());
        assertTrue(unset.reason().contains("TERM is not set"), unset.reason());
        Choice empty = chooser(true, "", XTERM_80X24).choose(false, false);
        assertTrue(empty.reason().contains("TERM is not set"), empty.reason());
        Choice unknown = chooser(true, "unknown", XTERM_80X24).choose(false, false);
        assertTrue(unknown.reason().contains("TERM=unknown"), unknown.reason());
        assertEquals(0, probes.get(), "no probe is needed to know these");
    }

    @Test
    void terminalJLineFindsDumbGivesLineMode() throws PftlsException {
        Choice c = chooser(true, "no-such-terminal", new TerminalFacts("dumb", false, false, 0, 0)).choose(false, false);
        assertEquals(FrontEnd.LINE, c.frontEnd());
        assertTrue(c.reason().contains("TERM=no-such-terminal") && c.reason().contains("dumb"), c.reason());
        assertEquals(1, probes.get());
    }

    @Test
    void terminalTypeMissingFromTerminfoGivesLineMode() throws PftlsException {
        Choice c = chooser(true, "alacritty", new TerminalFacts("alacritty", false, true, 120, 40)).choose(false, false);
        assertEquals(FrontEnd.LINE, c.frontEnd());
        assertEquals("using the line-mode wizard: TERM=alacritty is not in the terminfo database here, so what it"
                + " can do is unknown (--full-screen overrides)", c.reason());
    }

    @Test
    void terminalWithoutCursorAddressingGivesLineMode() throws PftlsException {
        Choice c = chooser(true, "glass", new TerminalFacts("glass", true, false, 80, 24)).choose(false, false);
        assertEquals(FrontEnd.LINE, c.frontEnd());
        assertEquals("using the line-mode wizard: TERM=glass cannot move the cursor (--full-screen overrides)",
                c.reason());
    }

    @Test
    void terminalSmallerThan80x24GivesLineModeWithItsSize() throws PftlsException {
        Choice small = chooser(true, "xterm", new TerminalFacts("xterm", true, true, 60, 15)).choose(false, false);
        assertEquals(FrontEnd.LINE, small.frontEnd());
        assertEquals("using the line-mode wizard: the terminal is 60x15, the full screen needs at least 80x24"
                + " (--full-screen overrides)", small.reason());
        assertEquals(FrontEnd.LINE, chooser(true, "xterm", new TerminalFacts("xterm", true, true, 79, 50))
                .choose(false, false).frontEnd());
        assertEquals(FrontEnd.LINE, chooser(true, "xterm", new TerminalFacts("xterm", true, true, 132, 23))
                .choose(false, false).frontEnd());
        Choice unknown = chooser(true, "xterm", new TerminalFacts("xterm", true, true, 0, 0)).choose(false, false);
        assertTrue(unknown.reason().contains("of unknown size"), unknown.reason());
    }

    @Test
    void noTerminalMeansNoWizardUnlessPlainAsksToReadStdin() throws PftlsException {
        Choice none = chooser(false, "xterm-256color", XTERM_80X24).choose(false, false);
        assertEquals(FrontEnd.NONE, none.frontEnd());
        assertTrue(none.reason().startsWith("no terminal on standard input and output"), none.reason());
        assertEquals(FrontEnd.NONE, chooser(false, "xterm", XTERM_80X24).choose(false, true).frontEnd(),
                "--full-screen cannot make a terminal appear");
        assertEquals(new Choice(FrontEnd.LINE, ""), chooser(false, null, XTERM_80X24).choose(true, false));
        assertEquals(0, probes.get(), "without a terminal nothing is probed");
    }

    @Test
    void plainAndFullScreenOverrideTheChoiceWithoutProbing() throws PftlsException {
        assertEquals(new Choice(FrontEnd.LINE, ""), chooser(true, "xterm-256color", XTERM_80X24).choose(true, false));
        assertEquals(new Choice(FrontEnd.FULL_SCREEN, ""), chooser(true, "dumb", XTERM_80X24).choose(false, true));
        assertEquals(new Choice(FrontEnd.FULL_SCREEN, ""),
                chooser(true, "xterm", new TerminalFacts("xterm", true, true, 40, 10)).choose(false, true));
        assertEquals(0, probes.get());
    }

    @Test
    void plainWithFullScreenIsAUsageError() {
        PftlsException e = assertThrows(PftlsException.class,
                () -> chooser(true, "xterm", XTERM_80X24).choose(true, true));
        assertEquals(PftlsException.Kind.USAGE, e.kind());
        assertEquals("--plain and --full-screen exclude each other; give only one", e.getMessage());
    }

    /** In-process, the test JVM has no console: the no-terminal rule applies, at once. */
    @Test
    void withoutATerminalTheWizardPrintsUsageAndTouchesNothing(@TempDir Path dir) throws IOException {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        var before = s.snapshot();
        for (String[] args : new String[][] {{}, {"wizard"}, {"--full-screen"}, {"wizard", "--full-screen"}}) {
            Sandbox.Run r = s.run(args);
            assertEquals(1, r.status(), String.join(" ", args));
            assertTrue(r.err().contains("Usage: pftls"), r.err());
            assertTrue(r.err().endsWith("pftls: fatal: no terminal on standard input and output, so no wizard: run it"
                    + " in a terminal (ssh -t), give a subcommand, or use --plain to read answers from stdin\n"),
                    r.err());
            assertEquals("", r.out());
        }
        assertEquals(before, s.snapshot());
    }

    @Test
    void withoutATerminalDemoMakesNoSandbox(@TempDir Path dir) {
        for (String[] args : new String[][] {{"--demo"}, {"--demo", "wizard"}, {"wizard", "--demo"}}) {
            Sandbox.Run r = new Sandbox(dir).runRaw(args);
            assertEquals(1, r.status(), String.join(" ", args));
            assertFalse(r.err().contains("demo sandbox"), "the sandbox is made only once a wizard runs: " + r.err());
        }
    }

    @Test
    void plainOptionBeforeOrAfterWizardAndBothTogether(@TempDir Path dir) {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Sandbox.Run both = s.run("--plain", "wizard", "--full-screen");
        assertEquals(1, both.status());
        assertTrue(both.err().contains("--plain and --full-screen exclude each other"), both.err());
    }
}
