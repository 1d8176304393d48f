package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.TestCertificates;

/**
 * The collection built by {@code mvn package}, installed with ansible-galaxy and run by Debian's
 * ansible-playbook against a group of four Postfix instances made here (inventory of local hosts,
 * the built dist/pftls, the real postconf): check mode changes nothing (every file's content, mode
 * and time the same) and reports what would change, with main.cf's diff; the first run changes and
 * notifies the reload handler; the second changes nothing and notifies nothing; a refusal fails the
 * task with pftls's own message; tls_info returns the state that the play asserts.
 */
class AnsibleCollectionIT {
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final Path PLAYBOOKS = Path.of("src/test/resources/ansible").toAbsolutePath();
    private static final Path PFTLS = Path.of("dist/pftls").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path results;
    private Path inventory;
    private Map<String, String> env;
    private final Map<String, Path> instances = new TreeMap<>();

    @BeforeEach
    void installTheCollectionAndMakeTheInstances() throws Exception {
        Path collections = dir.resolve("collections");
        Path tarball = Path.of("target/pftls-postfix-0.1.0.tar.gz").toAbsolutePath();
        assertTrue(Files.isRegularFile(tarball), tarball + " is missing: mvn package makes it");
        Path home = Files.createDirectories(dir.resolve("ansible-home"));
        Path config = Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\n");
        env = new HashMap<>(Map.of("ANSIBLE_CONFIG", config.toString(), "ANSIBLE_HOME", home.toString(),
                "ANSIBLE_COLLECTIONS_PATH", collections.toString(), "ANSIBLE_COLLECTIONS_SCAN_SYS_PATH", "False",
                "ANSIBLE_LOCAL_TEMP", home.resolve("tmp").toString(), "ANSIBLE_REMOTE_TMP", home.resolve("rtmp").toString(),
                "ANSIBLE_NOCOLOR", "1", "ANSIBLE_RETRY_FILES_ENABLED", "False", "LC_ALL", "C.UTF-8"));
        env.put("ANSIBLE_PYTHON_INTERPRETER", "/usr/bin/python3");
        env.put("HOME", home.toString()); // nothing under the real ~/.ansible
        Command.Result install = Command.run(LIMIT, env, "/usr/bin/ansible-galaxy", "collection", "install", "--offline",
                "-p", collections.toString(), tarball.toString());
        assertEquals(0, install.exit(), install.describe());

        results = Files.createDirectories(dir.resolve("results"));
        // mx1: a fresh Debian main.cf; mx2: stock Debian with a (test-made) snakeoil pair; mx3: a legacy
        // client setting, ECDSA only; mx4: stock Debian, merge: false (left alone, as postfix tls does).
        instances.put("mx1", instance("mx1", "debian-fresh.cf", false));
        instances.put("mx2", instance("mx2", "debian-snakeoil.cf", true));
        // A snakeoil key that others can read: kept (it works), with pftls's warning shown by the task.
        Files.setPosixFilePermissions(instances.get("mx2").resolve("ssl-cert-snakeoil.key"),
                PosixFilePermissions.fromString("rw-r--r--"));
        instances.put("mx3", instance("mx3", "legacy-client.cf", false));
        instances.put("mx4", instance("mx4", "debian-snakeoil.cf", true));
        StringBuilder hosts = new StringBuilder("[mail]\n");
        Map<String, String> vars = Map.of("mx1", "expected_keys=2", "mx2", "expected_keys=2",
                "mx3", "expected_keys=1 pftls_algorithms='[\"ecdsa\"]'", "mx4", "expected_keys=1 pftls_merge=false");
        for (Map.Entry<String, Path> i : instances.entrySet()) {
            hosts.append(i.getKey()).append(" pftls_config_dir=").append(i.getValue()).append(' ')
                    .append(vars.get(i.getKey())).append('\n');
        }
        hosts.append("[mail:vars]\nansible_connection=local\nansible_python_interpreter=/usr/bin/python3\n")
                .append("pftls_executable=").append(PFTLS).append("\nresults_dir=").append(results).append('\n');
        inventory = Files.writeString(dir.resolve("inventory"), hosts.toString());
    }

