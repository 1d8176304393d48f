package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.ServingProbe;
import org.pftls.testing.Snakeoil;
import org.pftls.testing.TestPki;
import org.pftls.ui.flow.StepKind;

/**
 * The PNG screenshots in {@code screenshots/}: the real wizard screens (the same window the
 * terminal shows, on a virtual 80x24 terminal, demo sandbox) drawn by {@link PngRenderer}.
 * <p>
 * {@code mvn -q -B test -Dtest=ScreenshotsTest -Dpftls.screenshots=$PWD/screenshots} writes them
 * there; without the property they are written to a temporary directory and checked, so the
 * renderer (font, palette) is tested on every build.
 */
class ScreenshotsTest {
    @TempDir
    Path tmp;

    private final List<Path> written = new ArrayList<>();
    private final PngRenderer renderer = new PngRenderer();
    private Path demoDir;

    private Path target() throws IOException {
        String dir = System.getProperty("pftls.screenshots");
        return dir == null || dir.isEmpty() ? tmp.resolve("shots") : Files.createDirectories(Path.of(dir));
    }

    /** A sandbox directory named like the one pftls --demo makes. */
    private Sandbox demoSandbox(String sample) throws IOException {
        demoDir = Files.createTempDirectory("pftls-demo-");
        return Sandbox.withSample(demoDir, sample);
    }

