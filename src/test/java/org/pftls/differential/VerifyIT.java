package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.JsonSchemas;

/**
 * pftls verify against a real Postfix smtpd on a loopback port ({@link ProbeInstance}), found
 * through its master.cf: it passes after enable-server and an ECDSA deploy (RSA and ECDSA side by
 * side), and fails with the right reason when a new key was deployed but Postfix not reloaded, when
 * a master.cf -o setting serves another certificate, when STARTTLS is off (and when it was turned on
 * without a reload), when smtpd cannot load its key (454), and when nothing listens. After a reload,
 * idle smtpd processes may serve one more session with the old settings: those checks poll.
 */
class VerifyIT {
    @TempDir
    Path work;

    private final PftlsInProcess pftls = new PftlsInProcess();

    @Test
    void verifiesWhatTheRunningServerServesAndSaysWhyNot() throws Exception {
        RequiredTools.check();
        try (ProbeInstance instance = ProbeInstance.create(work)) {
            Path etc = instance.config();
            ok(pftls.run(etc, List.of("enable-server")));
            ok(pftls.run(etc, List.of("new-server-key", "-a", "ecdsa")));
            ok(pftls.run(etc, List.of("deploy-server-cert", newest(etc, "eccert-").toString(),
                    newest(etc, "eckey-").toString())));
            Path firstKey = newest(etc, "key-");
            Path firstCert = newest(etc, "cert-");
            instance.start();

            // 1. both served as deployed, found through master.cf (127.0.0.1:PORT inet ... smtpd)
            long start = System.nanoTime();
            SideRun passed = pftls.run(etc, List.of("verify", "--json"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, passed.status(), passed.stdout() + passed.messages() + instance.log());
            JsonNode v = JsonSchemas.valid("verify.schema.json", passed.stdout());
            assertEquals(instance.port(), v.get("port").asInt());
            assertEquals("127.0.0.1:" + instance.port(), v.get("service").asText());
            assertEquals(2, v.get("algorithms").size());
            for (JsonNode a : v.get("algorithms")) {
                assertTrue(a.get("match").asBoolean() && a.get("certificate_match").asBoolean()
                        && a.get("chain_match").asBoolean() && a.get("tlsa_match").asBoolean(), a.toString());
                assertEquals("TLSv1.3", a.get("protocol").asText());
            }
            assertTrue(millis < 5000, "verify took " + millis + " ms");

            // 2. a new RSA key deployed, Postfix not reloaded
            ok(pftls.run(etc, List.of("new-server-key")));
            ok(pftls.run(etc, List.of("deploy-server-cert", newest(etc, "cert-").toString(),
                    newest(etc, "key-").toString())));
            JsonNode stale = verify(etc, 1);
            assertEquals(List.of("not-reloaded"), codes(stale, "rsa"));
            assertEquals(List.of(), codes(stale, "ecdsa"));
            assertTrue(stale.get("problems").get(0).get("text").asText().contains("run postfix reload"));
            instance.reload();
            poll(etc, v2 -> v2.get("ok").asBoolean(), instance);

            // 3. master.cf serves the first certificate on the smtpd service
            Path master = etc.resolve("master.cf");
            String original = Files.readString(master);
            String smtpdLine = original.lines().filter(l -> l.contains(" inet ")).findFirst().orElseThrow();
            Files.writeString(master, original.replace(smtpdLine, smtpdLine + "\n  -o smtpd_tls_cert_file="
                    + firstCert + "\n  -o smtpd_tls_key_file=" + firstKey));
            instance.reload();
            JsonNode overridden = poll(etc, x -> codes(x, "rsa").contains("master-cf-override"), instance);
            assertTrue(overridden.get("problems").get(0).get("text").asText().contains("-o smtpd_tls_"),
                    overridden.toString());
            Files.writeString(master, original);
            instance.reload();
            poll(etc, x -> x.get("ok").asBoolean(), instance);

            // 4. STARTTLS off in main.cf; then on again without a reload
            Path mainCf = etc.resolve("main.cf");
            String tlsOn = Files.readString(mainCf);
            Files.writeString(mainCf, tlsOn.replace("smtpd_tls_security_level = may", "smtpd_tls_security_level = none"));
            instance.reload();
            JsonNode off = poll(etc, x -> general(x).contains("starttls-off"), instance);
            assertTrue(off.get("problems").get(0).get("text").asText().contains("pftls enable-server"));
            Files.writeString(mainCf, tlsOn);
            MainCfTime.backdate(etc);
            assertEquals(List.of("not-reloaded"), general(verify(etc, 1)));

            // 5. smtpd cannot load its RSA key: STARTTLS is answered with 454
            Files.writeString(mainCf, tlsOn.replace("smtpd_tls_key_file = " + newest(etc, "key-"),
                    "smtpd_tls_key_file = " + firstKey));
            instance.reload();
            JsonNode broken = poll(etc, x -> general(x).contains("tls-not-available"), instance);
            assertTrue(broken.get("problems").get(0).get("text").asText().contains("454"), broken.toString());
            Files.writeString(mainCf, tlsOn);
            instance.reload();
            poll(etc, x -> x.get("ok").asBoolean(), instance);

            // 6. nothing listens: refused at once
            instance.stop();
            long t = System.nanoTime();
            JsonNode refused = verify(etc, 1);
            assertTrue((System.nanoTime() - t) / 1_000_000 < 3000);
            assertEquals(List.of("connection-refused"), general(refused));

            // every run is in the history, and status shows the last
            String history = pftls.run(etc, List.of("history")).stdout();
            assertTrue(history.contains("verify              failed: 127.0.0.1:" + instance.port()
                    + ": connection-refused"), history);
            String status = pftls.run(etc, List.of("status")).stdout();
            assertTrue(status.contains("Running server: last verified "), status);
            assertTrue(status.contains("failed: 127.0.0.1:" + instance.port() + ": connection-refused"), status);
        }
    }

    private JsonNode verify(Path etc, int status) {
        SideRun r = pftls.run(etc, List.of("verify", "--json", "--timeout", "5"));
        assertEquals(status, r.status(), r.stdout() + r.messages());
        return JsonSchemas.valid("verify.schema.json", r.stdout());
    }

    /** verify until {@code done} holds (at most 15 s; smtpd processes that were idle at a reload serve one more session). */
    private JsonNode poll(Path etc, Predicate<JsonNode> done, ProbeInstance instance) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonNode last;
        do {
            SideRun r = pftls.run(etc, List.of("verify", "--json", "--timeout", "5"));
            last = JsonSchemas.valid("verify.schema.json", r.stdout());
            if (done.test(last)) {
                assertEquals(last.get("ok").asBoolean() ? 0 : 1, r.status());
                return last;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("verify never got there; last:\n" + last + "\nmail log:\n" + instance.log());
    }

    private static List<String> codes(JsonNode v, String algorithm) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : v.get("algorithms")) {
            if (a.get("algorithm").asText().equals(algorithm)) {
                a.get("problems").forEach(p -> out.add(p.get("code").asText()));
            }
        }
        return out;
    }

    /** The codes of the problems that are not about one algorithm. */
    private static List<String> general(JsonNode v) {
        List<String> all = new ArrayList<>();
        v.get("problems").forEach(p -> all.add(p.get("code").asText()));
        for (String a : List.of("rsa", "ecdsa")) {
            all.removeAll(codes(v, a));
        }
        return all;
    }

    private static void ok(SideRun run) {
        assertEquals(0, run.status(), () -> "pftls failed: " + run.messages());
    }

    private static Path newest(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
