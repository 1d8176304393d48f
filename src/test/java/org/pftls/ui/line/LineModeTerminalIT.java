package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;

/**
 * The real launcher in a real terminal (tmux): with TERM=dumb, and in a 60x15 window, pftls
 * without a subcommand says why it chose line mode, and the line-mode wizard carries out a task
 * to the end. Answers are typed only once their question is on the screen.
 */
class LineModeTerminalIT {
    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private Path configDir() throws Exception {
        Path dir = Files.createDirectory(work.resolve("etc-postfix"));
        Files.write(dir.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        return dir;
    }

    @Test
    void dumbTerminalGetsPlainLineModeThatEnablesTheClient() throws Exception {
        Path dir = configDir();
        try (Tmux t = Tmux.start(work, 80, 24,
                List.of("env", "TERM=dumb", Launcher.pftls().toString(), "-c", dir.toString()))) {
            t.waitFor("Choose 1-7 [1]: ", START);
            assertTrue(t.screen().contains("pftls: using the line-mode wizard: TERM=dumb cannot do full screen"
                    + " (--full-screen overrides)"), t.screen());
            t.answer("2");
            t.waitFor("Choose 1-2 [1]: ", STEP); // opportunistic TLS or DANE
            t.answer("");
            t.waitFor("Type yes to apply or no to cancel [no]: ", STEP);
            t.answer("yes");
            // Where Postfix is installed (as in CI) the wizard offers "postfix reload"; say no.
            String reload = "Run \"postfix reload\" now, so that Postfix uses the new settings? [no]: ";
            String done = t.waitUntil(s -> s.contains(reload) || t.exited(), "the reload question or the end", STEP);
            if (done.contains(reload)) {
                t.answer("no");
            }
            assertEquals(0, t.exitStatus(STEP), t.screen());
            assertTrue(t.screen().contains("  Enabled opportunistic TLS in the Postfix SMTP client."), t.screen());
            String raw = t.rawOutput();
            assertFalse(raw.isEmpty());
            assertFalse(raw.contains("\u001b"), "no escape sequence on a dumb terminal:\n" + raw);
        }
        String mainCf = Files.readString(dir.resolve("main.cf"));
        assertTrue(mainCf.contains("\nsmtp_tls_security_level = may\n"), mainCf);
    }

    @Test
    void smallTerminalGetsLineModeThatMakesAnEcdsaKeyAndCtrlCAsksBeforeQuitting() throws Exception {
        Path dir = configDir();
        byte[] mainCf = Files.readAllBytes(dir.resolve("main.cf"));
        try (Tmux t = Tmux.start(work, 60, 15,
                List.of("env", "TERM=xterm-256color", Launcher.pftls().toString(), "-c", dir.toString()))) {
            t.waitFor("Choose 1-7 [1]: ", START);
            assertTrue(t.screen().contains("pftls: using the line-mode wizard: the terminal is 60x15, the full"
                    + " screen needs at least 80x24 (--full-screen overrides)"), t.screen());
            t.keys("C-c");
            t.waitFor("Quit the wizard? Nothing has been changed. [no]: ", STEP);
            t.answer("no");
            t.waitForCount("Choose 1-7 [1]: ", 2, STEP);
            t.answer("3");
            t.waitFor("Choose 1-8 [1]: ", STEP);
            t.answer("6");
            t.waitFor("Host names [", STEP);
            t.answer("mx.example.com");
            t.waitFor("Choose 1-3 [3]: ", STEP); // the Review: show or save the CSR, or go on
            assertTrue(t.screen().contains("Key:        ECDSA secp256r1"), t.screen());
            t.answer("");
            t.waitFor("Type yes to apply or no to cancel [no]: ", STEP);
            t.answer("yes");
            t.waitFor("Step 8 of 8: Done", STEP);
            assertEquals(0, t.exitStatus(STEP), t.screen());
        }
        List<Path> keys;
        try (Stream<Path> s = Files.list(dir)) {
            keys = s.filter(p -> p.getFileName().toString().startsWith("eckey-")).toList();
        }
        assertEquals(1, keys.size(), keys.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.get(0))));
        assertTrue(Files.readString(keys.get(0)).contains("PRIVATE KEY"));
        assertEquals(new String(mainCf), Files.readString(dir.resolve("main.cf")), "new-server-key leaves main.cf");
    }
}
