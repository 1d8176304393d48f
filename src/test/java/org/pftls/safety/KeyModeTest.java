package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.tls.Detection;
import org.pftls.engine.tls.Detector;
import org.pftls.engine.tls.Instance;
import org.pftls.testing.Sandbox.Run;

/**
 * Keys pftls makes are 0600 under their final names, and a deployed key that group or others can
 * read is reported with the fix, by {@code pftls status} and by the detection the wizard's Detect
 * screen shows; status changes nothing.
 */
class KeyModeTest {
    @TempDir
    Path dir;

    @Test
    void aKeyReadableByOthersIsReportedWithTheFix() throws Exception {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-server", "-a", "ecdsa").status());
        Path key = dir.resolve("eckey-20261125-120000.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        Run clean = s.run("status");
        assertEquals(0, clean.status(), clean.out() + clean.err());

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> before = s.snapshot();
        Run r = s.run("status");
        assertEquals(1, r.status(), "status exits 1 when it finds a problem");
        String line = "the private key " + key + " is readable by group or others (mode 0644); fix: chmod 600 " + key;
        assertTrue(r.out().contains("  ! " + line), r.out());
        assertEquals(before, s.snapshot(), "status changes nothing");

        Detection d = new Detector(Instance.read(dir, s.ports())).detect();
        assertTrue(d.warnings().contains(line), "the wizard's Detect screen gets it too: " + d.warnings());
    }
}
