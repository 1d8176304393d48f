package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collection tarball {@code mvn package} makes without Ansible is what
 * {@code ansible-galaxy collection build} makes (Debian's ansible-core): the same members (names,
 * types, modes, owners, link targets, contents), the same MANIFEST.json and the same FILES.json
 * entries, written byte for byte the way ansible-galaxy writes them (only the member order and the
 * times differ, which ansible-galaxy does not read); and both install to the same tree, which
 * {@code ansible-galaxy collection verify --offline} accepts. Also for a collection with the
 * awkward cases (ignored files, a link inside and one outside, an executable, non-ASCII metadata).
 */
class GalaxyCollectionIT {
    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final String GALAXY = "/usr/bin/ansible-galaxy";
    private static final Path BUILT = Path.of("target").toAbsolutePath();

    @TempDir
    Path dir;

    /** A tar member, as ansible-galaxy's reader sees it. */
    private record Member(String type, int mode, long uid, long gid, String user, String group, String link,
                          String sha256) {
    }

    private static Map<String, Member> members(Path tarball, Map<String, byte[]> contents) throws IOException {
        Map<String, Member> m = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                byte[] content = tar.readAllBytes();
                String type = e.isSymbolicLink() ? "link" : e.isDirectory() ? "dir" : "file";
                String name = e.getName().endsWith("/") ? e.getName().substring(0, e.getName().length() - 1) : e.getName();
                m.put(name, new Member(type, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(), e.getUserName(),
                        e.getGroupName(), e.isSymbolicLink() ? e.getLinkName() : "", GalaxyCollection.sha256(content)));
                contents.put(name, content);
            }
        }
        return m;
    }

    private Path galaxyBuild(Path source) {
        Path out = dir.resolve("galaxy-" + source.getFileName());
        Command.Result r = Command.run(LIMIT, Map.of("ANSIBLE_NOCOLOR", "1", "HOME", dir.toString()), GALAXY,
                "collection", "build",
                source.toString(), "--output-path", out.toString());
        assertEquals(0, r.exit(), r.describe());
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Compares two builds of one collection; returns the installed trees' comparison. */
    private void assertSameCollection(Path ours, Path theirs) throws Exception {
        Map<String, byte[]> ourContents = new TreeMap<>();
        Map<String, byte[]> theirContents = new TreeMap<>();
        Map<String, Member> a = members(ours, ourContents);
        Map<String, Member> b = members(theirs, theirContents);
        assertEquals(b.keySet(), a.keySet(), "the same members");
        for (String name : b.keySet()) {
            if (!name.equals("MANIFEST.json") && !name.equals("FILES.json")) {
                assertEquals(b.get(name), a.get(name), name);
            }
        }
        ObjectMapper json = new ObjectMapper();
        // FILES.json: the same entries (ansible-galaxy lists them in directory order); and written as
        // ansible-galaxy writes it: its own entries through our writer give its bytes.
        JsonNode ourFiles = json.readTree(ourContents.get("FILES.json"));
        JsonNode theirFiles = json.readTree(theirContents.get("FILES.json"));
        assertEquals(new TreeSet<>(entries(theirFiles)), new TreeSet<>(entries(ourFiles)));
        assertArrayEquals(theirContents.get("FILES.json"), PythonJson.dumps(json.convertValue(theirFiles, Object.class)));
        // MANIFEST.json: the same, but for the checksum of FILES.json, which is that of ours.
        ObjectNode ourManifest = (ObjectNode) json.readTree(ourContents.get("MANIFEST.json"));
        ObjectNode theirManifest = (ObjectNode) json.readTree(theirContents.get("MANIFEST.json"));
        assertEquals(GalaxyCollection.sha256(ourContents.get("FILES.json")),
                ourManifest.get("file_manifest_file").get("chksum_sha256").asText());
        assertArrayEquals(theirContents.get("MANIFEST.json"), PythonJson.dumps(json.convertValue(theirManifest,
                Object.class)));
        ((ObjectNode) theirManifest.get("file_manifest_file")).put("chksum_sha256",
                ourManifest.get("file_manifest_file").get("chksum_sha256").asText());
        assertArrayEquals(PythonJson.dumps(json.convertValue(theirManifest, Object.class)), ourContents.get("MANIFEST.json"),
                new String(ourContents.get("MANIFEST.json"), StandardCharsets.UTF_8));

        // Both install to the same tree, which ansible-galaxy verifies against its manifest.
        String name = ourManifest.get("collection_info").get("namespace").asText() + "."
                + ourManifest.get("collection_info").get("name").asText();
        Map<String, String> ourTree = install(ours, dir.resolve("install-ours-" + ours.getFileName()), name);
        Map<String, String> theirTree = install(theirs, dir.resolve("install-theirs-" + ours.getFileName()), name);
        ourTree.remove(name.replace('.', '/') + "/FILES.json");
        theirTree.remove(name.replace('.', '/') + "/FILES.json");
        ourTree.remove(name.replace('.', '/') + "/MANIFEST.json");
        theirTree.remove(name.replace('.', '/') + "/MANIFEST.json");
        assertEquals(theirTree, ourTree);
    }

    private static List<String> entries(JsonNode files) {
        List<String> out = new ArrayList<>();
        files.get("files").forEach(f -> out.add(f.toString()));
        return out;
    }

    /** Installs with ansible-galaxy (offline), verifies it, and returns every installed path's type, mode, content hash. */
    private Map<String, String> install(Path tarball, Path into, String name) throws IOException {
        Map<String, String> env = Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_COLLECTIONS_PATH", into.toString(),
                "HOME", dir.toString());
        Command.Result r = Command.run(LIMIT, env, GALAXY, "collection", "install", "--offline", "--no-deps", "-p", into.toString(),
                tarball.toString());
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().contains("was installed successfully"), r.describe());
        Command.Result v = Command.run(LIMIT, env, GALAXY, "collection", "verify", "--offline", "-p", into.toString(),
                name);
        assertEquals(0, v.exit(), v.describe());
        Path root = into.resolve("ansible_collections");
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String kind = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p) ? "dir" : "file " + GalaxyCollection.sha256(Files.readAllBytes(p));
                tree.put(root.relativize(p).toString(), kind + " " + PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return tree;
    }

    @Test
    void mvnPackagesTheCollectionAnsibleGalaxyBuilds() throws Exception {
        Path ours = BUILT.resolve("pftls-postfix-0.1.0.tar.gz");
        assertTrue(Files.isRegularFile(ours), ours + " is missing: mvn package makes it");
        assertSameCollection(ours, galaxyBuild(Path.of("dist/ansible").toAbsolutePath()));
    }

    @Test
    void theAwkwardCasesToo() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/awkward"));
        Path outside = Files.writeString(dir.resolve("outside.txt"), "outside the collection\n");
        Files.writeString(src.resolve("galaxy.yml"), "namespace: acme\nname: awkward\nversion: '2.0.0'\n"
                + "readme: README.md\nauthors: [Zoë Müller <z@example.org>]\ndescription: \"tabs\\tand \\\"quotes\\\" €\"\n"
                + "license_file: COPYING\ntags: [one]\ndependencies: {'ansible.utils': '>=1.0.0'}\n"
                + "build_ignore: ['*.bak', 'docs/private']\n", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("README.md"), "# awkward\n");
        Files.writeString(src.resolve("COPYING"), "licence\n");
        Files.createDirectories(src.resolve("plugins/modules"));
        Files.writeString(src.resolve("plugins/modules/m.py"), "#!/usr/bin/python\n");
        Path script = Files.writeString(src.resolve("plugins/run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(src.resolve("COPYING"), PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(src.resolve("plugins/alias.py"), Path.of("modules/m.py"));
        Files.createSymbolicLink(src.resolve("OUTSIDE"), outside);
        Files.writeString(src.resolve("notes.bak"), "ignored\n");
        Files.createDirectories(src.resolve("docs/private"));
        Files.writeString(src.resolve("docs/private/secret.md"), "ignored\n");
        Files.writeString(src.resolve("docs/public.md"), "kept\n");
        Files.createDirectories(src.resolve("plugins/__pycache__"));
        Files.writeString(src.resolve("plugins/__pycache__/m.cpython-311.pyc"), "ignored");
        Files.writeString(src.resolve("plugins/x.pyc"), "ignored");
        Files.createDirectories(src.resolve("tests/output"));
        Files.writeString(src.resolve("tests/output/result.json"), "{}");
        Files.writeString(src.resolve("acme-awkward-1.0.0.tar.gz"), "an old build");
        Files.createDirectories(src.resolve("empty"));

        Path ours = GalaxyCollection.build(src, dir.resolve("ours"), "2.0.0");
        assertSameCollection(ours, galaxyBuild(src));
        Map<String, byte[]> contents = new TreeMap<>();
        Map<String, Member> m = members(ours, contents);
        assertEquals("link", m.get("plugins/alias.py").type());
        assertEquals("modules/m.py", m.get("plugins/alias.py").link());
        assertEquals("file", m.get("OUTSIDE").type(), "a link out of the collection is stored as the file");
        assertEquals(0755, m.get("plugins/run.sh").mode());
        assertEquals(0644, m.get("COPYING").mode());
        assertTrue(!m.containsKey("notes.bak") && !m.containsKey("docs/private") && !m.containsKey("plugins/x.pyc")
                && !m.containsKey("plugins/__pycache__") && !m.containsKey("tests/output")
                && !m.containsKey("acme-awkward-1.0.0.tar.gz"), m.keySet().toString());
        assertTrue(m.containsKey("empty") && m.containsKey("docs/public.md") && m.containsKey("tests"),
                m.keySet().toString());
        try (InputStream in = Files.newInputStream(ours)) {
            assertTrue(in.readAllBytes().length > 0);
        }
    }
}
