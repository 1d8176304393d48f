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
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
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
        d.press(KeyType.Enter).press(KeyType.ArrowDown, 3);
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
        WizardDriver d = new WizardDriver(f.model(true), new DisplayStyle(true, true), new TerminalSize(80, 24));
        d.press(KeyType.Enter).press(KeyType.ArrowUp, 2);
        shot(d, dir, "09-task-not-available");
        d.press(KeyType.ArrowDown, 4).press(KeyType.Enter).press(KeyType.Tab, KeyType.Enter);
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
