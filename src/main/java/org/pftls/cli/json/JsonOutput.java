package org.pftls.cli.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.check.Finding;

/**
 * One JSON document on a stream, written with jackson-core's streaming generator (no object
 * mapping): the shared writer of every {@code --json} output, with helpers for what pftls's data
 * has (optional values as null, findings, time stamps). This class and jackson are loaded only
 * when {@code --json} is given.
 */
public final class JsonOutput implements AutoCloseable {
    private final JsonGenerator g;

    private JsonOutput(JsonGenerator g) {
        this.g = g;
    }

    /** A generator on {@code out} (not closed at the end), indented by two spaces, ending with a newline. */
    public static JsonOutput on(OutputStream out) {
        try {
            JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
            g.setPrettyPrinter(pretty);
            return new JsonOutput(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generator itself, for what the helpers do not cover. */
    public JsonGenerator generator() {
        return g;
    }

    public JsonOutput startObject() {
        return run(g::writeStartObject);
    }

    public JsonOutput startObject(String name) {
        return run(() -> g.writeObjectFieldStart(name));
    }

    public JsonOutput endObject() {
        return run(g::writeEndObject);
    }

    public JsonOutput startArray(String name) {
        return run(() -> g.writeArrayFieldStart(name));
    }

    public JsonOutput endArray() {
        return run(g::writeEndArray);
    }

    public JsonOutput field(String name, String value) {
        return run(() -> {
            if (value == null) {
                g.writeNullField(name);
            } else {
                g.writeStringField(name, value);
            }
        });
    }

    public JsonOutput field(String name, Optional<?> value) {
        return field(name, value.map(String::valueOf).orElse(null));
    }

    public JsonOutput field(String name, boolean value) {
        return run(() -> g.writeBooleanField(name, value));
    }

    public JsonOutput field(String name, long value) {
        return run(() -> g.writeNumberField(name, value));
    }

    /** A time stamp as ISO-8601 UTC ({@code 2026-11-25T12:00:00Z}), or null. */
    public JsonOutput time(String name, Instant value) {
        return field(name, value == null ? null : value.toString());
    }

    /** A boolean that may be unknown (null). */
    public JsonOutput nullableBoolean(String name, Optional<Boolean> value) {
        return run(() -> {
            if (value.isPresent()) {
                g.writeBooleanField(name, value.get());
            } else {
                g.writeNullField(name);
            }
        });
    }

    public JsonOutput strings(String name, List<String> values) {
        return run(() -> {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        });
    }

    /** {@code [{"severity": "problem", "code": ..., "text": ...}, ...]}. */
    public JsonOutput findings(String name, List<Finding> findings) {
        return run(() -> {
            g.writeArrayFieldStart(name);
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringField("code", f.code());
                g.writeStringField("text", f.text());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** Ends the document (a final newline) and flushes. */
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

    private JsonOutput run(Step step) {
        try {
            step.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
