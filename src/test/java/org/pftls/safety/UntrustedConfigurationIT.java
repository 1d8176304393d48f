package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pftls.testing.Sandbox;

/**
 * Issue #13, findings 1 and 2, end to end: the real launcher runs as root on a configuration
 * that a user other than root can change (the directory, main.cf, a directory above, the file a
 * symlinked main.cf points to), with an unprivileged attacker swapping temporary files for symlinks
 * to a root 0600 victim. Every changing command, and its dry run, is refused with one line naming
 * the path, owner, group and mode and the fix, before anything is written (so the attacker never
 * gets a temporary file); {@code status} lists it as a problem. Before, root chmod-ed the victim.
 * Also: a symlinked main.cf in a trusted place is replaced by a file, as {@code postconf -e} does;
 * a symlink planted at the history file is never written through (the script appended to its
 * target), nor are symlinks at the key, certificate and backup names.
 */
class UntrustedConfigurationIT {
    private static final byte[] SECRET = "secret\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    @BeforeAll
    static void tools() {
        Attacker.requireRootAndTools();
        Launcher.require("openssl", "openssl");
        Launcher.require("postconf", "postfix");
    }

    /** How the configuration is opened to others, and the part of the refusal that names it. */
    interface Opening {
        void open(Path dir) throws Exception;
    }

    static Arguments refused(String title, String expected, Opening opening) {
        return Arguments.of(title, expected, opening);
    }

