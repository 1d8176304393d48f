package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pftls.testing.Bookkeeping;
import org.pftls.testing.Sandbox;

/**
 * Compares what the wizard did in one sandbox with what the command line does in another sandbox
 * that started the same (same main.cf, clock and random seed): main.cf byte for byte (with the
 * directory name swapped), the same new files with the same modes, the same log lines.
 */
final class SameAsCli {
    private SameAsCli() {
    }

    /** Every file in the directory (not main.cf), name to mode and content, with the directory name neutralised. */
    static Map<String, String> files(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.equals("main.cf") && Files.isRegularFile(p)) {
                    byte[] content = Files.readAllBytes(p);
                    out.put(name, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " "
                            + (Bookkeeping.isBookkeeping(name) ? Bookkeeping.normalised(name, content, dir).hashCode()
                            : Arrays.hashCode(content)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String mainCf(Sandbox s) {
        return s.mainCfText().replace(s.dir().toString(), "DIR");
    }

    /** Asserts main.cf, files (names, modes, bytes) and log lines match the command line's run. */
    static void assertSame(WizardFixture wizard, Sandbox cli, Sandbox.Run run) {
        assertEquals(0, run.status(), run.err());
        assertEquals(mainCf(cli), mainCf(wizard.sandbox), "main.cf differs from the command line's");
        assertEquals(files(cli.dir()), files(wizard.dir()), "files differ from the command line's");
        List<String> cliLines = run.err().lines().map(l -> l.replace(cli.dir().toString(), "DIR")).toList();
        List<String> wizardLines = wizard.logged.stream().map(l -> l.replace(wizard.dir().toString(), "DIR")).toList();
        assertEquals(cliLines, wizardLines, "log lines differ from the command line's");
    }
}
