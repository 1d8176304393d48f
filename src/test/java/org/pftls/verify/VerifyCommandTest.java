package org.pftls.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.testing.FakeSmtpServer;
import org.pftls.testing.FakeSmtpServer.Behaviour;
import org.pftls.testing.FakeSmtpServer.Identity;
import org.pftls.testing.JsonSchemas;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;

/**
 * pftls verify, status and history in-process on a sandbox, against an SMTP server in this JVM that
 * serves the deployed key and certificate (or another one: "not reloaded"). Both --json outputs are
 * checked against the published schemas (src/main/resources/org/pftls/cli/json). The same against a real Postfix: VerifyIT.
 */
class VerifyCommandTest {
    @TempDir
    Path dir;

    @Test
    void passesWhenTheServerServesTheDeployedCertificateAndRecordsIt() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-server").status());
        byte[] enabled = Files.readAllBytes(s.mainCf());
        Identity deployed = FakeSmtpServer.fromFiles(newest("key-"), newest("cert-"));
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.STARTTLS, deployed, null)) {
            Run text = s.run("verify", "--port", Integer.toString(server.port()));
            assertEquals(0, text.status(), text.out() + text.err());
            assertTrue(text.out().contains("rsa    serves the deployed key, certificate and chain (TLSv1.3"), text.out());
            assertTrue(text.out().endsWith("OK: the running server serves what is deployed.\n"), text.out());

            Run json = s.run("verify", "--port", Integer.toString(server.port()), "--json");
            assertEquals(0, json.status(), json.err());
            JsonNode v = JsonSchemas.valid("verify.schema.json", json.out());
            assertTrue(v.get("ok").asBoolean());
            assertEquals(server.port(), v.get("port").asInt());
            JsonNode rsa = v.get("algorithms").get(0);
            assertEquals("rsa", rsa.get("algorithm").asText());
            assertTrue(rsa.get("match").asBoolean());
            assertEquals(rsa.get("deployed_spki_sha256").asText(), rsa.get("served_spki_sha256").asText());
            assertTrue(rsa.get("tlsa_match").asBoolean());
            assertEquals("3 1 1 " + rsa.get("deployed_spki_sha256").asText(),
                    v.get("tlsa").get("records").get(0).get("data").asText());
            assertTrue(v.get("recorded").asBoolean());

            // --no-record (the Ansible module tls_info): the same answer, nothing written
            java.util.Map<String, String> before = s.snapshot();
            Run audit = s.run("verify", "--port", Integer.toString(server.port()), "--json", "--no-record");
            assertEquals(0, audit.status(), audit.err());
            assertFalse(JsonSchemas.valid("verify.schema.json", audit.out()).get("recorded").asBoolean());
            assertEquals(before, s.snapshot(), "verify --no-record writes nothing");
        }
        assertArrayEquals(enabled, Files.readAllBytes(s.mainCf()), "verify never changes main.cf");

        Run status = s.run("status");
        assertTrue(status.out().contains("Running server: last verified 2026-11-25 12:00:0"), status.out());
        assertTrue(status.out().contains(", ok: 127.0.0.1:"), status.out());
        Run statusJson = s.run("status", "--json");
        JsonNode st = JsonSchemas.valid("status.schema.json", statusJson.out());
        assertTrue(st.get("last_verified").get("ok").asBoolean());
        assertFalse(st.get("last_verified").get("main_cf_changed_since").asBoolean());
        assertEquals("rsa", st.get("deployed").get(0).get("algorithm").asText());

        Run history = s.run("history");
        assertTrue(history.out().contains("verify              ok: 127.0.0.1:"), history.out());
        // rollback takes back enable-server, never a verify entry
        Run rollback = s.run("rollback", "--yes");
        assertEquals(0, rollback.status(), rollback.err());
        assertArrayEquals(Sandbox.resource("/samples/debian-fresh.cf"), Files.readAllBytes(s.mainCf()));
        Run after = s.run("status");
        assertTrue(after.out().contains("main.cf has changed since: after postfix reload, run pftls verify again"),
                after.out());
    }

    @Test
    void failsNamingAReloadWhenTheServerServesAnotherKey() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-server").status());
        Identity old = FakeSmtpServer.identity(KeyAlgorithm.RSA, 7);
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.STARTTLS, old, null)) {
            Run r = s.run("verify", "--port", Integer.toString(server.port()), "--json");
            assertEquals(1, r.status());
            JsonNode v = JsonSchemas.valid("verify.schema.json", r.out());
            assertFalse(v.get("ok").asBoolean());
            JsonNode rsa = v.get("algorithms").get(0);
            assertFalse(rsa.get("match").asBoolean());
            assertEquals("not-reloaded", rsa.get("problems").get(0).get("code").asText());
            assertTrue(rsa.get("problems").get(0).get("text").asText().contains("run postfix reload"));
            Run text = s.run("verify", "--port", Integer.toString(server.port()));
            assertTrue(text.out().contains("[not-reloaded]"), text.out());
            assertTrue(text.out().endsWith("FAILED: 1 problem (above).\n"), text.out());
        }
        Run status = s.run("status");
        assertTrue(status.out().contains("failed: 127.0.0.1:"), status.out());
        assertTrue(status.out().contains("not-reloaded; run pftls verify for the details"), status.out());
    }

    @Test
    void reportsA454AndMissingStarttlsWithTheirFixes() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-server").status());
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.STARTTLS_454, null, null)) {
            Run r = s.run("verify", "--port", Integer.toString(server.port()));
            assertEquals(1, r.status());
            assertTrue(r.out().contains("answered STARTTLS with \"454 4.7.0 TLS not available due to local problem\""
                    + ": smtpd cannot load its key or certificate"), r.out());
            assertTrue(r.out().contains("[tls-not-available]"), r.out());
        }
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.NO_STARTTLS, null, null)) {
            Run r = s.run("verify", "--port", Integer.toString(server.port()));
            assertEquals(1, r.status());
            assertTrue(r.out().contains("does not offer STARTTLS, but main.cf turns it on (smtpd_tls_security_level"
                    + " = may): run postfix reload"), r.out());
        }
    }

    @Test
    void badOptionsAreOneFatalLine() {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        for (List<String> args : List.of(List.of("verify", "--timeout", "abc"), List.of("verify", "--timeout", "0"),
                List.of("verify", "--port", "0"), List.of("verify", "--dns", "--resolver", "dns.example"),
                List.of("verify", "--resolver", "127.0.0.1"),
                List.of("deploy-server-cert", "--resolver", "x:y", "c.pem", "k.pem"),
                List.of("enable-client", "--resolver", "127.0.0.1"))) {
            Run r = s.run(args.toArray(String[]::new));
            assertEquals(1, r.status(), args.toString());
            assertEquals(1, r.err().lines().count(), args + ": " + r.err());
            assertTrue(r.err().startsWith("pftls: fatal: "), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void newServerKeyShowsTheCurrentAndNextRecordsSideBySide() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-server").status());
        Path current = newest("key-");
        Run r = s.run("new-server-key");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        int at = lines.indexOf("pftls: DANE rollover (\"current + next\"): if you publish TLSA records, publish all of"
                + " these now, wait until the old records' TTL has passed, then deploy the new key:");
        assertTrue(at > 0, r.err());
        assertTrue(lines.get(at + 1).matches("pftls:   _25\\._tcp\\.\\S+\\. IN TLSA 3 1 1 [0-9a-f]{64} ; current rsa: "
                + current), lines.get(at + 1));
        assertTrue(lines.get(at + 2).matches("pftls:   _25\\._tcp\\.\\S+\\. IN TLSA 3 1 1 [0-9a-f]{64} ; next: "
                + newest("key-")), lines.get(at + 2));
        // the record of the new key is the one output-server-tlsa prints for it
        Run tlsa = s.run("output-server-tlsa", newest("key-").toString());
        assertTrue(lines.get(at + 2).contains(tlsa.out().lines().toList().get(1).split(" IN TLSA ")[1]), tlsa.out());
        // without a deployed key there is nothing to roll over: the script's messages only
        Files.createDirectory(dir.resolve("fresh-dir"));
        Sandbox fresh = Sandbox.withSample(dir.resolve("fresh-dir"), "debian-fresh.cf");
        Run first = fresh.run("new-server-key");
        assertFalse(first.err().contains("DANE rollover"), first.err());
    }

    @Test
    void outputServerTlsaGenericIsRfc3597() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-server", "-a", "ecdsa").status());
        List<String> plain = s.run("output-server-tlsa").out().lines().toList();
        List<String> generic = s.run("output-server-tlsa", "--generic").out().lines().toList();
        assertEquals(plain.get(0), generic.get(0), "the ; keyfile line");
        String hex = plain.get(1).substring(plain.get(1).length() - 64);
        assertEquals(plain.get(1).replace(" IN TLSA 3 1 1 " + hex, " IN TYPE52 \\# 35 030101" + hex), generic.get(1));
    }

    private Path newest(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).orElseThrow();
        }
    }
}
