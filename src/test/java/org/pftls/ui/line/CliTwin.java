package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.pftls.testing.Bookkeeping;
import org.pftls.testing.Sandbox;

/**
 * A line-mode wizard run in one directory compared with the command line's run in a twin that
 * started the same: the same file names, bytes and modes, main.cf equal once the twin's path is
 * replaced, the same log lines.
 */
final class CliTwin {
    private CliTwin() {
    }

    static void assertSameResult(Path dir, Path twinDir) throws IOException {
        assertSameResult(dir, twinDir, cf -> cf, true);
    }

    /**
     * As {@link #assertSameResult(Path, Path)}, the twin's main.cf first changed by {@code expected}
     * (then the history and backups, which record main.cf, differ and are not compared).
     */
    static void assertSameResult(Path dir, Path twinDir, UnaryOperator<String> expected) throws IOException {
        assertSameResult(dir, twinDir, expected, false);
    }

    private static void assertSameResult(Path dir, Path twinDir, UnaryOperator<String> expected, boolean bookkeeping)
            throws IOException {
        Map<String, byte[]> mine = files(dir);
        Map<String, byte[]> theirs = files(twinDir);
        assertEquals(theirs.keySet(), mine.keySet());
        for (String name : mine.keySet()) {
            if (name.equals("main.cf")) {
                assertEquals(expected.apply(new String(theirs.get(name), StandardCharsets.ISO_8859_1)
                        .replace(twinDir.toString(), dir.toString())), new String(mine.get(name),
                        StandardCharsets.ISO_8859_1));
            } else if (Bookkeeping.isBookkeeping(name)) {
                if (!bookkeeping) {
                    continue;
                }
                assertEquals(Bookkeeping.normalised(name, theirs.get(name), twinDir),
                        Bookkeeping.normalised(name, mine.get(name), dir), name);
            } else {
                assertArrayEquals(theirs.get(name), mine.get(name), name);
                assertEquals(mode(twinDir.resolve(name)), mode(dir.resolve(name)), name);
            }
        }
    }

    /** The command line's stderr as the wizard logs it (ScriptedWizard's "LEVEL text"), in the wizard's directory. */
    static List<String> messages(Sandbox.Run cli, Path twinDir, Path dir) {
        return cli.err().lines().map(l -> l.startsWith("pftls: warning: ") ? "WARNING " + l.substring(16)
                : "INFO " + l.substring("pftls: ".length())).map(l -> l.replace(twinDir.toString(), dir.toString()))
                .toList();
    }

    private static Map<String, byte[]> files(Path d) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p)) {
                    m.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
