package org.pftls.engine.crypto;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Writes PEM blocks as OpenSSL does: 64-character base64 lines, LF line ends. */
final class Pem {
    private Pem() {
    }

    /** One or more blocks, each {@code (type, der)}, concatenated. */
    static String encode(PemObject... blocks) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            for (PemObject block : blocks) {
                writer.writeObject(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a StringWriter
        }
        String pem = text.toString();
        // PemWriter ends lines with the platform separator; OpenSSL (and Postfix hosts) use LF.
        return pem.indexOf('\r') < 0 ? pem : pem.replace("\r\n", "\n");
    }

    static String encode(String type, byte[] der) {
        return encode(new PemObject(type, der));
    }
}
