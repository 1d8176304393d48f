package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox.Run;

/**
 * {@code pftls rollback} on a terminal (a pseudo-terminal made by script(1)): it shows the diff,
 * asks, and restores only on "y"; "n" cancels and changes nothing.
 */
class RollbackTerminalIT {
    @TempDir
    Path dir;

    private Launcher.Result onTerminal(String answer) throws Exception {
        String command = Launcher.script() + " -c " + dir + " rollback";
        Process p = new ProcessBuilder(List.of("script", "-qec", command, "/dev/null")).redirectErrorStream(true)
                .start();
        CompletableFuture<String> out = Launcher.drain(p.getInputStream());
        // Typed ahead: the line waits in the terminal's input queue until pftls reads its answer.
        OutputStream in = p.getOutputStream();
        in.write((answer + "\n").getBytes(StandardCharsets.US_ASCII));
        in.flush();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "pftls rollback finished");
        return new Launcher.Result(p.exitValue(), out.join(), "");
    }

    @Test
    void asksAndRestoresOnlyOnYes() throws Exception {
        Launcher.require("script", "util-linux");
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        byte[] original = s.mainCfBytes();
        Run r = s.run("enable-client");
        assertEquals(0, r.status(), r.err());
        byte[] client = s.mainCfBytes();
        Map<String, String> before = s.snapshot();

        Launcher.Result no = onTerminal("n");
        assertEquals(1, no.status(), no.out());
        assertTrue(no.out().contains("-smtp_tls_security_level = may"), "the diff is shown: " + no.out());
        assertTrue(no.out().contains("Restore " + dir.resolve("main.cf.pftls-20261125-120000") + " as main.cf? [y/N]"),
                no.out());
        assertTrue(no.out().contains("pftls: fatal: rollback cancelled; nothing was changed"), no.out());
        assertEquals(before, s.snapshot());
        assertArrayEquals(client, s.mainCfBytes());

        Launcher.Result yes = onTerminal("y");
        assertEquals(0, yes.status(), yes.out());
        assertArrayEquals(original, s.mainCfBytes(), "restored byte for byte");
    }
}
