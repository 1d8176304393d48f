package org.pftls.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/** The published JSON schemas (src/main/resources/org/pftls/cli/json), checked against pftls's --json output. */
public final class JsonSchemas {
    private static final String BASE = "https://pftls.org/schema/";

    private JsonSchemas() {
    }

    /** Parses {@code json} (one object, nothing after it) and fails unless it is valid against {@code schema}. */
    public static JsonNode valid(String schema, String json) {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:org/pftls/cli/json/")));
        JsonSchema s = factory.getSchema(SchemaLocation.of(BASE + schema));
        Set<ValidationMessage> errors = s.validate(node);
        assertEquals(Set.of(), errors, schema + " rejects:\n" + json);
        return node;
    }
}
