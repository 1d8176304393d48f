package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pftls.testing.Bookkeeping;
import org.pftls.testing.Sandbox;

/**
 * End to end: the real launcher ({@code dist/pftls}, the built jar) in a real terminal (a tmux pane
 * of 100x30, TERM=xterm-256color, UTF-8 locale), driven with {@code tmux send-keys} and read with
 * {@code tmux capture-pane}: it enables server TLS with ECDSA on a sample main.cf; then main.cf,
 * the files and their modes are checked, and {@code stty -a} in the same pane shows the terminal
 * was given back in line mode with echo, with the summary left in the scrollback.
 */
class WizardTmuxIT {
    private static final Path TMUX = Path.of("/usr/bin/tmux");
    private static final long STEP_TIMEOUT_MILLIS = 30_000;
    private static final String SESSION = "wizard";

    @TempDir
    Path tmp;

    private boolean serverStarted;

    @AfterEach
    void killTmux() {
        if (serverStarted) {
            run(false, "kill-server");
        }
    }

    @Test
    void enablesServerTlsWithEcdsaAndGivesTheTerminalBack() throws Exception {
        if (!Files.isExecutable(TMUX)) {
            fail("this test drives the wizard in a real terminal: install tmux (" + TMUX + " not found)");
        }
        Path launcher = Path.of("dist/pftls").toAbsolutePath();
        Path jar = Path.of("target/pftls.jar").toAbsolutePath();
        assertTrue(Files.isExecutable(launcher), launcher + " is missing");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run mvn package (or verify) first");
        Path config = Files.createDirectories(tmp.resolve("postfix"));
        Files.write(config.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));

        run(true, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", SESSION,
                "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL= NO_COLOR= PS1='$ ' sh");
        serverStarted = true;
        run(true, "send-keys", "-t", SESSION, "-l", launcher + " -c " + config
                + " --full-screen; echo EXIT=$?; stty -a");
        keys("Enter");

        await("Step 1 of 8: Detect");
        // The screen is drawn in pieces: wait for each text that is checked, never assume it is there.
        await("SMTP server TLS:         all default (enable-server applies)");
        keys("Enter");
        await("Step 2 of 8: Task");
        keys("Enter");
        await("Step 3 of 8: Key");
        await("<o> RSA 2048 and ECDSA secp256r1");
        keys("Down", "Down", "Down", "Down", "Down", "Enter"); // ECDSA secp256r1, below both keys and three RSA sizes
        await("Step 4 of 8: Host names");
        keys("Tab", "Enter"); // the first Tab goes to Next
        await("Step 6 of 8: Review");
        await("enable-server -a ecdsa -b");
        assertEquals(List.of("main.cf"), names(config), "nothing is written before Confirm");
        keys("Enter");
        await("Step 7 of 8: Confirm");
        keys("Tab", "Tab", "Enter");
        await("Step 8 of 8: Done");
        keys("Enter");
        String after = awaitHistory("eol2 = "); // stty -a has run: the exit status and the tty state are both there

        assertTrue(after.contains("\nEXIT=0\n"), after);
        assertTrue(after.contains("pftls: changed:"), "the summary is left in the scrollback: " + after);
        assertTrue(after.contains("pftls: Enabled opportunistic TLS in the Postfix SMTP server"), after);
        assertFalse(screen().contains("Step 8 of 8"), "the full screen is gone: " + screen());
        assertFalse(after.contains("Exception"), after);
        List<String> stty = Arrays.asList(after.substring(after.lastIndexOf("\nEXIT=")).split("[\\s;]+"));
        assertTrue(stty.contains("icanon") && stty.contains("echo") && stty.contains("isig"),
                "line mode, echo and Ctrl-C are back: " + stty);
        assertFalse(stty.contains("-icanon") || stty.contains("-echo") || stty.contains("-isig"), stty.toString());

