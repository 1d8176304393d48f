package org.pftls.packaging;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON exactly as Python's {@code json.dumps(value, indent=True)} writes it, which is how
 * ansible-galaxy writes a collection's MANIFEST.json and FILES.json: one space of indentation per
 * level, {@code ", "}-free line ends, {@code ": "} after keys, {@code []} and {@code {}} for empty
 * containers, keys in insertion order, and every character outside space..~ escaped as
 * {@code \\uXXXX} in lowercase hex ({@code ensure_ascii}). Written with jackson-core's generator.
 */
final class PythonJson {
    private PythonJson() {
    }

    /** Python's escapes: \" \\ \b \f \n \r \t, else \\u00xx for controls and DEL, \\uxxxx beyond ASCII. */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            for (int c = 0; c < 0x20; c++) {
                if ("\b\f\n\r\t".indexOf(c) < 0) {
                    ascii[c] = ESCAPE_CUSTOM;
                }
            }
            ascii[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
        }
    }

    /** The bytes (ASCII) of {@code value}: maps (in their order), lists, strings, numbers, booleans, null. */
    static byte[] dumps(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.NONE)
                    .withArrayValueSpacing(Separators.Spacing.NONE)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("");
            DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter(separators).withObjectIndenter(indenter)
                    .withArrayIndenter(indenter));
            g.setCharacterEscapes(new Escapes());
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("no JSON for " + value.getClass().getName() + ": " + value);
        }
    }
}
