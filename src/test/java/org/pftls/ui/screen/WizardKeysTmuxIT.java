package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.ui.line.Launcher;
import org.pftls.ui.line.Tmux;

/**
 * The full-screen wizard of the real launcher in a real terminal (tmux): the quit question's keys,
 * line editing and Tab completion in the Deploy task's file fields, and Browse... leaving the
 * configuration directory for a certificate elsewhere, which is then deployed.
 */
class WizardKeysTmuxIT {
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private Tmux start(Path config) throws Exception {
        return Tmux.start(Files.createDirectories(tmp.resolve("tmux-" + System.nanoTime())), 100, 30,
                List.of("env", "TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=", Launcher.pftls().toString(), "-c",
                        config.toString(), "--full-screen"));
    }

    private Path instance() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("work/postfix"));
        Files.write(config.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        return config;
    }

    /** What the screen shows now (the alternate screen has no history). */
    private static String now(Tmux t) {
        return t.screen();
    }

    @Test
    void theQuitQuestionTakesNAndYAndASecondCtrlC() throws Exception {
        Path config = instance();
        byte[] before = Files.readAllBytes(config.resolve("main.cf"));
        try (Tmux t = start(config)) {
            t.waitFor("Step 1 of 8: Detect", STEP);
            t.keys("Escape");
            t.waitFor("y or q: quit   n or Esc: continue", STEP);
            t.keys("n");
            t.waitUntil(s -> !s.contains("Quit the wizard?"), "the question to close", STEP);
            t.keys("C-c");
            t.waitFor("Quit the wizard?", STEP);
            t.keys("C-c");
            assertEquals(1, t.exitStatus(STEP), t.screen());
            assertTrue(t.screen().contains("pftls: wizard cancelled; nothing was changed."), t.screen());
        }
        try (Tmux t = start(config)) {
            t.waitFor("Step 1 of 8: Detect", STEP);
            t.keys("Enter");
            t.waitFor("Step 2 of 8: Task", STEP);
            t.keys("Escape");
            t.waitFor("Quit the wizard?", STEP);
            t.keys("y");
            assertEquals(1, t.exitStatus(STEP), t.screen());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(config.resolve("main.cf"))));
        assertEquals(List.of("main.cf"), names(config));
    }

    @Test
    void fileFieldsEditCompleteAndBrowseOutsideTheConfigurationDirectory() throws Exception {
        Path config = instance();
        Sandbox s = new Sandbox(config);
        assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
        String cert = names(config).stream().filter(n -> n.startsWith("eccert-")).findFirst().orElseThrow();
        Path ca = Files.createDirectories(tmp.resolve("work/ca"));
        Files.copy(config.resolve(cert), ca.resolve("chain.pem"));
        try (Tmux t = start(config)) {
            t.waitFor("Step 1 of 8: Detect", STEP);
            t.keys("Enter");
            t.waitFor("Step 2 of 8: Task", STEP);
            t.keys("Down", "Down", "Down", "Down", "Enter");
            t.waitFor("Step 3 of 7: Files", STEP);
            t.keys("e", "c", "c", "Tab");
            t.waitFor("ok: a usable certificate chain", STEP);
            assertTrue(now(t).contains(cert), now(t));
            t.keys("C-a", ".", "/", "C-e");
            t.waitFor("./" + cert, STEP);
            t.keys("C-u");
            t.waitFor("! choose a certificate file", STEP);
            t.keys(".", ".", "/", "c", "a", "/", "Tab");
            t.waitFor("../ca/chain.pem", STEP);
            t.keys("End", "X", "Y", "Left", "Left", "C-k");
            t.waitFor("ok: a usable certificate chain", STEP);
            t.keys("C-u", "Tab", "Enter"); // empty: Tab moves on to Browse...
            t.waitFor("Choose the certificate file", STEP);
            t.waitFor("In " + config + ":", STEP);
            t.keys("Enter"); // ../  (up): out of the configuration directory
            t.waitFor("In " + tmp.resolve("work") + ":", STEP);
            t.keys("Down", "Enter"); // ca/
            t.waitFor("In " + ca + ":", STEP);
            t.keys("Down", "Enter"); // chain.pem
            t.waitFor(ca.resolve("chain.pem").toString(), STEP);
            t.waitFor("ok: a usable certificate chain", STEP);
            t.keys("Tab", "e", "c", "k", "Tab", "Enter"); // from Browse... to the key field: completed, then Next
            t.waitFor("Step 5 of 7: Review", STEP);
            t.keys("Enter");
            t.waitFor("Step 6 of 7: Confirm", STEP);
            t.keys("Tab", "Tab", "Enter");
            t.waitFor("Step 7 of 7: Done", STEP);
            t.keys("Enter");
            assertEquals(0, t.exitStatus(STEP), t.screen());
        }
        String mainCf = Files.readString(config.resolve("main.cf"), StandardCharsets.ISO_8859_1);
        assertTrue(mainCf.contains("smtpd_tls_eccert_file = " + ca.resolve("chain.pem") + "\n"), mainCf);
        assertFalse(mainCf.contains("smtpd_tls_eccert_file = " + config), mainCf);
    }

    @Test
    void anRsa4096KeyInAPairIsMadeByAChildJvmWhileHostNamesAreTypedAndIsTheOneWritten() throws Exception {
        Path config = instance();
        try (Tmux t = start(config)) {
            t.waitFor("Step 1 of 8: Detect", STEP);
            t.keys("Enter");
            t.waitFor("Step 2 of 8: Task", STEP);
            t.keys("Down", "Down", "Enter"); // New key and certificate
            t.waitFor("Step 3 of 8: Key", STEP);
            t.keys("Down", "Enter"); // RSA 4096 and ECDSA secp384r1
            t.waitFor("Step 4 of 8: Host names", STEP);
            long deadline = System.nanoTime() + STEP.toNanos();
            boolean child = false;
            while (!child && System.nanoTime() < deadline) {
                child = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("")
                        .contains("target/pftls.jar org.pftls.adapters.KeyMakerProcess rsa 4096"));
                Thread.sleep(20);
            }
            assertTrue(child, "the key is made by a child JVM of the wizard as soon as the Key step is answered");
            t.keys("Tab", "Enter");
            t.waitFor("Step 6 of 8: Review", Duration.ofSeconds(120));
            t.waitFor("Key:        RSA 4096 bits", STEP);
            t.keys("Enter");
            t.waitFor("Step 7 of 8: Confirm", STEP);
            t.keys("Tab", "Tab", "Enter");
            t.waitFor("Step 8 of 8: Done", STEP);
            t.keys("Enter");
            assertEquals(0, t.exitStatus(STEP), t.screen());
        }
        Path key = config.resolve(names(config).stream().filter(n -> n.startsWith("key-")).findFirst().orElseThrow());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(key)));
        Process p = new ProcessBuilder("openssl", "pkey", "-in", key.toString(), "-noout", "-text").redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        assertTrue(text.contains("Private-Key: (4096 bit, 2 primes)"), text);
        assertTrue(names(config).stream().anyMatch(n -> n.startsWith("eckey-")), "the ECDSA key of the pair too");
    }

    private static List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
