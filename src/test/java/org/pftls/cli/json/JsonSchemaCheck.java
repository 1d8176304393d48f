package org.pftls.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The published JSON schemas (src/main/resources/org/pftls/cli/json, ids https://pftls.org/schema/...)
 * applied to pftls's --json output: exactly one JSON object, nothing after it, valid against the
 * schema of its kind.
 */
public final class JsonSchemaCheck {
    private static final String BASE = "https://pftls.org/schema/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:org/pftls/cli/json/")));

    /** The schema of each subcommand's output. */
    public static final Map<String, String> KIND = Map.ofEntries(
            Map.entry("enable-client", "change"), Map.entry("enable-server", "change"),
            Map.entry("new-server-key", "change"), Map.entry("new-server-cert", "change"),
            Map.entry("deploy-server-cert", "change"), Map.entry("output-server-csr", "csr"),
            Map.entry("output-server-tlsa", "tlsa"), Map.entry("all-default-client", "all-default"),
            Map.entry("all-default-server", "all-default"), Map.entry("history", "history"),
            Map.entry("rollback", "rollback"), Map.entry("status", "status"));

    private JsonSchemaCheck() {
    }

    /** Parses {@code stdout} as one JSON object and nothing else. */
    public static JsonNode parse(String stdout) {
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try (JsonParser p = mapper.createParser(stdout)) {
            JsonNode node = mapper.readTree(p);
            assertTrue(node != null && node.isObject(), "not one JSON object:\n" + stdout);
            assertEquals(null, p.nextToken(), "more than one JSON value on stdout:\n" + stdout);
            assertTrue(stdout.endsWith("}\n"), "the object ends the output, with a newline:\n" + stdout);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON:\n" + stdout, e);
        }
    }

    /** {@link #parse}, then fails unless the object is valid against {@code schema} (e.g. "change"). */
    public static JsonNode valid(String schema, String stdout) {
        JsonNode node = parse(stdout);
        JsonSchema s = FACTORY.getSchema(SchemaLocation.of(BASE + schema + ".schema.json"));
        Set<ValidationMessage> errors = s.validate(node);
        assertEquals(Set.of(), errors, schema + ".schema.json rejects:\n" + stdout);
        return node;
    }

    /** Valid against {@code schema} and against error.schema.json, i.e. a failure. */
    public static JsonNode failure(String schema, String stdout) {
        JsonNode node = valid(schema, stdout);
        JsonSchema s = FACTORY.getSchema(SchemaLocation.of(BASE + "error.schema.json"));
        assertEquals(Set.of(), s.validate(node), "not an error object:\n" + stdout);
        return node;
    }

    /** Whether the document is valid against {@code schema}: for tests that show a schema can fail. */
    public static boolean accepts(String schema, JsonNode node) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + schema + ".schema.json")).validate(node).isEmpty();
    }
}
