package org.pftls.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Editor edge cases without Postfix (the golden test pins the rest to real postconf). */
class MainCfEditorTest {
    private static String set(String before, String... nameValues) {
        List<Map.Entry<String, String>> settings = new java.util.ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            settings.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return new String(MainCfEditor.set(before.getBytes(StandardCharsets.ISO_8859_1), settings, "main.cf").after(),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void specExampleA() {
        String before = "# header comment\nmyhostname = old.example\nsmtpd_tls_cert_file=/old/cert.pem\n"
                + "smtpd_tls_key_file = /old/key.pem\n  /continued/junk\n# comment inside continuation\n\tmore junk\n"
                + "smtpd_tls_security_level = none\n#smtpd_tls_loglevel = 0\nsmtpd_tls_security_level = encrypt\n"
                + "relayhost =\n";
        MainCfEditor.Edit edit = MainCfEditor.set(before.getBytes(StandardCharsets.ISO_8859_1), List.of(
                Map.entry("smtpd_tls_cert_file", "/new/cert.pem"), Map.entry("smtpd_tls_key_file", "/new/key.pem"),
                Map.entry("  smtpd_tls_security_level  ", "  may  "), Map.entry("smtpd_tls_loglevel", "1"),
                Map.entry("relayhost", ""), Map.entry("empty_new", "")), "/x/main.cf");
        assertEquals("# header comment\nmyhostname = old.example\nsmtpd_tls_cert_file = /new/cert.pem\n"
                + "smtpd_tls_key_file = /new/key.pem\n# comment inside continuation\nsmtpd_tls_security_level = may\n"
                + "#smtpd_tls_loglevel = 0\nsmtpd_tls_security_level = may\nrelayhost = \nempty_new = \n"
                + "smtpd_tls_loglevel = 1\n", new String(edit.after(), StandardCharsets.ISO_8859_1));
        assertEquals(List.of("/x/main.cf: multiple entries for \"smtpd_tls_security_level\""), edit.warnings());
    }

    @Test
    void crlfIsKeptOnUntouchedLines() {
        assertEquals("myhostname = a.example\r\nsmtpd_tls_loglevel = 1\nsmtpd_banner = bye\ntls_random_source = dev:/dev/urandom\n",
                set("myhostname = a.example\r\nsmtpd_tls_loglevel = 0\r\nsmtpd_banner = hi\r\n  there\r\n",
                        "smtpd_tls_loglevel", "1", "smtpd_banner", "bye", "tls_random_source", "dev:/dev/urandom"));
    }

    @Test
    void missingFinalNewlineGetsOneBeforeAppending() {
        assertEquals("relayhost = x\nsmtpd_tls_loglevel = 1\n", set("relayhost = x", "smtpd_tls_loglevel", "1"));
        assertEquals("relayhost = x", set("relayhost = x"));
        assertEquals("relayhost = y\n", set("relayhost = x", "relayhost", "y"));
        assertEquals("a = 1\n", set("", "a", "1"));
    }

    @Test
    void appendsSortedByByteOrderAndLastDuplicateWins() {
        assertEquals("x = 0\nB = b\na = 2\nb_ = 3\n", set("x = 0\n", "b_", "3", "a", "1", "B", "b", "a", "2"));
    }

    @Test
    void keyEndsAtBlankTabCrOrEquals() {
        assertEquals("a = 9\na = 9\na = 9\nab = 1\n", set("a=1\na\t= 2\na\r\nab = 1\n", "a", "9"));
    }

    @Test
    void removeDropsEntriesAndTheirContinuations() {
        MainCfEditor.Edit edit = MainCfEditor.remove(
                "a = 1\n  more\n# kept\nb = 2\na = 3\n".getBytes(StandardCharsets.ISO_8859_1), List.of("a", "z"), "m");
        assertEquals("# kept\nb = 2\n", new String(edit.after(), StandardCharsets.ISO_8859_1));
        assertEquals(List.of("m: multiple entries for \"a\""), edit.warnings());
    }

    @Test
    void refusesWhatPostconfRefuses() {
        assertThrows(IllegalArgumentException.class, () -> set("", "a b", "1"));
        assertThrows(IllegalArgumentException.class, () -> set("", "#a", "1"));
        assertThrows(IllegalArgumentException.class, () -> set("", "a", "x\ny"));
        assertThrows(IllegalArgumentException.class, () -> set("", "", "1"));
    }
}
