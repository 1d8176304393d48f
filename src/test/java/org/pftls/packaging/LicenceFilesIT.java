package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The licence is stated everywhere it must be, the same: dist/LICENSE (Apache 2.0), galaxy.yml, and the
 * .deb's copyright file, which is Debian's machine-readable format (DEP-5) and covers every jar the
 * build ships in lib/ (a library added to the pom without its stanza fails here).
 */
class LicenceFilesIT {
    private static final Path COPYRIGHT = Path.of("dist/deb/copyright");

    /** The paragraphs of a DEP-5 file: field → value (continuation lines joined with newlines). */
    private static List<Map<String, String>> paragraphs(String text) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String field = null;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    out.add(current);
                }
                current = new LinkedHashMap<>();
                field = null;
            } else if (line.startsWith(" ") || line.startsWith("\t")) {
                assertTrue(field != null, "a continuation line outside a field: " + line);
                current.put(field, current.get(field) + "\n" + line.trim());
            } else {
                int colon = line.indexOf(':');
                assertTrue(colon > 0, "not a field: " + line);
                field = line.substring(0, colon);
                assertFalse(current.containsKey(field), "field twice in one paragraph: " + field);
                current.put(field, line.substring(colon + 1).trim());
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    @Test
    void theCopyrightFileIsDep5AndCoversEveryShippedJar() throws IOException {
        List<Map<String, String>> p = paragraphs(Files.readString(COPYRIGHT, StandardCharsets.UTF_8));
        assertEquals("https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/", p.get(0).get("Format"));
        assertEquals("pftls", p.get(0).get("Upstream-Name"));
        Map<String, String> filesToLicence = new LinkedHashMap<>();
        Set<String> used = new TreeSet<>();
        Set<String> defined = new TreeSet<>();
        for (Map<String, String> para : p.subList(1, p.size())) {
            if (para.containsKey("Files")) {
                assertTrue(para.containsKey("Copyright") && para.containsKey("License"), para.toString());
                String licence = para.get("License").lines().findFirst().orElseThrow();
                for (String pattern : para.get("Files").split("\\s+")) {
                    filesToLicence.put(pattern, licence);
                }
                for (String name : licence.split(" (and|or) ")) {
                    used.add(name.trim());
                }
            } else {
                assertTrue(para.containsKey("License") && para.get("License").contains("\n"),
                        "a stand-alone licence paragraph with its text: " + para);
                defined.add(para.get("License").lines().findFirst().orElseThrow());
            }
        }
        assertEquals(used, defined, "every licence used has its paragraph, and no other");
        assertEquals("Apache-2.0", filesToLicence.get("*"));
        List<String> jars;
        try (Stream<Path> s = Files.list(Path.of("target/lib"))) {
            jars = s.map(j -> j.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
        assertTrue(jars.size() >= 8, "target/lib: " + jars);
        for (String jar : jars) {
            String installed = "usr/share/pftls/lib/" + jar;
            assertTrue(filesToLicence.keySet().stream().anyMatch(pattern -> !pattern.equals("*")
                    && Fnmatch.matches(installed, pattern)), jar + " has no Files: stanza in " + COPYRIGHT);
        }
    }

    @Test
    void theTarballCarriesTheLicenceTexts() throws IOException {
        Set<String> names = new TreeSet<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new java.util.zip.GZIPInputStream(Files.newInputStream(Path.of("target/pftls-0.1.0.tar.gz"))))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
        }
        for (String doc : List.of("copyright", "licenses/Apache-2.0", "licenses/LGPL-3", "licenses/GPL-3")) {
            assertTrue(names.contains("pftls-0.1.0/share/doc/pftls/" + doc), doc + " missing from the tarball: " + names);
        }
    }

    @Test
    void licenceGalaxyYmlAndPackageAgree() throws IOException {
        String licence = Files.readString(Path.of("dist/LICENSE"), StandardCharsets.UTF_8);
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"));
        assertEquals(List.of("Apache-2.0"), GalaxyCollection.metadata(Path.of("dist/ansible/galaxy.yml")).get("license"));
        assertTrue(Files.isSymbolicLink(Path.of("dist/ansible/LICENSE")), "the collection ships the same LICENSE");
        assertEquals(licence, Files.readString(Path.of("dist/ansible/LICENSE"), StandardCharsets.UTF_8));
    }
}
