package org.pftls.engine.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits PEM text into blocks and normalises {@code openssl asn1parse} output for structure comparisons. */
final class PemText {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\n.*?-----END \\1-----\n",
            Pattern.DOTALL);

    record Block(String type, String text) {
    }

    private PemText() {
    }

    static List<Block> blocks(String pem) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group()));
        }
        return blocks;
    }

    static List<String> types(String pem) {
        return blocks(pem).stream().map(Block::type).toList();
    }

    /**
     * The shape of an asn1parse listing: depth, class and type of each element, object
     * identifiers and small integers (version numbers) kept; offsets, lengths and other values dropped.
     */
    static String asn1Structure(String asn1parse) {
        StringBuilder shape = new StringBuilder();
        for (String line : asn1parse.split("\n")) {
            Matcher m = Pattern.compile("^\\s*\\d+:d=(\\d+)\\s+hl=\\d+ l=\\s*\\d+ (prim|cons):\\s*(.*)$").matcher(line);
            if (!m.matches()) {
                continue;
            }
            String rest = m.group(3).trim();
            String type = rest.replaceAll("\\s*:.*$", "").trim();
            String value = rest.contains(":") ? rest.substring(rest.indexOf(':') + 1) : "";
            shape.append(m.group(1)).append(' ').append(m.group(2)).append(' ').append(type);
            if (type.equals("OBJECT") || (type.equals("INTEGER") && value.length() <= 2)) {
                shape.append(" :").append(value);
            }
            shape.append('\n');
        }
        return shape.toString();
    }
}
