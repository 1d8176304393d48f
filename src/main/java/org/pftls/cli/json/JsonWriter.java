package org.pftls.cli.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One JSON object on a stream, written with jackson-core's streaming generator (no object mapping):
 * two-space indentation, a final newline, the stream left open. This class (and with it jackson)
 * is loaded only when {@code --json} is given.
 */
public final class JsonWriter implements AutoCloseable {
    private final JsonGenerator g;

    private JsonWriter(JsonGenerator g) {
        this.g = g;
    }

    /** A writer on {@code out}, which stays open. */
    public static JsonWriter on(OutputStream out) {
        try {
            JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultIndenter lines = DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lines).withArrayIndenter(lines));
            return new JsonWriter(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonWriter startObject() {
        return run(g::writeStartObject);
    }

    public JsonWriter startObject(String name) {
        return run(() -> g.writeObjectFieldStart(name));
    }

    public JsonWriter endObject() {
        return run(g::writeEndObject);
    }

    public JsonWriter startArray(String name) {
        return run(() -> g.writeArrayFieldStart(name));
    }

    public JsonWriter endArray() {
        return run(g::writeEndArray);
    }

    /** A string field, or null. */
    public JsonWriter field(String name, String value) {
        return run(() -> {
            if (value == null) {
                g.writeNullField(name);
            } else {
                g.writeStringField(name, value);
            }
        });
    }

    public JsonWriter field(String name, boolean value) {
        return run(() -> g.writeBooleanField(name, value));
    }

    public JsonWriter field(String name, long value) {
        return run(() -> g.writeNumberField(name, value));
    }

    /** An array of strings. */
    public JsonWriter strings(String name, List<String> values) {
        return run(() -> {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        });
    }

    /** Ends the document with a newline and flushes; the stream stays open. */
    @Override
    public void close() {
        try {
            g.flush();
            g.writeRaw('\n');
            g.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private JsonWriter run(Step step) {
        try {
            step.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
