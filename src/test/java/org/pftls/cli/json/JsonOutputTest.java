package org.pftls.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pftls.cli.json.JsonSchemaCheck.failure;
import static org.pftls.cli.json.JsonSchemaCheck.valid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;
import org.pftls.testing.TestCertificates;

/**
 * {@code --json} on every subcommand (issue #18): one JSON object on stdout and nothing on stderr,
 * valid against the published schema of its kind, on success and on failure (also usage errors and
 * the picocli-free path), carrying the same data as the text run: the same messages as the text
 * run's stderr, the same diff, records and CSR as its stdout.
 */
class JsonOutputTest {
    @TempDir
    Path dir;

    private Sandbox fresh(String name) throws Exception {
        return Sandbox.withSample(Files.createDirectories(dir.resolve(name)), "debian-fresh.cf");
    }

    /** The schema kind of a command line: that of the first subcommand name in it. */
    private static String kind(String... args) {
        for (String a : args) {
            if (JsonSchemaCheck.KIND.containsKey(a)) {
                return JsonSchemaCheck.KIND.get(a);
            }
        }
        return "error";
    }

    /** Runs {@code pftls -c DIR args...}: exit 0, nothing on stderr, a valid object on stdout. */
    private static JsonNode ok(Sandbox s, String... args) {
        Run r = s.run(args);
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals("", r.err(), "stderr with --json");
        JsonNode j = valid(kind(args), r.out());
        assertTrue(j.get("ok").asBoolean(), r.out());
        return j;
    }

    /** Runs it and expects a failure: the status, nothing on stderr, a valid error object. */
    private static JsonNode fails(Sandbox s, int status, String... args) {
        return failsRaw(s, status, withConfig(s, args));
    }

    private static JsonNode failsRaw(Sandbox s, int status, String... args) {
        Run r = s.runRaw(args);
        assertEquals(status, r.status(), r.out() + r.err());
        assertEquals("", r.err(), "stderr with --json");
        JsonNode j = failure(kind(args), r.out());
        assertEquals(status, j.get("exit_status").asInt());
        return j;
    }

    private static String[] withConfig(Sandbox s, String... args) {
        List<String> all = new ArrayList<>(List.of("-c", s.dir().toString()));
        all.addAll(List.of(args));
        return all.toArray(new String[0]);
    }

