package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;

/**
 * The launcher without a terminal, as cron or ssh without -t run it: no subcommand means the usage
 * on stderr and exit 1 at once, touching nothing; --plain reads answers from a pipe or file, and
 * end of input quits without changing anything.
 */
class NoTerminalIT {
    /** The no-terminal exit must be immediate: JVM start-up plus argument parsing. */
    private static final long AT_ONCE_MILLIS = 3000;

    @TempDir
    Path work;

    private record Result(int status, String out, String err, long millis) { }

    private Result run(File stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Launcher.pftls().toString()));
        cmd.addAll(List.of(args));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(stdin)
                .redirectOutput(work.resolve("out").toFile()).redirectError(work.resolve("err").toFile());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
        pb.environment().put("TERM", "xterm-256color");
        long start = System.nanoTime();
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pftls " + String.join(" ", args) + " did not exit");
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(p.exitValue(), Files.readString(work.resolve("out")),
                Files.readString(work.resolve("err")).replaceAll("(?m)^Picked up JAVA_TOOL_OPTIONS.*\n", ""),
                millis);
    }

    private Path configDir() throws Exception {
        Path dir = Files.createDirectories(work.resolve("etc-postfix"));
        Files.write(dir.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        return dir;
    }

    @Test
    void withoutATerminalTheWizardExitsAtOnceWithTheUsageAndTouchesNothing() throws Exception {
        Path dir = configDir();
        Sandbox s = new Sandbox(dir);
        var before = s.snapshot();
        for (String[] args : new String[][] {{"-c", dir.toString()}, {"--demo"}, {"--demo", "wizard"},
            {"-c", dir.toString(), "--full-screen"}}) {
            Result r = run(new File("/dev/null"), args);
            String what = String.join(" ", args);
            assertEquals(1, r.status(), what);
            assertTrue(r.err().startsWith("Usage: pftls"), what + ": " + r.err());
            assertTrue(r.err().endsWith("pftls: fatal: no terminal on standard input and output, so no wizard:"
                    + " run it in a terminal (ssh -t), give a subcommand, or use --plain to read answers from"
                    + " stdin\n"), r.err());
            assertEquals("", r.out(), what);
            assertTrue(r.millis() < AT_ONCE_MILLIS, what + " took " + r.millis() + " ms");
            System.out.println("no terminal, pftls " + what + ": exit 1 after " + r.millis() + " ms");
        }
        assertEquals(before, s.snapshot());
        try (Stream<Path> left = Files.list(work.resolve("tmp"))) {
            assertEquals(List.of(), left.toList(), "no demo sandbox (or anything else) was created");
        }
    }

    @Test
    void plainReadsAnswersFromAFileAndCompletesATask() throws Exception {
        Path dir = configDir();
        Path answers = work.resolve("answers");
        Files.writeString(answers, "2\n\nyes\nno\n");
        Result r = run(answers.toFile(), "-c", dir.toString(), "--plain");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("Choose 1-7 [1]: 2\n"), r.out());
        assertTrue(r.out().contains("Apply these changes now? Type yes to apply or no to cancel [no]: yes\n"), r.out());
        assertTrue(r.out().contains("  Enabled opportunistic TLS in the Postfix SMTP client."), r.out());
        for (char c : r.out().toCharArray()) {
            assertTrue(c == '\n' || c >= ' ', "plain text only, found control character " + (int) c);
        }
        assertTrue(Files.readString(dir.resolve("main.cf")).contains("\nsmtp_tls_security_level = may\n"));
    }

    @Test
    void plainAtEndOfInputQuitsWithoutChangingAnything() throws Exception {
        Path dir = configDir();
        var before = new Sandbox(dir).snapshot();
        Path answers = work.resolve("answers");
        Files.writeString(answers, "1\n", StandardCharsets.US_ASCII);
        Result r = run(answers.toFile(), "-c", dir.toString(), "--plain");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().endsWith("pftls: end of input: quitting; nothing was changed.\n"), r.out());
        assertEquals(before, new Sandbox(dir).snapshot());

        Result none = run(new File("/dev/null"), "-c", dir.toString(), "--plain");
        assertEquals(1, none.status());
        assertTrue(none.millis() < 10_000, none.millis() + " ms");
        assertEquals(before, new Sandbox(dir).snapshot());
    }
}
