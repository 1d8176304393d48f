package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.dane.TlsaData;
import org.pftls.testing.JsonSchemas;

/**
 * DANE against real DNS on loopback ports ({@link TestDns}: a zone signed with the test's keys, an
 * authoritative unbound, a validating unbound with the test's trust anchor) and a real Postfix
 * ({@link ProbeInstance}): verify --dns (secure, bogus, records for the deployed, served and staged
 * keys, through a validating and a non-validating resolver), the deploy guard (published, not
 * published, resolver unreachable, --force), enable-client --dane (validating and non-validating
 * resolver), and the records pftls prints authenticating the served certificates through
 * OpenSSL's own DANE code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaneIT {
    private static final String RSA_SIGALGS = "rsa_pss_rsae_sha256";
    private static final String ECDSA_SIGALGS = "ecdsa_secp256r1_sha256";

    private Path work;

    private final PftlsInProcess pftls = new PftlsInProcess();
    private ProbeInstance instance;
    private TestDns dns;
    private Path etc;
    /** The deployed RSA key (current), and new-server-key's RSA key (next, staged). */
    private String current;
    private String next;
    private Path nextKey;
    private Path nextCert;

    @BeforeAll
    void setUp(@TempDir Path work) throws Exception {
        this.work = work;
        RequiredTools.check();
        TestDns.checkTools();
        instance = ProbeInstance.create(work); // the temporary directory itself: smtpd must reach the queue
        etc = instance.config();
        ok(pftls.run(etc, List.of("enable-server")));
        ok(pftls.run(etc, List.of("new-server-key", "-a", "ecdsa")));
        ok(pftls.run(etc, List.of("deploy-server-cert", newest("eccert-").toString(), newest("eckey-").toString())));
        current = record(newest("key-"));
        String ecdsa = record(newest("eckey-"));
        ok(pftls.run(etc, List.of("new-server-key")));
        nextKey = newest("key-");
        nextCert = newest("cert-");
        next = record(nextKey);
        dns = TestDns.start(work.resolve("dns"), List.of(
                "ok IN A 192.0.2.1",
                "broken IN A 192.0.2.7",
                "_25._tcp.published IN TLSA " + current,
                "_25._tcp.published IN TLSA " + ecdsa,
                "_25._tcp.published IN TLSA " + next,
                "_25._tcp.stale IN TLSA " + current,
                "_25._tcp.next-only IN TLSA " + next,
                "_25._tcp.bogus IN TLSA 3 1 1 " + "ab".repeat(32)),
                List.of(new String[] {"192.0.2.7", "192.0.2.8"}, new String[] {"ab".repeat(32), "cd".repeat(32)}));
        instance.start();
    }

    @AfterAll
    void tearDown() {
        if (dns != null) {
            dns.close();
        }
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void verifyDnsFindsTheRecordsValidatedAndWhatEachMatches() {
        SideRun r = pftls.run(etc, List.of("verify", "--dns", "--resolver", dns.validating(), "--trust-anchor",
                dns.trustAnchor().toString(), "--tlsa-host", "published.dane.test", "--json"));
        assertEquals(0, r.status(), r.stdout() + r.messages());
        JsonNode v = JsonSchemas.valid("verify.schema.json", r.stdout());
        JsonNode d = v.get("tlsa").get("dns");
        assertEquals("secure", d.get("dnssec").asText());
        assertTrue(d.get("resolver_ad").asBoolean(), "the validating resolver sets AD");
        Map<String, List<String>> matches = matches(d);
        assertEquals(List.of("deployed rsa", "served rsa"), matches.get(current));
        assertEquals(List.of("staged " + nextKey), matches.get(next));
        assertEquals(3, matches.size());

        // pftls validates itself: through the non-validating server the records are still secure, without AD
        SideRun plain = pftls.run(etc, List.of("verify", "--dns", "--resolver", dns.nonValidating(), "--trust-anchor",
                dns.trustAnchor().toString(), "--tlsa-host", "published.dane.test", "--json"));
        JsonNode p = JsonSchemas.valid("verify.schema.json", plain.stdout()).get("tlsa").get("dns");
        assertEquals("secure", p.get("dnssec").asText());
        assertFalse(p.get("resolver_ad").asBoolean());
    }

    @Test
    void verifyDnsFailsOnBogusRecordsAndOnRecordsThatMissTheServedKey() {
        SideRun bogus = verifyDns("bogus.dane.test");
        assertEquals(1, bogus.status());
        JsonNode b = JsonSchemas.valid("verify.schema.json", bogus.stdout());
        assertEquals("bogus", b.get("tlsa").get("dns").get("dnssec").asText());
        assertTrue(codes(b).contains("tlsa-bogus"), b.toString());

        SideRun nextOnly = verifyDns("next-only.dane.test");
        assertEquals(1, nextOnly.status());
        JsonNode n = JsonSchemas.valid("verify.schema.json", nextOnly.stdout());
        assertTrue(codes(n).contains("tlsa-no-match"), n.toString());
        assertTrue(n.get("problems").toString().contains("publish _25._tcp.next-only.dane.test. IN TLSA " + current),
                n.toString());

        SideRun none = verifyDns("none.dane.test");
        assertEquals(0, none.status(), none.stdout());
        JsonNode o = JsonSchemas.valid("verify.schema.json", none.stdout());
        assertEquals("nxdomain", o.get("tlsa").get("dns").get("status").asText());
        assertTrue(o.get("findings").toString().contains("tlsa-none"));
    }

    @Test
    void deployRefusesAKeyNoPublishedRecordMatches() throws Exception {
        Path scratch = scratch("stale.dane.test");
        byte[] before = Files.readAllBytes(scratch.resolve("main.cf"));
        SideRun refused = deploy(scratch, dns.validating());
        assertEquals(1, refused.status());
        assertEquals(1, refused.messages().size(), refused.messages().toString());
        assertTrue(refused.messages().get(0).startsWith("pftls: fatal: none of the 1 TLSA record(s) of"
                + " _25._tcp.stale.dane.test matches the key in " + nextKey), refused.messages().toString());
        assertTrue(refused.messages().get(0).contains("publish _25._tcp.stale.dane.test. IN TLSA " + next + " first"));
        assertArrayEquals(before, Files.readAllBytes(scratch.resolve("main.cf")), "nothing changed");

        SideRun forced = pftls.run(scratch, List.of("deploy-server-cert", "--force", "--resolver", dns.validating(),
                nextCert.toString(), nextKey.toString()));
        assertEquals(0, forced.status(), forced.messages().toString());
        assertTrue(forced.messages().stream().anyMatch(m -> m.startsWith("pftls: warning: none of the 1 TLSA record(s)")),
                forced.messages().toString());
        assertTrue(Files.readString(scratch.resolve("main.cf")).contains("smtpd_tls_key_file = " + nextKey));
    }

    @Test
    void deployGoesOnWhenTheKeyIsPublishedOrDnsCannotBeAsked() throws Exception {
        Path published = scratch("published.dane.test");
        SideRun ok = deploy(published, dns.validating());
        assertEquals(0, ok.status(), ok.messages().toString());
        assertTrue(ok.messages().stream().noneMatch(m -> m.contains("TLSA")), ok.messages().toString());

        Path unreachable = scratch("stale.dane.test");
        long start = System.nanoTime();
        SideRun r = deploy(unreachable, "127.0.0.1:" + TestDns.freePort());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.status(), r.messages().toString());
        assertTrue(r.messages().stream().anyMatch(m -> m.startsWith("pftls: warning: cannot look up the TLSA records"
                + " of _25._tcp.stale.dane.test at 127.0.0.1:")), r.messages().toString());
        assertTrue(millis < 6000, "the look-up is bounded (2 s): " + millis + " ms");
    }

    @Test
    void enableClientDaneNeedsAValidatingResolver() throws Exception {
        Path refusedDir = scratch("mx.dane.test");
        byte[] before = Files.readAllBytes(refusedDir.resolve("main.cf"));
        SideRun refused = pftls.run(refusedDir, List.of("enable-client", "--dane", "--resolver", dns.nonValidating(),
                "--dnssec-probe", "soa:dane.test", "--dnssec-bogus", "broken.dane.test"));
        assertEquals(1, refused.status());
        assertEquals(1, refused.messages().size(), refused.messages().toString());
        assertTrue(refused.messages().get(0).startsWith("pftls: fatal: the resolver " + dns.nonValidating()
                + " does not validate DNSSEC: its answer for the signed SOA dane.test has no AD bit"));
        assertTrue(refused.messages().get(0).endsWith("nothing was changed"));
        assertArrayEquals(before, Files.readAllBytes(refusedDir.resolve("main.cf")));

        SideRun ok = pftls.run(refusedDir, List.of("enable-client", "--dane", "--resolver", dns.validating(),
                "--dnssec-probe", "soa:dane.test", "--dnssec-bogus", "broken.dane.test"));
        assertEquals(0, ok.status(), ok.messages().toString());
        assertEquals("pftls: the resolver " + dns.validating() + " validates DNSSEC: AD bit for SOA dane.test, and"
                + " broken.dane.test (broken signatures) refused", ok.messages().get(0));
        String postconf = ExternalCommand.ok(List.of(RequiredTools.POSTCONF.toString(), "-c", refusedDir.toString(),
                "-h", "smtp_tls_security_level", "smtp_dns_support_level")).outText();
        assertEquals("dane\ndnssec\n", postconf);
    }

    @Test
    void recordsPrintedByPftlsAuthenticateTheServedCertificatesInOpenSsl() {
        SideRun tlsa = pftls.run(etc, List.of("output-server-tlsa", "-h", "probe.example", "rsa", "ecdsa"));
        assertEquals(0, tlsa.status());
        List<String> records = tlsa.stdout().lines().filter(l -> l.startsWith("_25._tcp.")).toList();
        assertEquals(2, records.size(), tlsa.stdout());
        for (String sigalgs : List.of(RSA_SIGALGS, ECDSA_SIGALGS)) {
            List<String> command = new ArrayList<>(List.of(RequiredTools.OPENSSL.toString(), "s_client", "-starttls",
                    "smtp", "-connect", "127.0.0.1:" + instance.port(), "-sigalgs", sigalgs, "-dane_tlsa_domain",
                    "probe.example"));
            for (String r : records) {
                command.addAll(List.of("-dane_tlsa_rrdata", r.split(" IN TLSA ")[1]));
            }
            String out = openssl(command);
            assertTrue(out.contains("Verification: OK"), sigalgs + ":\n" + out);
            assertTrue(out.contains("matched EE certificate at depth 0"), sigalgs + ":\n" + out);
        }
        // and a record for another key does not: the check can fail
        String out = openssl(List.of(RequiredTools.OPENSSL.toString(), "s_client", "-starttls", "smtp", "-connect",
                "127.0.0.1:" + instance.port(), "-sigalgs", RSA_SIGALGS, "-dane_tlsa_domain", "probe.example",
                "-dane_tlsa_rrdata", next));
        assertFalse(out.contains("Verification: OK"), out);
    }

    private SideRun verifyDns(String host) {
        return pftls.run(etc, List.of("verify", "--dns", "--resolver", dns.validating(), "--trust-anchor",
                dns.trustAnchor().toString(), "--tlsa-host", host, "--json"));
    }

    private SideRun deploy(Path dir, String resolver) {
        return pftls.run(dir, List.of("deploy-server-cert", "--resolver", resolver, nextCert.toString(),
                nextKey.toString()));
    }

    /** A configuration directory with the instance's main.cf (its keys stay where they are) and myhostname. */
    private Path scratch(String myhostname) throws IOException {
        Path dir = Files.createTempDirectory(work, "scratch");
        String mainCf = Files.readString(etc.resolve("main.cf")).replace("myhostname = " + ProbeInstance.HOST_NAME,
                "myhostname = " + myhostname);
        Files.writeString(dir.resolve("main.cf"), mainCf);
        return dir;
    }

    private static String openssl(List<String> command) {
        ExternalCommand.Result r = ExternalCommand.run(command, Map.of(), "QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        return r.outText() + r.err();
    }

    private static Map<String, List<String>> matches(JsonNode dns) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (JsonNode p : dns.get("published")) {
            List<String> m = new ArrayList<>();
            p.get("matches").forEach(x -> m.add(x.asText()));
            out.put(p.get("data").asText(), m);
        }
        return out;
    }

    private static List<String> codes(JsonNode verify) {
        List<String> out = new ArrayList<>();
        verify.get("problems").forEach(f -> out.add(f.get("code").asText()));
        return out;
    }

    private static String record(Path key) throws Exception {
        return TlsaData.of(KeyFiles.readPrivateKey(Files.readAllBytes(key), key.toString()).keyPair().getPublic())
                .presentation();
    }

    private static void ok(SideRun run) {
        assertEquals(0, run.status(), () -> "pftls failed: " + run.messages());
    }

    private Path newest(String prefix) {
        try (Stream<Path> files = Files.list(etc)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
