package org.pftls.engine.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.encoders.Base64;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Bouncy Castle's {@code PemReader} algorithm, block for block, without its
 * {@code java.util.logging} logger: that logger's static initialisation starts the JDK's logging
 * system, ~10 ms at every start of pftls that reads a key or certificate. Same results and same
 * exceptions as {@code PemReader.readPemObject()} (BC 1.82): lines before a
 * {@code -----BEGIN TYPE-----} line are skipped; inside a block, lines with a colon are headers;
 * an {@code IOException "-----END TYPE----- not found"} for a block with no end line; BC's base64
 * decoder (a {@code DecoderException} for bad base64). {@code PemBlockReaderTest} holds the two to
 * the same results.
 */
final class PemBlockReader extends BufferedReader {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    /** BC's switch for trimming whitespace around lines; honoured the same way. */
    private static final String LAX = "org.bouncycastle.pemreader.lax";

    PemBlockReader(Reader reader) {
        super(reader);
    }

    /** The next block, or null at the end. */
    PemObject readPemObject() throws IOException {
        String line = readLine();
        while (line != null && !line.startsWith(BEGIN)) {
            line = readLine();
        }
        if (line != null) {
            line = line.substring(BEGIN.length()).trim();
            int index = line.indexOf('-');
            if (index > 0 && line.endsWith("-----") && (line.length() - index) == 5) {
                return loadObject(line.substring(0, index));
            }
        }
        return null;
    }

    private PemObject loadObject(String type) throws IOException {
        String endMarker = END + type + "-----";
        StringBuilder base64 = new StringBuilder();
        List<PemHeader> headers = new ArrayList<>();
        boolean lax = System.getProperty(LAX, "false").equalsIgnoreCase("true");
        String line;
        while ((line = readLine()) != null) {
            int colon = line.indexOf(':');
            if (colon >= 0) {
                headers.add(new PemHeader(line.substring(0, colon), line.substring(colon + 1).trim()));
                continue;
            }
            if (lax) {
                line = line.trim();
            }
            if (line.indexOf(endMarker) == 0) {
                break;
            }
            base64.append(line.trim());
        }
        if (line == null) {
            throw new IOException(endMarker + " not found");
        }
        return new PemObject(type, headers, Base64.decode(base64.toString()));
    }
}
