package org.pftls.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Terminal controls in text from outside are shown as escapes; everything else is left alone. */
class UntrustedTextTest {
    @Test
    void plainTextIsLeftAsItIs() {
        String text = "/etc/postfix-pé/日本/key.pem\tCN=mail.example.org, O=Ünïcödé \\x41";
        assertSame(text, UntrustedText.escape(text));
    }

    @Test
    void controlsBecomeEscapes() {
        assertEquals("a\\x1b]0;pwned\\x07b", UntrustedText.escape("a\u001b]0;pwned\u0007b"));
        assertEquals("one\\ntwo\\rthree\\x00\\x08\\x7f", UntrustedText.escape("one\ntwo\rthree\u0000\b\u007f"));
        assertEquals("csi \\x9b2J", UntrustedText.escape("csi \u009b2J"), "C1 controls too");
        assertEquals("evil\\u202etxt.pem \\u2066x\\u2069 \\u2028", UntrustedText.escape("evil\u202etxt.pem \u2066x\u2069 \u2028"),
                "bidirectional overrides and line separators");
    }

    @Test
    void everyCharacterBelowSpaceButTabIsEscapedAndEscapingTwiceChangesNothing() {
        for (char c = 0; c < 0x20; c++) {
            String once = UntrustedText.escape("x" + c + "y");
            assertEquals(c == '\t', once.equals("x\ty"), "char " + (int) c);
            assertTrue(once.chars().allMatch(ch -> ch >= 0x20 || ch == '\t'), once);
            assertEquals(once, UntrustedText.escape(once));
        }
    }
}