        List<String> files = names(config).stream().filter(n -> !Bookkeeping.isBookkeeping(n)).toList();
        assertEquals(3, files.size(), files.toString());
        assertTrue(names(config).stream().anyMatch(n -> n.startsWith("main.cf.pftls-")), "main.cf was backed up");
        String key = files.stream().filter(n -> n.matches("eckey-\\d{8}-\\d{6}\\.pem")).findFirst().orElseThrow();
        String cert = files.stream().filter(n -> n.matches("eccert-\\d{8}-\\d{6}\\.pem")).findFirst().orElseThrow();
        assertEquals("rw-------", mode(config.resolve(key)));
        assertEquals("rw-r--r--", mode(config.resolve(cert)));
        String mainCf = Files.readString(config.resolve("main.cf"), StandardCharsets.ISO_8859_1);
        assertTrue(mainCf.endsWith("inet_protocols = all\n"
                + "smtpd_tls_eccert_file = " + config.resolve(cert) + "\n"
                + "smtpd_tls_eckey_file = " + config.resolve(key) + "\n"
                + "smtpd_tls_loglevel = 1\n"
                + "smtpd_tls_received_header = yes\n"
                + "smtpd_tls_security_level = may\n"
                + "tls_random_source = dev:/dev/urandom\n"), mainCf);
        assertTrue(Files.readString(config.resolve(key)).contains("-----BEGIN EC PRIVATE KEY-----"));
    }

    /**
     * Other terminal types and locales: the wizard starts (with an ASCII frame when the locale is
     * not UTF-8), re-lays out when the pane is resized (a real SIGWINCH), asks before quitting on
     * Esc or Ctrl-C, changes nothing, and gives the terminal back.
     */
    @ParameterizedTest(name = "TERM={0} LANG={1} NO_COLOR={2}, quit with {3}")
    @CsvSource({
        "vt100, C, 1, Escape, +--pftls - Step 1 of 8",
        "linux, C, '', C-c, +--pftls - Step 1 of 8",
        "screen, C.UTF-8, '', Escape, \u250c\u2500\u2500pftls \u2014 Step 1 of 8",
        "tmux-256color, C.UTF-8, 1, C-c, \u250c\u2500\u2500pftls \u2014 Step 1 of 8"})
    void otherTerminalsQuitCleanly(String term, String lang, String noColor, String quitKey, String frame)
            throws Exception {
        if (!Files.isExecutable(TMUX)) {
            fail("this test drives the wizard in a real terminal: install tmux (" + TMUX + " not found)");
        }
        Path launcher = Path.of("dist/pftls").toAbsolutePath();
        Path config = Files.createDirectories(tmp.resolve("postfix"));
        Files.write(config.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        byte[] before = Files.readAllBytes(config.resolve("main.cf"));
        run(true, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", SESSION,
                "env TERM=" + term + " LANG=" + lang + " LC_ALL= NO_COLOR=" + noColor + " PS1='$ ' sh");
        serverStarted = true;
        run(true, "send-keys", "-t", SESSION, "-l", launcher + " -c " + config
                + " --full-screen; echo EXIT=$?; stty -a");
        keys("Enter");
        await(frame);

        run(true, "resize-window", "-t", SESSION, "-x", "70", "-y", "20");
        await("The terminal is 70x20; the wizard needs at least 80x24.");
        run(true, "resize-window", "-t", SESSION, "-x", "100", "-y", "30");
        await("Step 1 of 8: Detect");

        keys(quitKey);
        await("Quit the wizard? Nothing has been changed.");
        keys("Tab", "Enter");
        String after = awaitHistory("eol2 = "); // stty -a has run: the exit status and the tty state are both there
        assertTrue(after.contains("pftls: wizard cancelled; nothing was changed.\nEXIT=1\n"), after);
        List<String> stty = Arrays.asList(after.substring(after.lastIndexOf("\nEXIT=")).split("[\\s;]+"));
        assertTrue(stty.contains("icanon") && stty.contains("echo") && stty.contains("isig"), stty.toString());
        assertEquals(List.of("main.cf"), names(config));
        assertTrue(Arrays.equals(before, Files.readAllBytes(config.resolve("main.cf"))), "main.cf is untouched");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void keys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        run(true, args.toArray(String[]::new));
    }

    /** The visible pane. */
    private String screen() {
        return run(true, "capture-pane", "-p", "-t", SESSION);
    }

    /** The pane with its scrollback, long lines joined. */
    private String history() {
        return run(true, "capture-pane", "-p", "-J", "-S", "-500", "-t", SESSION);
    }

    private void await(String text) throws InterruptedException {
        awaitIn(text, false);
    }

    private String awaitHistory(String text) throws InterruptedException {
        return awaitIn(text, true);
    }

    /** Polls the pane until the text shows (no fixed sleeps: each step takes what it takes). */
    private String awaitIn(String text, boolean withHistory) throws InterruptedException {
        long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MILLIS;
        String seen = "";
        while (System.currentTimeMillis() < deadline) {
            seen = withHistory ? history() : screen();
            if (seen.contains(text)) {
                return seen;
            }
            Thread.sleep(50);
        }
        fail("\"" + text + "\" did not show within " + STEP_TIMEOUT_MILLIS + " ms; the pane shows:\n" + seen);
        return seen;
    }

    private String run(boolean check, String... args) {
        // A private server whose socket lives (and is removed) with the test's temporary directory.
        List<String> command = new ArrayList<>(List.of(TMUX.toString(), "-S", tmp.resolve("tmux.sock").toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("tmux did not answer: " + command);
            }
            if (check && p.exitValue() != 0) {
                throw new AssertionError("tmux failed (" + p.exitValue() + "): " + command + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run tmux: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