    @AfterEach
    void removeDemoDir() throws IOException {
        if (demoDir != null) {
            try (var s = Files.walk(demoDir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void shot(WizardDriver d, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        renderer.write(d.terminal, png);
        written.add(png);
    }

    @Test
    void everyStepOfEnablingServerTls() throws Exception {
        Path dir = Files.createDirectories(target());
        WizardFixture f = new WizardFixture(demoSandbox("debian-fresh.cf"), false);
        WizardDriver d = new WizardDriver(f.model(true), new DisplayStyle(true, true), new TerminalSize(80, 24));
        shot(d, dir, "01-detect");
        d.press(KeyType.Enter);
        shot(d, dir, "02-task");
        d.press(KeyType.Enter);
        shot(d, dir, "03-key");
        d.press(KeyType.Enter).type("\nmx.example.org");
        shot(d, dir, "04-host-names");
        d.type("\nbad_name");
        shot(d, dir, "04b-host-names-problem");
        for (int i = 0; i <= "bad_name".length(); i++) {
            d.press(KeyType.Backspace);
        }
        d.hostNamesNext();
        shot(d, dir, "05-generate");
        d.runJobs();
        assertEquals(StepKind.REVIEW, d.step());
        shot(d, dir, "06-review");
        d.press(KeyType.PageDown);
        shot(d, dir, "06b-review-diff");
        d.press(KeyType.Escape);
        shot(d, dir, "06c-quit-keep-or-discard");
        d.press(KeyType.Escape).press(KeyType.Enter);
        assertEquals(StepKind.CONFIRM, d.step(), d.text());
        shot(d, dir, "07-confirm");
        d.confirm().runJobs();
        assertEquals(StepKind.DONE, d.step());
        shot(d, dir, "08-done");
        checkWritten();
    }

    @Test
    void otherScreens() throws Exception {
        Path dir = Files.createDirectories(target());
        Sandbox s = demoSandbox("debian-snakeoil.cf");
        assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
        WizardFixture f = new WizardFixture(s, false);
        WizardDriver fresh = new WizardDriver(WizardFixture.of(Files.createDirectories(tmp.resolve("fresh")),
                "debian-fresh.cf").model(true), new DisplayStyle(true, true), new TerminalSize(80, 24));
        fresh.press(KeyType.Enter).press(KeyType.ArrowDown, 3);
        shot(fresh, dir, "09-task-not-available");
        WizardDriver d = new WizardDriver(f.model(true), new DisplayStyle(true, true), new TerminalSize(80, 24));
        d.press(KeyType.Enter).press(KeyType.ArrowDown, 2).press(KeyType.Enter).press(KeyType.Tab, KeyType.Enter);
        shot(d, dir, "10-deploy-file-picker");
        d.press(KeyType.Escape);
        d.resize(60, 16);
        shot(d, dir, "11-terminal-too-small");
        checkWritten();

        WizardDriver ascii = new WizardDriver(WizardFixture.of(Files.createDirectories(tmp.resolve("a")),
                "debian-fresh.cf").model(), new DisplayStyle(false, false), new TerminalSize(80, 24));
        ascii.press(KeyType.Enter).press(KeyType.Enter);
        shot(ascii, dir, "12-ascii-no-color");
        checkWritten();
    }

    @Test
    void existingSetupsCertificatesFromACaAndVerify() throws Exception {
        Path dir = Files.createDirectories(target());
        Sandbox s = Snakeoil.in(demoSandbox("debian-snakeoil.cf"));
        WizardFixture f = new WizardFixture(s, false);
        WizardDriver d = new WizardDriver(f.model(true), new DisplayStyle(true, true), new TerminalSize(80, 24));
        d.press(KeyType.Enter).press(KeyType.ArrowUp, 2);
        shot(d, dir, "13-enable-server-merge");
        d.press(KeyType.Enter).press(KeyType.Enter).hostNamesNext().runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        d.press(KeyType.PageDown);
        shot(d, dir, "14-review-merge-checklist");
        d.press(KeyType.ReverseTab).press(KeyType.Enter).press(KeyType.ArrowDown).type(" ");
        shot(d, dir, "15-choose-changes");
        d.press(KeyType.Tab, KeyType.Enter).press(KeyType.Tab, KeyType.Enter).confirm().runJobs();
        assertEquals(StepKind.DONE, d.step(), d.text());
        shot(d, dir, "16-done-what-replaced-what");
        checkWritten();

        TestPki pki = TestPki.create(tmp.resolve("pki"), Sandbox.NOW);
        TestPki.Issued leaf = pki.goodLeaf("leaf", "mail.example.org");
        Sandbox ca = demoSandbox("debian-fresh.cf");
        TestPki.concat(ca.dir().resolve("leaf.pem"), leaf.cert());
        TestPki.concat(ca.dir().resolve("chain.pem"), leaf.cert(), pki.intermediate().cert());
        Files.copy(leaf.key(), ca.dir().resolve("leaf.key"));
        Files.setPosixFilePermissions(ca.dir().resolve("leaf.key"), PosixFilePermissions.fromString("rw-------"));
        WizardDriver files = new WizardDriver(new WizardFixture(ca, false).model(true), new DisplayStyle(true, true),
                new TerminalSize(80, 24)).press(KeyType.Enter).press(KeyType.ArrowDown, 4).press(KeyType.Enter);
        files.type("leaf.pem").press(KeyType.Tab, KeyType.Tab).type("leaf.key");
        shot(files, dir, "17-files-chain-warning");
        files.press(KeyType.ReverseTab, KeyType.ReverseTab);
        for (int i = 0; i < "leaf.pem".length(); i++) {
            files.press(KeyType.Backspace);
        }
        files.type("chain.pem").press(KeyType.Tab, KeyType.Tab).press(KeyType.Enter).runJobs();
        assertEquals(StepKind.REVIEW, files.step(), files.text());
        files.press(KeyType.ArrowDown, 4);
        shot(files, dir, "18-review-chain-tree");
        checkWritten();

        Sandbox real = Snakeoil.sandbox(Files.createDirectories(tmp.resolve("real")));
        WizardFixture withPostfix = new WizardFixture(real, true);
        WizardDriver verify = new WizardDriver(withPostfix.model(Optional.empty(), Optional.of(new ServingProbe(
                real.dir(), real.ports()))), new DisplayStyle(true, true), new TerminalSize(80, 24));
        verify.press(KeyType.Enter).press(KeyType.ArrowUp, 2).press(KeyType.Enter).press(KeyType.Enter)
                .hostNamesNext().runJobs().press(KeyType.Enter).confirm().runJobs();
        verify.press(KeyType.ReverseTab).press(KeyType.Enter).runJobs();
        shot(verify, dir, "19-done-reload-and-verify");

        WizardDriver client = new WizardDriver(new WizardFixture(demoSandbox("debian-fresh.cf"), false).model(true),
                new DisplayStyle(true, true), new TerminalSize(80, 24)).press(KeyType.Enter).press(KeyType.ArrowDown)
                .press(KeyType.Enter).press(KeyType.ArrowDown);
        assertEquals(StepKind.CLIENT_TLS, client.step(), client.text());
        shot(client, dir, "20-client-tls-dane");
        checkWritten();
    }

    private void checkWritten() throws IOException {
        for (Path png : written) {
            BufferedImage img = ImageIO.read(png.toFile());
            assertTrue(img.getWidth() >= 600 && img.getHeight() >= 160, png + " is " + img.getWidth() + "x"
                    + img.getHeight());
            int bright = 0;
            for (int x = 0; x < img.getWidth(); x += 7) {
                for (int y = 0; y < img.getHeight(); y += 7) {
                    if ((img.getRGB(x, y) & 0xff) > 0x80) {
                        bright++;
                    }
                }
            }
            assertTrue(bright > 100, png + " looks empty");
        }
    }
}