    static Stream<Arguments> openings() {
        return Stream.of(
                refused("directory owned by nobody", "DIR is owned by nobody (owner nobody, group root, mode 0755)"
                        + ": pftls changes no Postfix configuration that a user other than root can change, and Postfix"
                        + " should not read one; fix: chown root DIR", dir -> Files.setAttribute(dir, "unix:uid",
                        Attacker.UID)),
                refused("directory writable by others", "DIR is writable by others (owner root, group root, mode 0777)"
                        + ": pftls changes no Postfix configuration that a user other than root can change, and Postfix"
                        + " should not read one; fix: chmod go-w DIR", dir -> mode(dir, "rwxrwxrwx")),
                refused("directory writable by group postfix", "DIR is writable by group postfix (owner root, group"
                        + " postfix, mode 0775)", dir -> {
                            Attacker.group(dir, "postfix");
                            mode(dir, "rwxrwxr-x");
                        }),
                refused("main.cf owned by postfix", "DIR/main.cf is owned by postfix (owner postfix, group root, mode"
                        + " 0644): pftls changes no Postfix configuration that a user other than root can change, and"
                        + " Postfix should not read one; fix: chown root DIR/main.cf",
                        dir -> Attacker.owner(dir.resolve("main.cf"), "postfix")),
                refused("main.cf writable by others", "DIR/main.cf is writable by others (owner root, group root, mode"
                        + " 0666)", dir -> mode(dir.resolve("main.cf"), "rw-rw-rw-")),
                refused("a directory above writable by others", "ABOVE is writable by others (owner root, group root,"
                        + " mode 0777): pftls changes no Postfix configuration that a user other than root can change,"
                        + " and Postfix should not read one; fix: chmod go-w ABOVE (or chmod +t ABOVE if others must"
                        + " create files there, as in /tmp)", dir -> mode(dir.getParent(), "rwxrwxrwx")),
                refused("main.cf a symlink into a directory of nobody's", "EVIL is owned by nobody", dir -> {
                    Path evil = Files.createDirectory(dir.resolveSibling("evil"));
                    Files.move(dir.resolve("main.cf"), evil.resolve("main.cf"));
                    Files.setAttribute(evil, "unix:uid", Attacker.UID);
                    Files.createSymbolicLink(dir.resolve("main.cf"), evil.resolve("main.cf"));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openings")
    void refusedBeforeAnythingIsWritten(String title, String expected, Opening opening) throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x")); // the attacker gets in
        Path above = Files.createDirectory(root.resolve("above"));
        Path dir = instance(above);
        opening.open(dir);
        Path victim = victim();
        // The attacker can only attack where it can write; give it the directory unless the case
        // is about a directory above or the symlink's target directory.
        boolean attackerOwnsDirectory = title.startsWith("directory owned");
        String line = expected.replace("EVIL", above.resolve("evil").toString()).replace("DIR", dir.toString())
                .replace("ABOVE", above.toString());
        try (Attacker attacker = attackerOwnsDirectory ? Attacker.swapTemporaries(dir, victim) : null) {
            Map<String, String> before = Scratch.snapshot(root, true);
            for (String[] args : List.of(new String[] {"enable-client"}, new String[] {"enable-server", "-a", "ecdsa"},
                    new String[] {"deploy-server-cert", "cert.pem", "key.pem"},
                    new String[] {"enable-client", "--dry-run"})) {
                Refusals.assertRefused(Launcher.run(dir, args), line);
            }
            if (attacker != null) {
                assertEquals(0, attacker.swaps(), "no temporary file was made");
            }
            assertEquals(before, Scratch.snapshot(root, true), "nothing changed");
        }
        assertVictim(victim);

        Launcher.Result status = Launcher.run(dir, "status");
        assertEquals(1, status.status(), status.out() + status.err());
        assertTrue(status.out().contains("  ! " + line), status.out());
    }

    /** A symlinked main.cf (root's, in a root directory) is replaced by a file, as postconf -e does. */
    @Test
    void aSymlinkedMainCfBecomesAFileAsWithPostconf() throws Exception {
        Path dir = instance(root);
        Path shared = Files.createDirectory(root.resolve("shared"));
        Path target = shared.resolve("main.cf");
        Files.move(dir.resolve("main.cf"), target);
        Files.createSymbolicLink(dir.resolve("main.cf"), target);
        byte[] content = Files.readAllBytes(target);
        Path copy = Files.createDirectory(root.resolve("with-postconf"));
        Files.createSymbolicLink(copy.resolve("main.cf"), target);

        Launcher.Result r = Launcher.run(dir, "enable-client");
        assertEquals(0, r.status(), r.err());
        Refusals.assertNoCrash(r);
        assertFalse(Files.isSymbolicLink(dir.resolve("main.cf")), "main.cf is a file now");
        assertTrue(Files.readString(dir.resolve("main.cf")).contains("smtp_tls_security_level = may"));
        assertArrayEquals(content, Files.readAllBytes(target), "the file it pointed to is unchanged");
        try (Stream<Path> s = Files.list(shared)) {
            assertEquals(List.of(target), s.toList(), "nothing written where the link pointed");
        }

        Process p = new ProcessBuilder("postconf", "-c", copy.toString(), "-e", "smtp_tls_loglevel=1")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertFalse(Files.isSymbolicLink(copy.resolve("main.cf")), "postconf -e does the same");
        assertArrayEquals(content, Files.readAllBytes(target));
    }

    /**
     * Symlinks to a victim at the history file and at the key, certificate and backup names of the
     * coming seconds (put there by root: nobody else can write the directory): pftls writes
     * through none of them. The history link makes the change fail before main.cf is replaced.
     */
    @Test
    void plantedSymlinksAreNeverWrittenThrough() throws Exception {
        Path dir = instance(root);
        Path victim = victim();
        long now = Instant.now().getEpochSecond();
        for (long t = now; t < now + 5; t++) {
            String stamp = org.pftls.engine.plan.UtcText.fileStamp(Instant.ofEpochSecond(t));
            for (String name : List.of("eckey-", "eccert-", "main.cf.pftls-")) {
                Files.createSymbolicLink(dir.resolve(name + stamp + (name.endsWith("-") && !name.startsWith("main")
                        ? ".pem" : "")), victim);
            }
        }
        Launcher.Result ok = Launcher.run(dir, "enable-server", "-a", "ecdsa");
        assertEquals(0, ok.status(), ok.err());
        assertVictim(victim);
        try (Stream<Path> s = Files.list(dir)) {
            long made = s.filter(p -> !Files.isSymbolicLink(p) && p.getFileName().toString().startsWith("eckey-"))
                    .count();
            assertEquals(1, made, "the new key took a free name");
        }

        Path history = dir.resolve("pftls-history.log");
        Files.move(history, dir.resolve("history.saved"));
        Files.createSymbolicLink(history, victim);
        byte[] mainCf = Files.readAllBytes(dir.resolve("main.cf"));
        Refusals.assertRefused(Launcher.run(dir, "enable-client"), "cannot record the change in " + history
                + ": not a regular file but a symbolic link; nothing was changed");
        assertVictim(victim);
        assertArrayEquals(mainCf, Files.readAllBytes(dir.resolve("main.cf")));
        assertTrue(Files.isSymbolicLink(history));
    }

    /** A root-owned instance with a Debian main.cf (an hour old) and a key and certificate. */
    private static Path instance(Path parent) throws Exception {
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = Files.createDirectory(parent.resolve("postfix"));
        Files.write(dir.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        Files.setLastModifiedTime(dir.resolve("main.cf"), FileTime.from(Instant.now().minusSeconds(3600)));
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj",
                "/CN=mail.example.org", "-addext", "subjectAltName=DNS:mail.example.org", "-days", "3650").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, p.waitFor());
        return dir;
    }

    private Path victim() throws Exception {
        Path victim = root.resolve("victim");
        Files.write(victim, SECRET);
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
        return victim;
    }

    private static void assertVictim(Path victim) throws Exception {
        Map<String, Object> a = Files.readAttributes(victim, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        assertEquals("0600 0 0", String.format("%04o %s %s", (Integer) a.get("mode") & 07777, a.get("uid"),
                a.get("gid")), "the victim's mode and owner");
        assertArrayEquals(SECRET, Files.readAllBytes(victim), "the victim's content");
    }

    private static void mode(Path p, String mode) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }
}
