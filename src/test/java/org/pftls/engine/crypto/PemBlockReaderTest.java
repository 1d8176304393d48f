package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;

/**
 * {@link PemBlockReader} gives what Bouncy Castle's {@code PemReader} gives (blocks, headers,
 * contents, and the same exception class and message) on well-formed PEM and on thousands of
 * damaged variants of it.
 */
class PemBlockReaderTest {
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(bytes(121, 1)) + "\n"
            + "-----END PRIVATE KEY-----\n";
    private static final String CERT = "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(bytes(300, 2)) + "\n"
            + "-----END CERTIFICATE-----\n";
    private static final String LEGACY = "-----BEGIN RSA PRIVATE KEY-----\n"
            + "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(bytes(50, 3)) + "\n"
            + "-----END RSA PRIVATE KEY-----\n";

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** One PEM reader under test: its next block, or null at the end. */
    @FunctionalInterface
    private interface Blocks extends java.io.Closeable {
        PemObject next() throws IOException;

        @Override
        default void close() {
        }
    }

    /** Every block read, then "end", or the exception: as one comparable string. */
    private static String readAll(Blocks blocks) {
        StringBuilder out = new StringBuilder();
        try (blocks) {
            PemObject block;
            while ((block = blocks.next()) != null) {
                out.append(describe(block));
            }
            out.append("end");
        } catch (IOException | RuntimeException e) {
            out.append(e.getClass().getName()).append(": ").append(e.getMessage());
        }
        return out.toString();
    }

    private static String readAllWithBc(String text) {
        return readAll(new PemReader(new StringReader(text))::readPemObject);
    }

    private static String readAllWithPftls(String text) {
        return readAll(new PemBlockReader(new StringReader(text))::readPemObject);
    }

    private static String describe(PemObject block) {
        StringBuilder s = new StringBuilder("[" + block.getType());
        for (Object h : block.getHeaders()) {
            s.append(" {").append(((PemHeader) h).getName()).append('=').append(((PemHeader) h).getValue()).append('}');
        }
        return s.append(' ').append(Base64.getEncoder().encodeToString(block.getContent())).append("] ").toString();
    }

    @Test
    void wellFormedFilesReadTheSame() {
        for (String text : List.of(KEY, CERT, LEGACY, CERT + KEY, "junk\n" + KEY + "more junk\n" + CERT,
                KEY.replace("\n", "\r\n"), CERT.replace("\n", "\r"), "", "no pem at all\n")) {
            String bc = readAllWithBc(text);
            assertEquals(bc, readAllWithPftls(text), text);
        }
        assertTrue(readAllWithPftls(CERT + KEY).startsWith("[CERTIFICATE "));
        assertTrue(readAllWithPftls(LEGACY).contains("{Proc-Type=4,ENCRYPTED}"));
    }

    @Test
    void damagedFilesFailTheSame() {
        Random random = new Random(42);
        String base = "garbage\n" + CERT + KEY + LEGACY;
        List<String> variants = new ArrayList<>();
        for (int cut = 0; cut <= base.length(); cut += 7) {
            variants.add(base.substring(0, cut)); // truncated anywhere
        }
        String alphabet = "-: \t\r\n=A/+!#ÿ0";
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder(base);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            variants.add(s.toString());
        }
        int failures = 0;
        for (String text : variants) {
            String bc = readAllWithBc(text);
            assertEquals(bc, readAllWithPftls(text), text);
            if (!bc.endsWith("end")) {
                failures++;
            }
        }
        assertTrue(failures > 100, "the damaged corpus should make BC fail often, made it fail " + failures + " times");
    }
}