    private static List<String> texts(JsonNode messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(("info".equals(m.get("level").asText()) ? "pftls: "
                : "pftls: " + m.get("level").asText() + ": ") + m.get("text").asText()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void enableServerDryRunShowsThePlanAndChangesNothing() throws Exception {
        Sandbox s = fresh("a");
        Map<String, String> before = s.snapshot();
        JsonNode j = ok(s, "enable-server", "--dry-run", "--json", "-a", "rsa,ecdsa", "mx.example.org");
        assertEquals(before, s.snapshot());
        assertEquals("enable-server", j.get("command").asText());
        assertTrue(j.get("dry_run").asBoolean());
        assertTrue(j.get("changed").asBoolean(), "the real run would change something");
        assertEquals(s.dir().toString(), j.get("config_directory").asText());
        assertEquals(4, j.get("files_created").size());
        assertEquals("0600", j.get("files_created").get(0).get("mode").asText());
        assertEquals("private_key", j.get("files_created").get(0).get("kind").asText());
        assertEquals("certificate", j.get("files_created").get(1).get("kind").asText());
        assertTrue(j.get("backup").isNull());
        assertTrue(j.get("main_cf_diff").asText().contains("+smtpd_tls_security_level = may\n"), j.toString());
        assertEquals(s.mainCfText(), j.get("main_cf").get("before").asText());
        assertTrue(j.get("main_cf").get("after").asText().contains("smtpd_tls_eckey_file = "));
        assertEquals(0, j.get("tlsa").size(), "a dry run's keys are thrown away");
        JsonNode level = find(j.get("settings"), "smtpd_tls_security_level");
        assertEquals("added", level.get("action").asText());
        assertTrue(level.get("old").isNull());
        assertEquals("may", level.get("new").asText());
        // The messages of the real run, as the text dry run lists them.
        Sandbox twin = fresh("b");
        Run text = twin.run("enable-server", "--dry-run", "-a", "rsa,ecdsa", "mx.example.org");
        List<String> listed = text.out().replace(twin.dir().toString(), s.dir().toString()).lines()
                .filter(l -> l.startsWith("  | ")).map(l -> l.substring(4)).toList();
        assertEquals(listed, j.get("messages").findValuesAsText("text"));
        assertTrue(text.out().replace(twin.dir().toString(), s.dir().toString()).contains(j.get("main_cf_diff").asText()),
                "the same diff as the text dry run");
    }

    private static JsonNode find(JsonNode settings, String name) {
        for (JsonNode s : settings) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " not in " + settings);
    }

    @Test
    void theRealRunReportsWhatItMadeWithTheMessagesOfTheTextRun() throws Exception {
        Sandbox s = fresh("a");
        Sandbox twin = fresh("b");
        JsonNode j = ok(s, "enable-server", "--json", "-a", "rsa,ecdsa", "mx.example.org");
        Run text = twin.run("enable-server", "-a", "rsa,ecdsa", "mx.example.org");
        assertEquals(0, text.status());
        assertEquals(text.err().replace(twin.dir().toString(), s.dir().toString()).lines().toList(),
                texts(j.get("messages")), "messages = the text run's stderr");
        assertFalse(j.get("dry_run").asBoolean());
        assertTrue(j.get("changed").asBoolean());
        JsonNode files = j.get("files_created");
        assertEquals(5, files.size(), files.toString());
        for (int i = 0; i < 4; i++) {
            Path p = Path.of(files.get(i).get("path").asText());
            assertTrue(Files.isRegularFile(p), p.toString());
        }
        assertEquals("backup", files.get(4).get("kind").asText());
        assertEquals("0644", files.get(4).get("mode").asText());
        assertEquals(files.get(4).get("path").asText(), j.get("backup").asText());
        assertTrue(Files.isRegularFile(Path.of(j.get("backup").asText())));
        assertEquals(s.mainCfText(), j.get("main_cf").get("after").asText());
        // The TLSA records of the new keys are those output-server-tlsa prints for the deployed keys.
        JsonNode tlsa = ok(s, "output-server-tlsa", "--json", "-h", "mx.example.org");
        assertEquals(j.get("tlsa"), tlsa.get("tlsa"));
        assertEquals("_25._tcp.mx.example.org.", j.get("tlsa").get(0).get("owner").asText());
        Run tlsaText = s.run("output-server-tlsa", "-h", "mx.example.org");
        List<String> lines = new ArrayList<>();
        for (JsonNode r : tlsa.get("tlsa")) {
            lines.add("; " + r.get("key_file").asText());
            lines.add(r.get("record").asText());
        }
        assertEquals(tlsaText.out().lines().toList(), lines);
        // The command line of the run, as the history records it.
        assertEquals(List.of("pftls", "-c", s.dir().toString(), "enable-server", "-a", "rsa,ecdsa", "-b",
                "2048,secp256r1", "mx.example.org"), strings(j.get("command_line")));
    }

    @Test
    void secondRunsChangeNothingAndSaySo() throws Exception {
        Sandbox s = fresh("a");
        ok(s, "enable-server", "--merge", "--keep-usable", "--json", "-a", "rsa,ecdsa");
        ok(s, "enable-client", "--merge", "--json");
        Map<String, String> before = s.snapshot();
        JsonNode server = ok(s, "enable-server", "--merge", "--keep-usable", "--json", "-a", "rsa,ecdsa");
        JsonNode client = ok(s, "enable-client", "--merge", "--json");
        assertEquals(before, s.snapshot(), "no file, backup or history line");
        for (JsonNode j : List.of(server, client)) {
            assertFalse(j.get("changed").asBoolean(), j.toString());
            assertEquals(0, j.get("files_created").size());
            assertTrue(j.get("main_cf_diff").isNull());
            assertTrue(j.get("backup").isNull());
            j.get("settings").forEach(x -> assertEquals("kept", x.get("action").asText(), x.toString()));
        }
        assertEquals("a usable RSA key and certificate are deployed (they match); kept (--keep-usable)",
                find(server.get("settings"), "smtpd_tls_key_file").get("reason").asText());
        // Check mode sees the same: the dry run of the same command would change nothing.
        assertFalse(ok(s, "enable-server", "--merge", "--keep-usable", "--dry-run", "--json", "-a", "rsa,ecdsa")
                .get("changed").asBoolean());
        // Deploying what is deployed writes nothing either.
        JsonNode status = ok(s, "status", "--json");
        JsonNode rsa = status.get("deployed").get(0);
        JsonNode deploy = ok(s, "deploy-server-cert", "--json", rsa.get("cert_file").asText(),
                rsa.get("key_file").asText());
        assertFalse(deploy.get("changed").asBoolean());
        assertTrue(deploy.get("messages").get(0).get("text").asText().contains("are already deployed"),
                deploy.toString());
        assertEquals(before, s.snapshot());
    }

    @Test
    void newKeysAndCertificates() throws Exception {
        Sandbox s = fresh("a");
        JsonNode key = ok(s, "new-server-key", "--json", "-a", "ecdsa", "mx.example.org");
        assertTrue(key.get("changed").asBoolean());
        assertEquals(2, key.get("files_created").size(), "no main.cf change, no backup");
        assertTrue(key.get("main_cf_diff").isNull());
        assertEquals("ecdsa", key.get("tlsa").get(0).get("algorithm").asText());
        ok(s, "enable-server", "--json");
        JsonNode cert = ok(s, "new-server-cert", "--json");
        JsonNode deployed = ok(s, "output-server-tlsa", "--json", "rsa");
        assertEquals(deployed.get("tlsa").get(0).get("data"), cert.get("tlsa").get(0).get("data"),
                "new-server-cert keeps the key: the same TLSA data");
    }

    @Test
    void csrAndTlsaCarryWhatTheTextRunPrints() throws Exception {
        Sandbox s = fresh("a");
        Sandbox twin = fresh("b");
        ok(s, "enable-server", "--json", "mx.example.org");
        twin.run("enable-server", "mx.example.org");
        ok(s, "output-server-tlsa", "--json"); // keeps the two sandboxes' random seeds in step
        twin.run("output-server-tlsa");
        JsonNode csr = ok(s, "output-server-csr", "--json", "-k", "rsa", "mx.example.org", "example.org");
        Run text = twin.run("output-server-csr", "-k", "rsa", "mx.example.org", "example.org");
        assertEquals(text.out(), csr.get("csr").asText());
        assertEquals(List.of("mx.example.org", "example.org"), strings(csr.get("host_names")));
        assertTrue(csr.get("key_file").asText().startsWith(s.dir().resolve("key-").toString()));
        assertFalse(csr.get("changed").asBoolean());
    }

    @Test
    void allDefaultAnswersInOkAndTheExitStatus() throws Exception {
        Sandbox s = fresh("a");
        JsonNode yes = ok(s, "all-default-server", "--json");
        assertTrue(yes.get("all_default").asBoolean());
        assertEquals(0, yes.get("non_default").size());
        ok(s, "enable-client", "--json");
        Run r = s.run("all-default-client", "--json");
        assertEquals(1, r.status());
        assertEquals("", r.err());
        JsonNode no = valid("all-default", r.out());
        assertFalse(no.get("ok").asBoolean());
        assertFalse(no.get("all_default").asBoolean());
        assertFalse(no.has("error"), "a no is an answer, not an error");
        assertTrue(strings(no.get("non_default")).contains("smtp_tls_security_level = may"), r.out());
    }

    @Test
    void historyAndRollback() throws Exception {
        Sandbox s = fresh("a");
        JsonNode empty = ok(s, "history", "--json");
        assertEquals(0, empty.get("changes").size());
        String original = s.mainCfText();
        JsonNode client = ok(s, "enable-client", "--json");
        JsonNode h = ok(s, "history", "--json");
        JsonNode c = h.get("changes").get(0);
        assertEquals("enable-client", c.get("operation").asText());
        assertEquals("current", c.get("state").asText());
        assertEquals(client.get("backup").asText(), c.get("backup").asText());
        assertEquals(strings(client.get("command_line")), strings(c.get("command_line")));
        JsonNode refused = fails(s, 1, "rollback", "--json");
        assertEquals("usage", refused.get("kind").asText());
        assertTrue(refused.get("error").asText().contains("--yes"), refused.toString());
        Map<String, String> before = s.snapshot();
        JsonNode dry = ok(s, "rollback", "--dry-run", "--json");
        assertEquals(before, s.snapshot());
        assertTrue(dry.get("changed").asBoolean());
        assertEquals(original, dry.get("main_cf").get("after").asText());
        assertEquals("enable-client", dry.get("undone").get("operation").asText());
        JsonNode done = ok(s, "rollback", "--yes", "--json");
        assertEquals(original, s.mainCfText());
        assertEquals("backup", done.get("files_created").get(0).get("kind").asText());
        assertEquals(dry.get("main_cf_diff"), done.get("main_cf_diff"));
        assertTrue(texts(done.get("messages")).stream().anyMatch(m -> m.contains("was saved as")), done.toString());
    }

    @Test
    void statusDescribesTheInstance() throws Exception {
        Sandbox s = fresh("a");
        ok(s, "enable-server", "--json", "-a", "ecdsa");
        JsonNode j = ok(s, "status", "--json");
        assertEquals("ecdsa", j.get("deployed").get(1).get("algorithm").asText());
        assertTrue(j.get("deployed").get(1).get("matches").asBoolean());
        assertFalse(j.get("server").get("all_default").asBoolean());
    }

    @Test
    void failuresAreErrorObjectsWithTheUsualStatus() throws Exception {
        Sandbox s = fresh("a");
        Map<String, String> before = s.snapshot();
        JsonNode bad = fails(s, 1, "enable-server", "--json", "-a", "dsa");
        assertEquals("enable-server", bad.get("command").asText());
        assertEquals("input", bad.get("kind").asText());
        assertTrue(bad.get("error").asText().startsWith("Unsupported private key algorithm: dsa"), bad.toString());
        assertEquals("usage", fails(s, 1, "enable-server", "--json", "--frobnicate").get("kind").asText());
        JsonNode unknown = fails(s, 1, "enable-servr", "--json");
        assertTrue(unknown.get("command").isNull());
        assertTrue(unknown.get("error").asText().startsWith("unknown tls command: 'enable-servr'"), unknown.toString());
        assertEquals("usage", fails(s, 1, "--json", "enable-server").get("kind").asText(), "--json after the name");
        assertEquals("wizard", fails(s, 1, "wizard", "--json").get("command").asText(), "no JSON wizard");
        assertEquals("input", fails(s, 1, "output-server-tlsa", "--json").get("kind").asText(), "no keys yet");
        assertEquals("input", fails(s, 1, "output-server-csr", "--json").get("kind").asText());
        assertEquals("crypto", fails(s, 1, "deploy-server-cert", "--json", "no-such-cert.pem", "no-such-key.pem")
                .get("kind").asText());
        assertEquals("usage", fails(s, 1, "history", "--json", "--to", "x").get("kind").asText(), "no --to");
        assertEquals(before, s.snapshot());
        // A configuration directory that is not there; the other kinds' schemas accept the error object too.
        Path missing = dir.resolve("missing");
        for (String sub : List.of("enable-client", "all-default-server", "status", "history", "rollback")) {
            Run r = s.runRaw("-c", missing.toString(), sub, "--json");
            assertEquals(1, r.status(), sub + ": " + r.out() + r.err());
            assertEquals("", r.err());
            JsonNode j = failure(kind(sub), r.out());
            assertTrue(j.get("error").asText().contains(missing.toString()), r.out());
        }
    }

    @Test
    void theFastPathAndPicocliWriteTheSameObjects() throws Exception {
        for (List<String> args : List.of(List.of("enable-server", "--json", "-a", "dsa"),
                List.of("enable-client", "--dry-run", "--json"), List.of("all-default-server", "--json"),
                List.of("output-server-tlsa", "--json", "missing.pem"), List.of("new-server-key", "--json", "-a", "ecdsa"))) {
            Sandbox a = fresh("fast-" + args.get(0) + args.size());
            Sandbox b = fresh("picocli-" + args.get(0) + args.size());
            List<String> fast = new ArrayList<>(List.of("-c", a.dir().toString()));
            fast.addAll(args);
            List<String> slow = new ArrayList<>(List.of("-c" + b.dir()));
            slow.addAll(args);
            Run ra = a.runRaw(fast.toArray(new String[0]));
            Run rb = b.runRaw(slow.toArray(new String[0]));
            assertEquals(ra.status(), rb.status(), args.toString());
            assertEquals("", ra.err() + rb.err());
            JsonNode ja = valid(kind(args.toArray(new String[0])), ra.out());
            JsonNode jb = valid(kind(args.toArray(new String[0])), rb.out());
            assertEquals(normalise(ja, a.dir(), b.dir()), jb, args.toString());
        }
    }

    /** The object with sandbox a's directory written as b's. */
    private static JsonNode normalise(JsonNode j, Path a, Path b) throws Exception {
        String text = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(j)
                .replace(a.toString(), b.toString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }

    @Test
    void theSchemasAreStrict() throws Exception {
        Sandbox s = fresh("a");
        Run r = s.run("enable-client", "--json");
        JsonNode j = valid("change", r.out());
        ObjectNode extra = j.deepCopy();
        extra.put("surprise", 1);
        assertFalse(JsonSchemaCheck.accepts("change", extra), "unknown fields are refused");
        ObjectNode missing = j.deepCopy();
        missing.remove("changed");
        assertFalse(JsonSchemaCheck.accepts("change", missing), "required fields are required");
        ObjectNode wrong = j.deepCopy();
        ((ObjectNode) wrong.get("settings").get(0)).put("action", "replaced");
        assertFalse(JsonSchemaCheck.accepts("change", wrong));
        assertFalse(JsonSchemaCheck.accepts("csr", j), "another kind's object");
        assertNotEquals("", new String(Files.readAllBytes(s.mainCf()), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aKeptPairWithProblemsIsKeptWithWarnings() throws Exception {
        Sandbox s = Sandbox.withSample(Files.createDirectories(dir.resolve("snakeoil")), "debian-snakeoil.cf");
        Path key = s.dir().resolve("ssl-cert-snakeoil.key");
        Path cert = s.dir().resolve("ssl-cert-snakeoil.pem");
        TestCertificates.writeSelfSigned(key, cert, "vm");
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        s.writeMainCf(s.mainCfText().replace("/etc/ssl/private/ssl-cert-snakeoil.key", key.toString())
                .replace("/etc/ssl/certs/ssl-cert-snakeoil.pem", cert.toString()).getBytes(StandardCharsets.ISO_8859_1));
        JsonNode j = ok(s, "enable-server", "--merge", "--keep-usable", "--json", "-a", "rsa,ecdsa");
        assertTrue(j.get("changed").asBoolean(), "the ECDSA pair is new");
        assertEquals(List.of("eckey", "eccert", "main"), j.get("files_created").findValuesAsText("path").stream()
                .map(p -> Path.of(p).getFileName().toString().replaceAll("[-.].*", "")).toList());
        assertEquals("kept", find(j.get("settings"), "smtpd_tls_key_file").get("action").asText());
        assertEquals("added", find(j.get("settings"), "smtpd_tls_eckey_file").get("action").asText());
        assertTrue(j.get("messages").get(0).get("text").asText().startsWith("kept RSA key and certificate: the private"
                + " key " + key + " is readable by group or others"), j.toString());
        assertEquals("warning", j.get("messages").get(0).get("level").asText());
        assertEquals(1, j.get("tlsa").size());
    }
}
