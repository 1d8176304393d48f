package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pftls.ui.line.LineWizardTest.assertContainsInOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.HostileCertificates;
import org.pftls.testing.Sandbox;
import org.pftls.ui.line.ScriptedWizard.Result;

/**
 * Terminal controls in file names and certificate fields are printed escaped in line mode too
 * (ScriptedWizard holds every run to plain text: no ESC reaches the terminal).
 */
class LineHostileTextTest {
    @TempDir
    Path dir;

    @Test
    void fileNamesAndCertificateFieldsWithEscArePrintedEscaped() throws Exception {
        Sandbox w = Sandbox.withSample(dir, "debian-fresh.cf");
        Files.writeString(dir.resolve("evil\u001b[31mred.pem"), "x\n");
        HostileCertificates.write(dir.resolve("evil.key"), dir.resolve("evil.pem"), "evil\u001b[2J.example.org");
        Result r = new ScriptedWizard(w).run("5", "?", "evil.pem", "evil.key", "", "yes");
        assertEquals(0, r.status(), r.output());
        assertContainsInOrder(r.output(), "    evil\\x1b[31mred.pem", "evil\\x1b[2J.example.org",
                "1. server certificate: CN=evil\\x1b[2J.example.org", "Subject:    CN=evil\\x1b[2J.example.org",
                "Step 7 of 7: Done");
        Result detect = new ScriptedWizard(w).run("quit", "yes");
        assertTrue(detect.output().contains("subject   CN=evil\\x1b[2J.example.org"), detect.output());
    }
}
