package org.pftls.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;
import org.pftls.engine.PftlsException;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.ports.PostfixInstallation;
import org.pftls.testing.Sandbox;

/**
 * Which Postfix programs pftls runs: --postfix-bin, else PFTLS_POSTFIX_BIN, else the first standard
 * directory holding postconf; never an untrusted or broken named one. The programs here are small
 * shell scripts in the test's own directories (no Postfix needed; the per-version ITs run real ones).
 */
class PostfixProgramsTest {
    private static final String WORKING = "#!/bin/sh\necho 'mail_version = 9.9.9'\necho 'config_directory = /x'\n";
    private static final String BROKEN = "#!/bin/sh\necho 'postconf: fatal: broken on purpose' >&2\nexit 1\n";

    @TempDir
    Path tmp;
    private Path root;
    private final ProgramTrust trust = ProgramTrust.forThisProcess();

    @BeforeEach
    void traversableRoot() throws IOException {
        root = tmp.resolve("r");
        Files.createDirectory(root);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path programs(String name, String postconf) throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (postconf != null) {
            Path p = dir.resolve("postconf");
            Files.writeString(p, postconf);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    private PostfixPrograms choose(String option, Map<String, String> env, List<Path> standard) throws PftlsException {
        return PostfixPrograms.choose(option, env, standard, trust);
    }

    @Test
    void theFirstStandardDirectoryHoldingPostconf() throws Exception {
        Path empty = programs("empty", null);
        Path first = programs("first", WORKING);
        Path second = programs("second", WORKING);
        PostfixPrograms p = choose(null, Map.of(), List.of(empty, first, second));
        assertEquals(Optional.of(first.toRealPath()), p.directory());
        assertEquals(false, p.named());
        assertEquals(Optional.empty(), choose(null, Map.of(), List.of(empty, root.resolve("none"))).directory());
    }

    @Test
    void theOptionBeforeTheEnvironmentBeforeTheStandardDirectories() throws Exception {
        Path standard = programs("standard", WORKING);
        Path fromEnv = programs("env", WORKING);
        Path fromOption = programs("option", WORKING);
        Map<String, String> env = Map.of("PFTLS_POSTFIX_BIN", fromEnv.toString(), "PATH", fromOption.toString());
        assertEquals(Optional.of(fromOption.toRealPath()),
                choose(fromOption.toString(), env, List.of(standard)).directory());
        assertEquals(Optional.of(fromEnv.toRealPath()), choose(null, env, List.of(standard)).directory());
        assertEquals(Optional.of(standard.toRealPath()),
                choose(null, Map.of("PATH", fromOption.toString()), List.of(standard)).directory(),
                "never through PATH");
        assertEquals(Optional.of(standard.toRealPath()),
                choose(null, Map.of("PFTLS_POSTFIX_BIN", ""), List.of(standard)).directory(), "empty: not set");
    }

    @Test
    void aLinkedDirectoryIsResolvedOnce() throws Exception {
        Path real = programs("real", WORKING);
        Path link = Files.createSymbolicLink(root.resolve("link"), real);
        PostfixPrograms p = choose(link.toString(), Map.of(), List.of());
        assertEquals(Optional.of(real.toRealPath()), p.directory());
        assertEquals(Optional.of(real.toRealPath().resolve("postconf")), p.program("postconf"));
        assertEquals(Optional.empty(), p.program("postlog"), "not there");
    }

    private String refusal(String option) {
        return assertThrows(PftlsException.class, () -> choose(option, Map.of(), List.of())).getMessage();
    }

    @Test
    void aNamedDirectoryWithoutAnExecutablePostconfIsRefused() throws Exception {
        assertTrue(refusal("relative/sbin").startsWith("--postfix-bin relative/sbin: not an absolute path; name the"
                + " directory that holds the programs of the Postfix that owns the instance"), refusal("relative/sbin"));
        assertTrue(refusal(root.resolve("missing").toString()).contains(": no such directory; "));
        assertTrue(refusal(programs("empty", null).toString()).contains("holds no executable postconf"));
        Path plain = programs("plain", WORKING);
        Files.setPosixFilePermissions(plain.resolve("postconf"), PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(refusal(plain.toString()).contains("holds no executable postconf"));
        String env = assertThrows(PftlsException.class, () -> choose(null,
                Map.of("PFTLS_POSTFIX_BIN", root.resolve("missing").toString()), List.of())).getMessage();
        assertTrue(env.startsWith("PFTLS_POSTFIX_BIN=" + root.resolve("missing") + ": no such directory"), env);
    }

    @Test
    void programsOthersCouldReplaceAreRefused() throws Exception {
        Path groupWritable = programs("group", WORKING);
        Files.setPosixFilePermissions(groupWritable, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertEquals("refusing to run the Postfix programs in " + groupWritable + " (--postfix-bin " + groupWritable
                + "), which others could replace: " + groupWritable + " is writable by group or others (mode 0775);"
                + " fix: chmod go-w " + groupWritable + ", or name another directory", refusal(groupWritable.toString()));
        Path worldWritable = programs("world", WORKING);
        Files.setPosixFilePermissions(worldWritable.resolve("postconf"), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(refusal(worldWritable.toString()).contains(worldWritable.resolve("postconf")
                + " is writable by group or others (mode 0777)"));
        // A standard directory is refused the same way (it would be run without being named).
        assertThrows(PftlsException.class, () -> choose(null, Map.of(), List.of(groupWritable)));
    }

    @Test
    void programsOfAnotherUserAreRefused() throws Exception {
        Path dir = programs("foreign", WORKING);
        int me = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        ProgramTrust strict;
        if (me == 0) {
            Files.setOwner(dir.resolve("postconf"), dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("nobody"));
            strict = new ProgramTrust(0);
        } else {
            strict = new ProgramTrust(me + 1); // as if another user ran pftls: the test's files are foreign
        }
        String message = assertThrows(PftlsException.class,
                () -> PostfixPrograms.choose(dir.toString(), Map.of(), List.of(), strict)).getMessage();
        assertTrue(message.contains(" is owned by another user (uid "), message);
        assertTrue(message.contains("; it must belong to root: chown root "), message);
    }

    @Test
    void aLinkedProgramIsJudgedByWhatItNames() throws Exception {
        Path real = programs("real", WORKING);
        Path linked = programs("linked", null);
        Files.createSymbolicLink(linked.resolve("postconf"), real.resolve("postconf"));
        assertEquals(Optional.of(linked.toRealPath()), choose(linked.toString(), Map.of(), List.of()).directory());
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(refusal(linked.toString()).contains(real + " is writable by group or others (mode 0777)"),
                refusal(linked.toString()));
    }

    @Test
    void aStickyAncestorLikeTmpIsTrusted() throws Exception {
        Path sticky = root.resolve("sticky");
        Files.createDirectory(sticky);
        Files.setPosixFilePermissions(sticky, PosixFilePermissions.fromString("rwxrwxrwx"));
        new ProcessBuilder("chmod", "+t", sticky.toString()).start().waitFor();
        Path dir = Files.createDirectory(sticky.resolve("sbin"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("postconf"), WORKING);
        Files.setPosixFilePermissions(dir.resolve("postconf"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(Optional.of(dir.toRealPath()), choose(dir.toString(), Map.of(), List.of()).directory());
        // ...but not as the directory itself.
        Files.move(dir.resolve("postconf"), sticky.resolve("postconf"));
        assertTrue(refusal(sticky.toString()).contains(" is writable by group or others (mode 1777)"));
    }

    @Test
    void aNamedPostconfMustWorkAndItsAnswersAreKept() throws Exception {
        PostfixInstallation works = choose(programs("works", WORKING).toString(), Map.of(), List.of())
                .installation(new BuiltinPostfix37());
        assertEquals("9.9.9", works.mailVersion());
        assertEquals(Optional.of(root.resolve("works").toRealPath()), works.programDirectory());
        Path broken = programs("broken", BROKEN);
        PostfixPrograms named = choose(broken.toString(), Map.of(), List.of());
        String message = assertThrows(PftlsException.class, () -> named.installation(new BuiltinPostfix37()))
                .getMessage();
        assertEquals("--postfix-bin " + broken + ": " + broken.toRealPath().resolve("postconf") + " does not work"
                + " (postconf -d failed: postconf: fatal: broken on purpose); name the directory of a working Postfix"
                + " installation's programs", message);
        // Found in a standard place (not named): as before, the built-in defaults answer for it.
        PostfixInstallation fallback = choose(null, Map.of(), List.of(broken)).installation(new BuiltinPostfix37());
        assertEquals("3.7.11", fallback.mailVersion());
    }

    @Test
    void withoutDashCTheInstanceIsTheNamedInstallationsConfigDirectory() throws Exception {
        Path etc = Files.createDirectory(root.resolve("etc"));
        Files.write(etc.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        Path bin = programs("named", "#!/bin/sh\ncase \"$1\" in -d) echo 'mail_version = 9.9.9';"
                + " echo 'config_directory = " + etc + "';; esac\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream discard = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CommandContext ctx = CommandContext.system(new PrintStream(out, true, StandardCharsets.UTF_8), discard,
                Map.of("PFTLS_POSTFIX_BIN", bin.toString()));
        new Cli(ctx).run("status");
        String status = out.toString(StandardCharsets.UTF_8);
        assertTrue(status.startsWith("Configuration directory: " + etc + "\nPostfix:                 9.9.9 (programs in "
                + bin.toRealPath() + ")\n"), status);
    }

    @Test
    void theCommandLineRefusesWithOneFatalLine() throws Exception {
        Files.createDirectories(tmp.resolve("etc"));
        Sandbox s = Sandbox.withSample(tmp.resolve("etc"), "debian-fresh.cf");
        Path missing = root.resolve("missing");
        for (String subcommand : List.of("all-default-client", "status", "enable-client")) {
            Sandbox.Run r = s.runRaw("--postfix-bin", missing.toString(), "-c", s.dir().toString(), subcommand);
            assertEquals(1, r.status(), subcommand);
            assertEquals("pftls: fatal: --postfix-bin " + missing + ": no such directory; name the directory that holds"
                    + " the programs of the Postfix that owns the instance (postconf, postfix, postlog), e.g."
                    + " --postfix-bin /usr/sbin\n", r.err(), subcommand);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream discard = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CommandContext ctx = new CommandContext(discard, new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("PFTLS_POSTFIX_BIN", programs("broken", BROKEN).toString()), s::ports);
        assertEquals(1, new Cli(ctx).run("-c", s.dir().toString(), "all-default-server"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("pftls: fatal: PFTLS_POSTFIX_BIN="),
                err.toString(StandardCharsets.UTF_8));
    }
}
