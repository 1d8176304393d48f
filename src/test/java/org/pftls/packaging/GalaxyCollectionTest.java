package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collection builder's parts without Ansible: Python's JSON layout, fnmatch, galaxy.yml's
 * defaults, and the collection's version (the pom's). GalaxyCollectionIT compares whole builds with
 * ansible-galaxy's.
 */
class GalaxyCollectionTest {
    @TempDir
    Path dir;

    @Test
    void jsonIsWrittenAsPythonsJsonDumpsWithIndentTrue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "x");
        m.put("list", List.of("a", "b"));
        m.put("empty_list", List.of());
        m.put("empty_dict", Map.of());
        m.put("none", null);
        m.put("format", 1);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("k", List.of(Map.of("z", 2)));
        m.put("nested", inner);
        // json.dumps(m, indent=True), from Python 3.11
        assertEquals("{\n \"name\": \"x\",\n \"list\": [\n  \"a\",\n  \"b\"\n ],\n \"empty_list\": [],\n"
                + " \"empty_dict\": {},\n \"none\": null,\n \"format\": 1,\n \"nested\": {\n  \"k\": [\n   {\n"
                + "    \"z\": 2\n   }\n  ]\n }\n}", new String(PythonJson.dumps(m), StandardCharsets.US_ASCII));
    }

    @Test
    void stringsAreEscapedAsPythonsEnsureAscii() {
        // json.dumps("a\"\\/\b\f\n\r\t\x01\x1f\x7f é € 😀") == the string below (Python 3.11)
        String python = "\"a\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f \\u00e9 \\u20ac \\ud83d\\ude00\"";
        assertEquals(python, new String(PythonJson.dumps("a\"\\/\b\f\n\r\t\u0001\u001f\u007f é € 😀"),
                StandardCharsets.US_ASCII));
    }

    @Test
    void fnmatchAsPython() {
        assertTrue(Fnmatch.matches("plugins/modules/x.pyc", "*.pyc"), "* crosses /");
        assertTrue(Fnmatch.matches("pftls-postfix-0.1.0.tar.gz", "pftls-postfix-*.tar.gz"));
        assertTrue(Fnmatch.matches("tests/output", "tests/output"));
        assertFalse(Fnmatch.matches("tests/output/x", "tests/output"), "the whole name");
        assertTrue(Fnmatch.matches("a.c", "a?c"));
        assertFalse(Fnmatch.matches("a.c", "a[!.]c"));
        assertTrue(Fnmatch.matches("abc", "a[a-c]c"));
        assertTrue(Fnmatch.matches("a(b)+c", "a(b)+c"), "regex characters are literal");
        assertTrue(Fnmatch.matches("a[b", "a[b"), "an unclosed [ is literal");
    }

    @Test
    void galaxyYmlGetsAnsibleGalaxysDefaults() throws Exception {
        Path yml = dir.resolve("galaxy.yml");
        Files.writeString(yml, "namespace: ns\nname: n\nversion: 1.2.3\nreadme: README.md\nauthors: someone\n");
        Map<String, Object> meta = GalaxyCollection.metadata(yml);
        assertEquals(List.of("someone"), meta.get("authors"), "a single value becomes a list");
        assertEquals(List.of(), meta.get("tags"));
        assertEquals(List.of(), meta.get("license"));
        assertEquals(Map.of(), meta.get("dependencies"));
        assertEquals(null, meta.get("repository"));
        Map<String, Object> manifest = GalaxyCollection.manifest(meta, "00");
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) manifest.get("collection_info");
        assertEquals(List.of("namespace", "name", "version", "authors", "readme", "tags", "description", "license",
                "license_file", "dependencies", "repository", "documentation", "homepage", "issues"),
                new ArrayList<>(info.keySet()));
        Files.writeString(yml, "namespace: ns\nname: n\nversion: 1.0\nreadme: README.md\nauthors: [a]\n");
        assertThrows(IllegalStateException.class, () -> GalaxyCollection.metadata(yml), "1.0 is a float: quote it");
        Files.writeString(yml, "namespace: ns\nname: n\nversion: '1'\nauthors: [a]\n");
        assertThrows(IllegalStateException.class, () -> GalaxyCollection.metadata(yml), "readme is mandatory");
    }

    @Test
    void theCollectionHasThePomsVersionAndBuildsTheSameBytesTwice() throws Exception {
        Matcher v = Pattern.compile("<artifactId>pftls</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(v.find());
        assertEquals(v.group(1), GalaxyCollection.metadata(Path.of("dist/ansible/galaxy.yml")).get("version"));
        Path a = GalaxyCollection.build(Path.of("dist/ansible"), dir.resolve("a"), v.group(1));
        Path b = GalaxyCollection.build(Path.of("dist/ansible"), dir.resolve("b"), v.group(1));
        assertEquals("pftls-postfix-" + v.group(1) + ".tar.gz", a.getFileName().toString());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)), "reproducible");
        assertThrows(IllegalStateException.class, () -> GalaxyCollection.build(Path.of("dist/ansible"),
                dir.resolve("c"), "9.9.9"));
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new java.util.zip.GZIPInputStream(
                Files.newInputStream(a)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
                assertEquals(0, e.getLongUserId());
                assertEquals("", e.getUserName());
                assertEquals(e.isDirectory() ? 0755 : 0644, e.getMode(), e.getName());
            }
        }
        assertEquals(List.of("MANIFEST.json", "FILES.json", "LICENSE", "README.md", "meta/", "meta/runtime.yml",
                "plugins/", "plugins/module_utils/", "plugins/module_utils/pftls.py", "plugins/modules/",
                "plugins/modules/tls.py", "plugins/modules/tls_info.py"), names);
    }
}
