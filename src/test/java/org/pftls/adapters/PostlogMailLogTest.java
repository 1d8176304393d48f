package org.pftls.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.ports.MessageSink.Level;

/** Lines reach postlog, one process per level, also when the logger was started in the background. */
class PostlogMailLogTest {
    @TempDir
    Path dir;

    /** A postlog that records its arguments, then every line it reads, in files of its own. */
    private Path fakePostlog() throws Exception {
        Path script = dir.resolve("postlog");
        Files.writeString(script, "#!/bin/sh\nout=" + dir + "/log.$$\necho \"args $*\" > $out\n"
                + "while IFS= read -r line; do echo \"line $line\" >> $out; done\necho end >> $out\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Every finished process's record (waits up to 5 s for them to see the end of their input). */
    private List<List<String>> records(int expected) throws Exception {
        for (int i = 0; i < 100; i++) {
            List<Path> logs;
            try (var files = Files.list(dir)) {
                logs = files.filter(p -> p.getFileName().toString().startsWith("log.")).sorted().toList();
            }
            List<List<String>> done = new java.util.ArrayList<>();
            for (Path log : logs) {
                List<String> lines = Files.readAllLines(log);
                if (!lines.isEmpty() && lines.get(lines.size() - 1).equals("end")) {
                    done.add(lines);
                }
            }
            if (done.size() >= expected) {
                return done;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("postlog records: " + Files.list(dir).map(Path::toString).collect(Collectors.joining(", ")));
    }

    @Test
    void linesLoggedAfterABackgroundStartGoToThatProcess() throws Exception {
        PostlogMailLog log = new PostlogMailLog(fakePostlog(), Path.of("/etc/postfix-x"), "postfix/pftls");
        log.prestartInBackground(Level.INFO);
        log.log(Level.INFO, "first");
        log.log(Level.INFO, "second");
        log.log(Level.WARNING, "careful");
        log.close();
        List<List<String>> records = records(2);
        assertEquals(2, records.size(), records.toString());
        List<String> info = records.stream().filter(r -> r.get(0).endsWith("-p info")).findFirst().orElseThrow();
        assertEquals(List.of("args -c /etc/postfix-x -t postfix/pftls -p info", "line first", "line second", "end"),
                info);
        List<String> warning = records.stream().filter(r -> r.get(0).endsWith("-p warning")).findFirst()
                .orElseThrow();
        assertEquals(List.of("args -c /etc/postfix-x -t postfix/pftls -p warning", "line careful", "end"), warning);
    }

    @Test
    void closingRightAfterABackgroundStartLeavesNoLoggerWaiting() throws Exception {
        PostlogMailLog log = new PostlogMailLog(fakePostlog(), Path.of("/etc/postfix"), "postfix/pftls");
        log.prestartInBackground(Level.INFO);
        log.close();
        Thread.sleep(500);
        // Either the process started before close (and saw the end of its input) or never started.
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("log.")).toList()) {
                List<String> lines = Files.readAllLines(p);
                assertTrue(lines.size() == 2 && lines.get(1).equals("end"), lines.toString());
            }
        }
    }
}
