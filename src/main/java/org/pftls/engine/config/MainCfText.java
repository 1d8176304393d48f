package org.pftls.engine.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * main.cf holds bytes, and Postfix reads its values as bytes: a path in main.cf is the path's
 * bytes on disk. pftls keeps main.cf's names and values as one {@code char} per byte (ISO-8859-1,
 * see {@link MainCf}), so that every byte survives an edit; paths and other text from the command
 * line and the file system are Java strings whose bytes, to the kernel, are their characters in the
 * file name character set (UTF-8 on a UTF-8 system). These two convert between the forms, strictly:
 * a path is written into main.cf as exactly the bytes the kernel uses for it, and a value is used
 * as a path only when it is valid in that character set (never as a guess).
 */
public final class MainCfText {
    private MainCfText() {
    }

    /** The main.cf form (one char per byte) of text such as a path. */
    public static String fromText(String text, Charset names) throws CharacterCodingException {
        ByteBuffer bytes = names.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        byte[] b = new byte[bytes.remaining()];
        bytes.get(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** The text (e.g. a path) that a main.cf value's bytes are in the character set of file names. */
    public static String toText(String value, Charset names) throws CharacterCodingException {
        return names.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
    }

    /** A value as main.cf keeps it: without leading and trailing isspace() characters, as postconf -e and Postfix trim. */
    public static String trim(String value) {
        return Chars.trim(value);
    }

    /** {@link #toText} for showing a value: bytes that are not valid there become U+FFFD. */
    public static String display(String value, Charset names) {
        return new String(value.getBytes(StandardCharsets.ISO_8859_1), names);
    }
}
