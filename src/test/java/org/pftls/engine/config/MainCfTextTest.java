package org.pftls.engine.config;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A path goes into main.cf as its bytes in the file name character set, and comes back the same. */
class MainCfTextTest {
    private static final String PATH = "/etc/postfix-pé/日本/key.pem";

    @Test
    void aPathIsWrittenAsItsUtf8Bytes() throws Exception {
        String value = MainCfText.fromText(PATH, UTF_8);
        assertArrayEquals(PATH.getBytes(UTF_8), value.getBytes(ISO_8859_1));
        assertEquals(PATH, MainCfText.toText(value, UTF_8));
        byte[] edited = MainCfEditor.set("myhostname = a.example\n".getBytes(ISO_8859_1),
                List.of(Map.entry("smtpd_tls_key_file", value)), "main.cf").after();
        assertArrayEquals(("myhostname = a.example\nsmtpd_tls_key_file = " + PATH + "\n").getBytes(UTF_8), edited);
        assertEquals(PATH, MainCfText.toText(MainCf.parse(edited, "main.cf").value("smtpd_tls_key_file").orElseThrow(),
                UTF_8));
    }

    @Test
    void eightBitCharacterSetsKeepTheirOwnBytes() throws Exception {
        String value = MainCfText.fromText("/etc/pé", ISO_8859_1);
        assertArrayEquals(new byte[] {'/', 'e', 't', 'c', '/', 'p', (byte) 0xe9}, value.getBytes(ISO_8859_1));
    }

    @Test
    void whatTheCharacterSetCannotHoldIsRefusedNotGuessed() {
        assertThrows(CharacterCodingException.class, () -> MainCfText.fromText(PATH, US_ASCII));
        String latin1Bytes = new String(new byte[] {'/', 'p', (byte) 0xe9}, ISO_8859_1); // not UTF-8
        assertThrows(CharacterCodingException.class, () -> MainCfText.toText(latin1Bytes, UTF_8));
        assertEquals("/p\ufffd", MainCfText.display(latin1Bytes, UTF_8), "shown with a replacement character");
    }
}
