package org.pftls.engine.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins MainCfEditor to the installed postconf -e / -X, byte for byte, on every corpus file.
 * 3.7.11 appends new names in random hash order, so the appended tail is compared as a sorted set
 * of lines; and it glues the first appended line to a last line without newline (fixed in 3.7.15,
 * which we follow), which is accounted for explicitly.
 */
class MainCfEditorGoldenIT {
    static final List<Map.Entry<String, String>> TLS_SETTINGS = List.of(
            Map.entry("smtpd_tls_security_level", "may"),
            Map.entry("smtpd_tls_loglevel", "1"),
            Map.entry("smtpd_tls_received_header", "yes"),
            Map.entry("smtpd_tls_key_file", "/x/key.pem"),
            Map.entry("smtpd_tls_cert_file", "/x/cert.pem"),
            Map.entry("tls_random_source", "dev:/dev/urandom"));
    static final List<Map.Entry<String, String>> OTHER_SETTINGS = List.of(
            Map.entry("myhostname", "new.example"),
            Map.entry("smtpd_tls_eccert_file", ""),
            Map.entry("relayhost", "[smtp.example]:587"));
    static final List<String> REMOVED = List.of("smtpd_tls_key_file", "smtpd_tls_security_level",
            "smtpd_tls_cert_file", "not_present");

    @TempDir
    Path temp;

    @BeforeAll
    static void postconfInstalled() {
        RealPostconf.requireInstalled();
    }

    @TestFactory
    Stream<DynamicTest> setMatchesPostconfE() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : Corpus.files()) {
            tests.add(DynamicTest.dynamicTest("-e tls " + file.getFileName(), () -> checkSet(file, TLS_SETTINGS)));
            tests.add(DynamicTest.dynamicTest("-e other " + file.getFileName(), () -> checkSet(file, OTHER_SETTINGS)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> removeMatchesPostconfX() throws Exception {
        return Corpus.files().stream().map(file -> DynamicTest.dynamicTest("-X " + file.getFileName(), () -> {
            byte[] original = Files.readAllBytes(file);
            Path dir = Files.createTempDirectory(temp, "x");
            Path mainCf = RealPostconf.writeMainCf(dir, original);
            List<String> arguments = new ArrayList<>(List.of("-X"));
            arguments.addAll(REMOVED);
            RealPostconf.Result real = RealPostconf.run(dir, arguments.toArray(String[]::new));
            assertEquals(0, real.exitStatus(), real.stderr());
            MainCfEditor.Edit ours = MainCfEditor.remove(original, REMOVED, mainCf.toString());
            assertArrayEquals(Files.readAllBytes(mainCf), ours.after(), "-X result differs");
            assertEquals(real.warnings(), ours.warnings(), "stderr: " + real.stderr());
        }));
    }

    private void checkSet(Path file, List<Map.Entry<String, String>> settings) throws Exception {
        byte[] original = Files.readAllBytes(file);
        Path dir = Files.createTempDirectory(temp, "e");
        Path mainCf = RealPostconf.writeMainCf(dir, original);
        List<String> arguments = new ArrayList<>(List.of("-e"));
        settings.forEach(s -> arguments.add(s.getKey() + " = " + s.getValue()));
        RealPostconf.Result real = RealPostconf.run(dir, arguments.toArray(String[]::new));
        assertEquals(0, real.exitStatus(), real.stderr());
        byte[] realAfter = Files.readAllBytes(mainCf);

        MainCfEditor.Edit ours = MainCfEditor.set(original, settings, mainCf.toString());
        assertEquals(real.warnings(), ours.warnings(), "stderr: " + real.stderr());

        String oursText = new String(ours.after(), StandardCharsets.ISO_8859_1);
        String realText = new String(realAfter, StandardCharsets.ISO_8859_1);
        List<String> appended = appendedLines(original, settings);
        String tail = appended.stream().map(l -> l + "\n").reduce("", String::concat);
        assertTrue(oursText.endsWith(tail), "ours ends with the sorted appended lines");
        String prefix = oursText.substring(0, oursText.length() - tail.length());
        boolean lacksFinalNewline = original.length > 0 && original[original.length - 1] != '\n';
        if (!appended.isEmpty() && lacksFinalNewline && !prefix.isEmpty() && prefix.endsWith("\n")
                && !realText.startsWith(prefix)) {
            // 3.7.11 bug: no newline before the first appended line; we add one (3.7.15+).
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        assertTrue(realText.startsWith(prefix), () -> "unchanged part differs for " + file.getFileName()
                + "\n--- real:\n" + realText + "\n--- ours:\n" + oursText);
        String realTail = realText.substring(prefix.length());
        if (lacksFinalNewline && !appended.isEmpty() && !oursText.startsWith(realText)) {
            // the glued form: the last original line's rest is on the same line as an appended one
            assertTrue(realTail.endsWith("\n"));
        }
        List<String> realTailLines = Arrays.stream(realTail.split("\n")).sorted().toList();
        assertEquals(appended, realTailLines, "appended lines (any order in 3.7.11)");
    }

    /** The lines we expect appended: settings whose name has no entry in the original, sorted. */
    private static List<String> appendedLines(byte[] original, List<Map.Entry<String, String>> settings) {
        String text = new String(original, StandardCharsets.ISO_8859_1);
        List<String> keys = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty() && !Chars.isSpace(line.charAt(0)) && line.charAt(0) != '#') {
                keys.add(MainCfEditor.keyOf(line));
            }
        }
        return settings.stream().filter(s -> !keys.contains(s.getKey()))
                .map(s -> s.getKey() + " = " + s.getValue()).sorted().toList();
    }
}
