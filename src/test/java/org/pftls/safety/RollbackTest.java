package org.pftls.safety;

import static java.nio.file.StandardOpenOption.APPEND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.plan.ContentHash;
import org.pftls.engine.plan.History;
import org.pftls.testing.Sandbox.Run;

/**
 * Backups, history and rollback through the real command line: every main.cf replacement keeps a
 * backup with main.cf's owner and mode; rollback restores the previous main.cf byte for byte, is
 * itself recorded and backed up (so rollback again undoes it), never deletes key or certificate
 * files, and refuses (changing nothing) when main.cf was changed outside pftls unless forced.
 */
class RollbackTest {
    @TempDir
    Path dir;

    private static void ok(Run r) {
        assertEquals(0, r.status(), r.err());
    }

    private static void refused(Scratch s, String expected, String... args) {
        Map<String, String> before = s.snapshot();
        Run r = s.run(args);
        assertEquals(1, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("pftls: fatal: ") && r.err().contains(expected), r.err());
        assertEquals("", r.out());
        assertEquals(before, s.snapshot(), "a refused rollback changes nothing");
    }

    private String text(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.ISO_8859_1);
    }

    @Test
    void rollbackRestoresByteForByteAndIsReversible() throws IOException {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        Files.setPosixFilePermissions(s.mainCf(), PosixFilePermissions.fromString("rw-r-----"));
        byte[] original = s.mainCfBytes();
        ok(s.run("enable-server", "-a", "ecdsa"));
        byte[] enabled = s.mainCfBytes();
        Path backup = dir.resolve("main.cf.pftls-20261125-120000");
        assertArrayEquals(original, Files.readAllBytes(backup), "the backup is main.cf as it was");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
        assertEquals(Files.getOwner(s.mainCf()), Files.getOwner(backup));

        Run r = s.later(5).run("rollback", "--yes");
        ok(r);
        assertArrayEquals(original, s.mainCfBytes(), "rollback restores byte for byte");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.mainCf())));
        assertTrue(r.out().contains("-smtpd_tls_security_level = may"), r.out());
        assertTrue(r.err().contains("Kept (rollback never deletes keys or certificates"), r.err());
        assertTrue(r.err().contains(dir.resolve("eckey-20261125-120000.pem").toString()), r.err());
        assertTrue(Files.exists(dir.resolve("eckey-20261125-120000.pem")), "keys are never deleted");
        assertTrue(Files.exists(dir.resolve("eccert-20261125-120000.pem")));
        assertArrayEquals(enabled, Files.readAllBytes(dir.resolve("main.cf.pftls-20261125-120005")),
                "the rollback backed up the main.cf it replaced");

        ok(s.later(5).run("rollback", "--yes"));
        assertArrayEquals(enabled, s.mainCfBytes(), "rollback again undoes the rollback");

        Run h = s.run("history");
        ok(h);
        List<String> heads = h.out().lines().filter(l -> l.startsWith("2026-")).toList();
        assertEquals(3, heads.size(), h.out());
        assertTrue(heads.get(0).contains("rollback") && heads.get(0).contains("main.cf.pftls-20261125-120010")
                && heads.get(0).contains("[main.cf is as this change left it]"), heads.get(0));
        assertTrue(heads.get(2).startsWith("2026-11-25 12:00:00 UTC  enable-server"), heads.get(2));
        assertTrue(h.out().contains("    created: " + dir.resolve("eckey-20261125-120000.pem")), h.out());
        assertTrue(h.out().contains("smtpd_tls_security_level=may"), h.out());
    }

    @Test
    void stepsBackWithToAndKeepsBackupsApartInOneSecond() throws IOException {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        byte[] original = s.mainCfBytes();
        ok(s.run("enable-client"));
        byte[] client = s.mainCfBytes();
        ok(s.run("enable-server", "-a", "ecdsa")); // same second: the backup takes the next free name
        assertArrayEquals(client, Files.readAllBytes(dir.resolve("main.cf.pftls-20261125-120000-2")));
        ok(s.run("rollback", "--yes"));
        assertArrayEquals(client, s.mainCfBytes());
        ok(s.run("rollback", "--yes", "--to", "main.cf.pftls-20261125-120000"));
        assertArrayEquals(original, s.mainCfBytes());
        assertEquals(4, s.names().stream().filter(n -> n.startsWith("main.cf.pftls-")).count(), s.names().toString());
    }

    @Test
    void aChangeMadeOutsidePftlsIsShownAndNeedsForce() throws IOException {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        byte[] original = s.mainCfBytes();
        ok(s.run("enable-client"));
        Files.writeString(s.mainCf(), "myorigin = edited.example\n", StandardCharsets.US_ASCII, APPEND);
        byte[] edited = s.mainCfBytes();

        refused(s, "was changed outside pftls after pftls's last change, and rolling back would discard that"
                + " change; see it with pftls rollback --dry-run, then add --force", "rollback", "--yes");
        Run dry = s.run("rollback", "--dry-run");
        ok(dry);
        assertTrue(dry.out().contains("+++ main.cf (now)\n"), dry.out());
        assertTrue(dry.out().contains("\n+myorigin = edited.example\n"), "shows the outside change: " + dry.out());

        Run h = s.run("history");
        assertTrue(h.out().contains("[main.cf was changed outside pftls after this]"), h.out());

        ok(s.later(1).run("rollback", "--yes", "--force"));
        assertArrayEquals(original, s.mainCfBytes());
        ok(s.later(1).run("rollback", "--yes"));
        assertArrayEquals(edited, s.mainCfBytes(), "the outside change was kept in the rollback's backup");
    }

    @Test
    void refusalsChangeNothing() throws IOException {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        refused(s, "nothing to roll back: pftls has made no change to " + s.mainCf(), "rollback", "--yes");
        refused(s, "no backup main.cf.pftls-19990101-000000 in " + dir, "rollback", "--yes", "--to",
                "main.cf.pftls-19990101-000000");
        refused(s, "no backup ../main.cf in " + dir, "rollback", "--yes", "--to", "../main.cf");
        ok(s.run("enable-client"));
        refused(s, "rollback asks before it replaces main.cf and there is no terminal to ask on; review it with"
                + " pftls rollback --dry-run, then run pftls rollback --yes", "rollback");
        refused(s, "Unknown option: '--frobnicate'; usage: pftls rollback", "rollback", "--frobnicate");
        refused(s, "usage: pftls history", "history", "extra");

        Path backup = dir.resolve("main.cf.pftls-20261125-120000");
        Files.writeString(backup, "# tampered\n", APPEND);
        refused(s, "the backup " + backup + " was changed after pftls made it", "rollback", "--yes");
        ok(s.run("rollback", "--yes", "--to", backup.getFileName().toString()));
        assertTrue(new String(s.mainCfBytes(), StandardCharsets.US_ASCII).endsWith("# tampered\n"));

        ok(s.later(1).run("rollback", "--yes"));
        Files.delete(dir.resolve("main.cf.pftls-20261125-120001"));
        refused(s, "the backup " + dir.resolve("main.cf.pftls-20261125-120001") + " taken before rollback on"
                + " 2026-11-25 12:00:01 UTC is missing; restore another one with pftls rollback --to NAME", "rollback",
                "--yes");

        s.writeMainCf("smtpd tls = broken\n".getBytes(StandardCharsets.US_ASCII));
        ok(s.run("rollback", "--yes", "--force", "--to", "main.cf.pftls-20261125-120000-2"));
        assertFalse(text(s.mainCf()).contains("broken"), "rollback repairs a main.cf Postfix rejects");
        Files.writeString(dir.resolve("main.cf.pftls-20261125-130000"), "smtpd tls = broken\n");
        refused(s, "main.cf.pftls-20261125-130000, line 1: missing '=' after attribute name", "rollback", "--yes",
                "--to", "main.cf.pftls-20261125-130000");
    }

    @Test
    void anInterruptedChangeIsShownAndSkipped() throws IOException {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        byte[] original = s.mainCfBytes();
        ok(s.run("enable-client"));
        byte[] client = s.mainCfBytes();
        // What a kill between recording and replacing leaves: a history line, a backup, the old main.cf.
        ok(s.later(1).run("enable-server", "-a", "ecdsa"));
        Path history = dir.resolve(History.FILE_NAME);
        s.writeMainCf(client);
        Files.writeString(history, "time=2026-11-25T12%3A00%3A09Z\top=enable-", APPEND);

        Run h = s.run("history");
        ok(h);
        assertTrue(h.err().contains("1 damaged line(s) in " + history + " skipped"), h.err());
        assertTrue(h.out().contains("enable-server       backup main.cf.pftls-20261125-120001  [not applied:"
                + " interrupted before main.cf was replaced]"), h.out());
        ok(s.later(1).run("rollback", "--yes"));
        assertArrayEquals(original, s.mainCfBytes(), "the interrupted change is skipped");
        String log = text(history);
        assertTrue(log.contains("op=enable-\ntime="), "the damaged line is closed before the next one: " + log);
        assertEquals(ContentHash.of(original), ContentHash.of(s.mainCfBytes()));
        assertTrue(Files.isRegularFile(dir.resolve("eckey-20261125-120001.pem"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void filesOnlyChangesAreListedAndNotRolledBack() throws IOException {
        Scratch s = Scratch.withSample(dir, "debian-fresh.cf");
        ok(s.run("new-server-key", "-a", "ecdsa"));
        Run h = s.run("history");
        assertTrue(h.out().contains("new-server-key      (main.cf not changed)"), h.out());
        assertTrue(h.out().contains("created: " + dir.resolve("eckey-20261125-120000.pem")), h.out());
        refused(s, "nothing to roll back", "rollback", "--yes");
        Path other = Files.createDirectory(dir.resolve("other"));
        Run empty = Scratch.withSample(other, "debian-fresh.cf").run("history");
        ok(empty);
        assertEquals("pftls has recorded no change in " + other + " (" + other.resolve(History.FILE_NAME)
                + " has no entries).\n", empty.out());
    }
}
