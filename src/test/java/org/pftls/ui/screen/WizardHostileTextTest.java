package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.HostileCertificates;
import org.pftls.testing.Sandbox;
import org.pftls.ui.flow.StepKind;

/**
 * Text from outside pftls with terminal controls in it (a file name, a certificate's subject and
 * DNS name with ESC sequences) is drawn escaped ({@code \x1b}) on every screen: Lanterna refuses to
 * draw a control character (IllegalArgumentException), and a terminal would obey one.
 */
class WizardHostileTextTest {
    private static final String EVIL = "evil\u001b[31mred.pem";
    private static final String HOST = "evil\u001b[2J.example.org";

    @TempDir
    Path dir;

    /** No control character in any cell of the screen. */
    private static void assertDrawnEscaped(WizardDriver d) {
        String text = d.text();
        for (char c : text.toCharArray()) {
            assertTrue(c == '\n' || c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f), "control character "
                    + (int) c + " on screen:\n" + text);
        }
    }

    @Test
    void aFileNameWithEscIsListedEscapedInBrowseAndCannotBeChosen() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Files.writeString(dir.resolve(EVIL), "not a certificate\n");
        WizardDriver d = new WizardDriver(new WizardFixture(s, false).model()).press(KeyType.Enter)
                .press(KeyType.ArrowDown, 4).press(KeyType.Enter);
        assertEquals(StepKind.FILES, d.step());
        d.type("evi").press(KeyType.Tab);
        assertDrawnEscaped(d);
        assertFalse(d.text().contains("red.pem"), "a name no field can hold is not completed: " + d.text());
        d.press(KeyType.ReverseTab).press(KeyType.Backspace, KeyType.Backspace, KeyType.Backspace);
        d.press(KeyType.Tab).press(KeyType.Enter); // Browse...
        assertTrue(d.text().contains("Choose the certificate file"), d.text());
        assertTrue(d.text().contains("evil\\x1b[31mred.pem"), d.text());
        assertDrawnEscaped(d);
        d.press(KeyType.ArrowDown).press(KeyType.Enter); // ../, then the hostile file
        assertTrue(d.text().contains("red.pem has a terminal control"), d.text());
        assertDrawnEscaped(d);
        d.press(KeyType.Escape);
        assertFalse(d.text().contains("Choose the certificate file"), d.text());
        assertTrue(d.text().contains("! choose a certificate file"), "the field stays empty: " + d.text());
    }

    @Test
    void aCertificateSubjectWithEscIsShownEscapedOnFilesReviewDoneAndDetect() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        HostileCertificates.write(dir.resolve("evil.key"), dir.resolve("evil.pem"), HOST);
        WizardFixture f = new WizardFixture(s, false);
        WizardDriver d = new WizardDriver(f.model()).press(KeyType.Enter).press(KeyType.ArrowDown, 4)
                .press(KeyType.Enter);
        d.type("evil.pem").press(KeyType.Tab, KeyType.Tab).type("evil.key");
        assertDrawnEscaped(d);
        assertTrue(d.wizard.scrolledText().contains("evil\\x1b[2J.example.org"), d.wizard.scrolledText());
        d.press(KeyType.Enter).runJobs();
        assertEquals(StepKind.REVIEW, d.step(), d.text());
        assertDrawnEscaped(d);
        String review = d.wizard.scrolledText();
        assertTrue(review.contains("Subject:    CN=evil\\x1b[2J.example.org"), review);
        assertTrue(review.contains("1. server certificate: CN=evil\\x1b[2J.example.org"), review);
        assertFalse(review.contains("\u001b"), review);
        for (int i = 0; i < 6; i++) {
            d.press(KeyType.PageDown);
            assertDrawnEscaped(d);
        }
        d.press(KeyType.Enter).confirm().runJobs();
        assertEquals(StepKind.DONE, d.step(), d.text());
        assertDrawnEscaped(d);

        WizardDriver again = new WizardDriver(f.model());
        assertDrawnEscaped(again);
        assertTrue(again.wizard.scrolledText().contains("subject   CN=evil\\x1b[2J.example.org"),
                again.wizard.scrolledText());
        for (int i = 0; i < 4; i++) {
            again.press(KeyType.PageDown);
            assertDrawnEscaped(again);
        }
    }
}
