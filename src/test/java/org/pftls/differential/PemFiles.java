package org.pftls.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What kind of PEM file something is, and its public key, as openssl reads them. */
final class PemFiles {
    enum Kind { PRIVATE_KEY, CERTIFICATE, CERTIFICATE_REQUEST, OTHER }

    private PemFiles() {
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** By the first PEM block. */
    static Kind kind(Path file) {
        List<String> blocks = blocks(text(file));
        if (blocks.isEmpty()) {
            return Kind.OTHER;
        }
        String first = blocks.get(0);
        if (first.endsWith("PRIVATE KEY") || first.equals("EC PARAMETERS")) {
            return Kind.PRIVATE_KEY;
        }
        if (first.equals("CERTIFICATE REQUEST")) {
            return Kind.CERTIFICATE_REQUEST;
        }
        return first.equals("CERTIFICATE") ? Kind.CERTIFICATE : Kind.OTHER;
    }

    /** The types of the PEM blocks, in order (e.g. EC PARAMETERS, EC PRIVATE KEY). */
    static List<String> blocks(String text) {
        List<String> types = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
                types.add(line.substring(11, line.length() - 5));
            }
        }
        return types;
    }

    /** The public key in PEM as openssl extracts it from a key, certificate or CSR file; "" when it cannot. */
    static String publicKey(Path file) {
        String f = file.toString();
        String openssl = RequiredTools.OPENSSL.toString();
        List<String> command = switch (kind(file)) {
            case PRIVATE_KEY -> List.of(openssl, "pkey", "-in", f, "-pubout", "-passin", "pass:");
            case CERTIFICATE -> List.of(openssl, "x509", "-in", f, "-noout", "-pubkey");
            case CERTIFICATE_REQUEST -> List.of(openssl, "req", "-in", f, "-noout", "-pubkey");
            case OTHER -> null;
        };
        if (command == null) {
            return "";
        }
        ExternalCommand.Result result = ExternalCommand.run(command);
        return result.status() == 0 ? result.outText() : "";
    }
}
