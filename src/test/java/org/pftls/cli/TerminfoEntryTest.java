package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminfo reader agrees with ncurses' infocmp on every entry installed here. */
class TerminfoEntryTest {
    @TempDir
    Path dir;

    private static List<Path> installedEntries() throws Exception {
        List<Path> entries = new ArrayList<>();
        for (String root : List.of("/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo")) {
            Path r = Path.of(root);
            if (Files.isDirectory(r)) {
                try (Stream<Path> s = Files.walk(r)) {
                    s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README"))
                            .forEach(entries::add);
                }
            }
        }
        return entries;
    }

    /** Whether infocmp (ncurses) says the entry has cup; empty when infocmp cannot read it. */
    private static Optional<Boolean> infocmpHasCup(Path entry) throws Exception {
        Process p = new ProcessBuilder("infocmp", "-1", "-A", entry.getParent().getParent().toString(),
                entry.getFileName().toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        if (p.exitValue() != 0) {
            return Optional.empty();
        }
        return Optional.of(out.lines().anyMatch(l -> l.trim().startsWith("cup=")));
    }

    @Test
    void cursorAddressingAsInfocmpSaysForEveryInstalledEntry() throws Exception {
        List<Path> entries = installedEntries();
        assertTrue(entries.size() >= 20, "expected the ncurses-base entries, found " + entries);
        int withCup = 0;
        int without = 0;
        for (Path entry : entries) {
            Optional<Boolean> expected = infocmpHasCup(entry);
            if (expected.isEmpty()) {
                continue;
            }
            Optional<TerminfoEntry> ours = TerminfoEntry.parse(Files.readAllBytes(entry));
            assertTrue(ours.isPresent(), "could not read " + entry);
            assertEquals(expected.get(), ours.get().hasString(TerminfoEntry.CURSOR_ADDRESS), entry.toString());
            if (expected.get()) {
                withCup++;
            } else {
                without++;
            }
        }
        assertTrue(withCup > 10 && without > 0, withCup + " with cup, " + without + " without");
    }

    @Test
    void findsEntriesWhereNcursesLooks() throws Exception {
        Map<String, String> env = Map.of("HOME", dir.toString());
        assertTrue(TerminfoEntry.find("xterm-256color", env).orElseThrow().hasString(TerminfoEntry.CURSOR_ADDRESS));
        assertFalse(TerminfoEntry.find("dumb", env).orElseThrow().hasString(TerminfoEntry.CURSOR_ADDRESS));
        assertTrue(TerminfoEntry.find("no-such-terminal", env).isEmpty());
        assertTrue(TerminfoEntry.find("../x/xterm", env).isEmpty());
        assertTrue(TerminfoEntry.find("", env).isEmpty());
        // A private entry in $TERMINFO, under the hex-named directory, is found first.
        Path copy = dir.resolve("ti/6d/my-term");
        Files.createDirectories(copy.getParent());
        Files.copy(Path.of("/lib/terminfo/d/dumb"), copy);
        Map<String, String> own = Map.of("TERMINFO", dir.resolve("ti").toString());
        assertFalse(TerminfoEntry.find("my-term", own).orElseThrow().hasString(TerminfoEntry.CURSOR_ADDRESS));
        assertTrue(TerminfoEntry.find("my-term", Map.of()).isEmpty());
        // ~/.terminfo and TERMINFO_DIRS too.
        Path home = dir.resolve(".terminfo/m/my-term");
        Files.createDirectories(home.getParent());
        Files.copy(Path.of("/lib/terminfo/x/xterm"), home);
        assertTrue(TerminfoEntry.find("my-term", env).orElseThrow().hasString(TerminfoEntry.CURSOR_ADDRESS));
        assertTrue(TerminfoEntry.find("my-term", Map.of("TERMINFO_DIRS", ":" + dir.resolve(".terminfo")))
                .isPresent());
    }

    @Test
    void damagedEntriesAreNotEntries() throws Exception {
        byte[] good = Files.readAllBytes(Path.of("/lib/terminfo/x/xterm"));
        assertTrue(TerminfoEntry.parse(good).isPresent());
        for (int cut = 0; cut < 40; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(good, cut);
            assertTrue(TerminfoEntry.parse(truncated).isEmpty(), "cut at " + cut);
        }
        byte[] wrongMagic = good.clone();
        wrongMagic[0] = 0x55;
        assertTrue(TerminfoEntry.parse(wrongMagic).isEmpty());
        assertTrue(TerminfoEntry.parse("#!/bin/sh\necho not a terminfo entry\n".getBytes()).isEmpty());
    }
}
