package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.tls.Instance;
import org.pftls.testing.Sandbox;
import org.pftls.testing.TestWizards;
import org.pftls.ui.flow.Option;
import org.pftls.ui.flow.WizardModel;

/** The parts of a question: numbered choices, replies, wrapping, file-name completion. */
class PromptPartsTest {
    private static final List<Option<String>> OPTIONS = List.of(
            Option.of("a", "Alpha", "the first"),
            new Option<>("b", "Beta", "", Optional.of("not here")),
            Option.of("c", "Gamma", ""));

    @Test
    void numberedChoiceShowsDefaultNotesAndReasons() {
        NumberedChoice<String> q = new NumberedChoice<>(OPTIONS, "c");
        assertEquals(List.of("  1) Alpha - the first", "  2) Beta", "       (not available: not here)", "  3) Gamma"),
                q.lines());
        assertEquals("Choose 1-3 [3]: ", q.prompt());
        assertEquals("c", q.check("").chosen().value());
        assertEquals("a", q.check(" 1 ").chosen().value());
        assertEquals("2 (Beta) is not available: not here", q.check("2").problem());
        assertEquals("\"4\" is not one of the choices: type a number from 1 to 3 (Enter takes 3), back or quit",
                q.check("4").problem());
        assertFalse(q.check("one").ok());
        assertFalse(q.check("99999999999").ok());
    }

    @Test
    void unavailableDefaultFallsBackToTheFirstAvailableChoice() {
        assertEquals("Choose 1-3 [1]: ", new NumberedChoice<>(OPTIONS, "b").prompt());
        assertEquals("Choose 1-3 [1]: ", new NumberedChoice<>(OPTIONS, null).prompt());
        NumberedChoice<String> none = new NumberedChoice<>(List.of(new Option<>("x", "X", "", Optional.of("no"))), "x");
        assertEquals("Choose 1-1: ", none.prompt());
        assertEquals("none of these choices is available here: type back or quit", none.check("").problem());
    }

    @Test
    void repliesRecogniseBackAndQuitInAnyCase() {
        assertEquals(Reply.Kind.BACK, Reply.of(" Back ").kind());
        assertEquals(Reply.Kind.QUIT, Reply.of("QUIT").kind());
        assertEquals(new Reply(Reply.Kind.ANSWER, "backup.pem"), Reply.of("backup.pem "));
    }

    @Test
    void paragraphsWrapAt78ColumnsWithIndents() {
        String text = "word ".repeat(40);
        List<String> lines = Paragraph.wrap(text, "  ! ", "    ");
        assertTrue(lines.size() > 1);
        lines.forEach(l -> assertTrue(l.length() <= Paragraph.WIDTH, l));
        assertTrue(lines.get(0).startsWith("  ! word"));
        assertTrue(lines.get(1).startsWith("    word"));
        assertEquals(List.of("x".repeat(100)), Paragraph.wrap("x".repeat(100), "", ""), "long words stay whole");
    }

    @Test
    void fileNamesCompleteInTheConfigurationDirectory(@TempDir Path dir) throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Files.writeString(dir.resolve("cert.pem"), "x");
        Files.writeString(dir.resolve(".hidden"), "x");
        Files.createDirectory(dir.resolve("ssl"));
        Files.writeString(dir.resolve("ssl/chain.pem"), "x");
        var ports = s.ports();
        WizardModel model = TestWizards.model(dir, ports, (l, t) -> { }, TestWizards.NO_POSTFIX, false);
        ConfigFileCompleter completer = new ConfigFileCompleter(model);

        assertEquals(List.of("cert.pem", "main.cf", "ssl/"), values(completer.candidates("")));
        assertTrue(completer.candidates("").stream().filter(c -> c.value().equals("ssl/")).noneMatch(Candidate::complete),
                "a directory is not a finished answer: Tab goes on into it");
        assertEquals(List.of("ssl/chain.pem"), values(completer.candidates("ssl/ch")));
        assertEquals(List.of(".hidden"), values(completer.candidates(".")));
        assertEquals(List.of(dir + "/cert.pem", dir + "/main.cf", dir + "/ssl/"),
                values(completer.candidates(dir + "/")));
        assertEquals(List.of(), values(completer.candidates("nowhere/")));
    }

    private static List<String> values(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void aChecklistIsUntickedAndTickedAgainByNumber() throws Exception {
        var in = new java.io.ByteArrayInputStream("2\n1 x 2\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var out = new java.io.ByteArrayOutputStream();
        try (var terminal = new org.jline.terminal.impl.DumbTerminal("t", "dumb", in, out,
                java.nio.charset.StandardCharsets.UTF_8)) {
            Prompter io = new Prompter(terminal, true, (r, l, c) -> { });
            var list = new org.pftls.ui.flow.ReviewBlock.Checklist("main.cf", List.of(
                    new org.pftls.ui.flow.ReviewBlock.Entry("a", "a = 1", "changed", true),
                    new org.pftls.ui.flow.ReviewBlock.Entry("k", "k = 2", "kept", false),
                    new org.pftls.ui.flow.ReviewBlock.Entry("b", "b = 3", "added", true)));
            java.util.Set<String> unticked = new java.util.HashSet<>();
            int[] shown = new int[1];
            assertEquals(LineSession.Move.NEXT, new LineChecklist(io).ask(list, unticked, () -> shown[0]++));
            assertEquals(java.util.Set.of("a"), unticked, "2 unticked b, then 1 unticked a and 2 ticked b again");
            assertEquals(1, shown[0], "shown again after each answer without a mistake");
            terminal.flush();
        }
        assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("  ! \"x\" is not one of 1 to 2"));
    }
}