    private Path instance(String name, String sample, boolean snakeoil) throws Exception {
        Sandbox s = Sandbox.withSample(Files.createDirectories(dir.resolve("instances").resolve(name)), sample);
        if (snakeoil) {
            Path key = s.dir().resolve("ssl-cert-snakeoil.key");
            Path cert = s.dir().resolve("ssl-cert-snakeoil.pem");
            TestCertificates.writeSelfSigned(key, cert, "mail.example.org");
            s.writeMainCf(s.mainCfText().replace("/etc/ssl/private/ssl-cert-snakeoil.key", key.toString())
                    .replace("/etc/ssl/certs/ssl-cert-snakeoil.pem", cert.toString())
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        return s.dir();
    }

    private Command.Result playbook(String playbook, String... extra) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ansible-playbook", "-i", inventory.toString(),
                PLAYBOOKS.resolve(playbook).toString()));
        command.addAll(List.of(extra));
        return Command.run(LIMIT, env, command.toArray(new String[0]));
    }

    private JsonNode result(String name) throws IOException {
        return JSON.readTree(results.resolve(name + ".json").toFile());
    }

    /** Every file and directory of the instances: content, mode, owner and modification time. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        Path root = dir.resolve("instances");
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String v = PosixFilePermissions.toString(a.permissions()) + " " + a.owner() + " "
                        + a.lastModifiedTime().toInstant() + " " + a.size();
                if (a.isRegularFile()) {
                    v += " " + GalaxyCollection.sha256(Files.readAllBytes(p));
                }
                m.put(root.relativize(p).toString(), v);
            }
        }
        return m;
    }

    private static List<String> kinds(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.get("files_created").forEach(f -> out.add(f.get("kind").asText()));
        return out;
    }

    @Test
    void checkThenEnableThenNothingThenAudit() throws Exception {
        // Check mode with diff: what would change, and nothing changes.
        Map<String, String> before = snapshot();
        Command.Result check = playbook("enable.yml", "--check", "--diff", "-e", "run=check");
        assertEquals(0, check.exit(), check.describe());
        assertEquals(before, snapshot(), "check mode changed something");
        Path mx1 = instances.get("mx1");
        assertTrue(check.out().contains("--- before: " + mx1.resolve("main.cf") + " (before enable-server)\n"
                + "+++ after: " + mx1.resolve("main.cf") + " (after enable-server)\n"), check.out());
        assertTrue(check.out().contains("\n+smtpd_tls_security_level = may\n"), check.out());
        assertTrue(check.out().contains("\n+smtp_tls_security_level = may\n"), check.out());
        JsonNode c1 = result("mx1-check");
        assertTrue(c1.get("changed").asBoolean());
        assertEquals(List.of("private_key", "certificate", "private_key", "certificate"), kinds(c1),
                "no backup in check mode: nothing is written");
        assertEquals(0, c1.get("tlsa").size(), "new keys are not known before they are made");
        assertFalse(Files.exists(results.resolve("mx1-check.reloaded")), "no reload in check mode");

        // The first run changes and notifies the handler.
        Command.Result first = playbook("enable.yml", "--diff", "-e", "run=first");
        assertEquals(0, first.exit(), first.describe());
        assertTrue(first.out().contains("\n+smtpd_tls_eckey_file = " + mx1.resolve("eckey-")), first.out());
        JsonNode r1 = result("mx1-first");
        assertTrue(r1.get("changed").asBoolean());
        assertEquals(List.of("private_key", "certificate", "private_key", "certificate", "backup", "backup"), kinds(r1));
        for (JsonNode f : r1.get("files_created")) {
            Path p = Path.of(f.get("path").asText());
            assertEquals(f.get("mode").asText(), mode(p), p.toString());
        }
        assertEquals(2, r1.get("tlsa").size());
        Command.Result tlsa = Command.run(LIMIT, env, "/bin/sh", PFTLS.toString(), "-c", mx1.toString(),
                "output-server-tlsa");
        assertEquals(List.of(r1.get("tlsa").get(0).get("record").asText(), r1.get("tlsa").get(1).get("record").asText()),
                tlsa.out().lines().filter(l -> !l.startsWith(";")).toList(), "the records of the deployed keys");
        JsonNode r2 = result("mx2-first");
        assertEquals(List.of("private_key", "certificate", "backup", "backup"), kinds(r2),
                "mx2: the usable snakeoil RSA pair is kept, an ECDSA pair is added");
        assertEquals("kept", setting(r2, "smtpd_tls_key_file").get("action").asText());
        assertTrue(r2.get("warnings").toString().contains("enable-server: kept RSA key and certificate: the private key "
                + instances.get("mx2").resolve("ssl-cert-snakeoil.key")), r2.toString());
        JsonNode r3 = result("mx3-first");
        assertTrue(r3.get("files_created").get(0).get("path").asText().startsWith(instances.get("mx3")
                .resolve("eckey-").toString()), r3.toString());
        assertEquals(1, r3.get("tlsa").size());
        JsonNode r4 = result("mx4-first");
        assertFalse(r4.get("changed").asBoolean(), "merge: false leaves a non-default instance alone");
        assertTrue(r4.get("warnings").toString().contains("no changes made"), r4.toString());
        for (String host : List.of("mx1", "mx2", "mx3")) {
            assertTrue(Files.exists(results.resolve(host + "-first.reloaded")), host + ": the handler ran");
        }
        assertFalse(Files.exists(results.resolve("mx4-first.reloaded")));

        // The second run changes nothing, notifies nothing; check mode now agrees.
        Map<String, String> afterFirst = snapshot();
        Command.Result second = playbook("enable.yml", "--diff", "-e", "run=second");
        assertEquals(0, second.exit(), second.describe());
        Command.Result checkAgain = playbook("enable.yml", "--check", "-e", "run=check2");
        assertEquals(0, checkAgain.exit(), checkAgain.describe());
        assertEquals(afterFirst, snapshot(), "the second run (or check) wrote something");
        for (String host : instances.keySet()) {
            assertFalse(result(host + "-second").get("changed").asBoolean(), host);
            assertFalse(result(host + "-check2").get("changed").asBoolean(), host);
            assertEquals(List.of(), kinds(result(host + "-second")), host);
            assertFalse(Files.exists(results.resolve(host + "-second.reloaded")), host);
        }
        assertTrue(java.util.regex.Pattern.compile("\nmx1 +: ok=2 +changed=1 ").matcher(second.out()).find(),
                "only the result file is new:\n" + second.out());
        assertEquals(r1.get("tlsa"), result("mx1-second").get("tlsa"), "the same records every run");

        // tls_info: the play's asserts hold; verify is there or said to be missing.
        Command.Result info = playbook("info.yml");
        assertEquals(0, info.exit(), info.describe());
        JsonNode i1 = result("mx1-info");
        assertTrue(i1.get("status").get("ok").asBoolean(), i1.toString());
        assertEquals("ECDSA secp256r1", i1.get("status").get("deployed").get(1).get("key").asText());
        if (!i1.get("verify_available").asBoolean()) {
            assertTrue(i1.get("verify").isNull());
            assertTrue(i1.get("warnings").toString().contains("no verify subcommand"), i1.toString());
        }
        assertEquals(afterFirst, snapshot(), "tls_info wrote something");
    }

    private static JsonNode setting(JsonNode result, String name) {
        for (JsonNode s : result.get("settings")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " not in " + result.get("settings"));
    }

    private static String mode(Path p) throws IOException {
        int bits = 0;
        for (var perm : Files.getPosixFilePermissions(p)) {
            bits |= 1 << (8 - perm.ordinal());
        }
        return String.format("%04o", bits);
    }

    @Test
    void aRefusalFailsTheTaskWithPftlsMessage() throws Exception {
        Path mx1 = instances.get("mx1");
        TestCertificates.writeSelfSigned(mx1.resolve("a.key"), mx1.resolve("a.pem"), "a.example.org");
        TestCertificates.writeSelfSigned(mx1.resolve("b.key"), mx1.resolve("b.pem"), "b.example.org");
        Map<String, String> before = snapshot();
        Command.Result r = playbook("refuse.yml", "-e", "bad_cert=" + mx1.resolve("a.pem"), "-e",
                "bad_key=" + mx1.resolve("b.key"));
        assertEquals(0, r.exit(), r.describe());
        assertEquals(before, snapshot());
        Command.Result direct = Command.run(LIMIT, env, "/bin/sh", PFTLS.toString(), "-c", mx1.toString(),
                "deploy-server-cert", mx1.resolve("a.pem").toString(), mx1.resolve("b.key").toString());
        assertEquals(1, direct.exit(), direct.describe());
        String fatal = direct.err().lines().filter(l -> l.startsWith("pftls: fatal: ")).findFirst().orElseThrow();
        JsonNode refused = result("refused-deploy");
        assertTrue(refused.get("failed").asBoolean());
        assertEquals(fatal.substring("pftls: fatal: ".length()), refused.get("msg").asText());
        assertEquals("crypto", refused.get("pftls").get("kind").asText());
        assertEquals(1, refused.get("rc").asInt());
        JsonNode missing = result("refused-executable");
        assertTrue(missing.get("failed").asBoolean());
        assertTrue(missing.get("msg").asText().startsWith("pftls not found: " + results.resolve("no-such-pftls")),
                missing.toString());
    }
}
