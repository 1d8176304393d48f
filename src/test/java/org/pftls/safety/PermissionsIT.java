package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pftls.testing.Sandbox;

/**
 * Missing permissions, for real: the launcher runs as an unprivileged user (as root, the test runs
 * it as nobody through setpriv; root itself ignores file modes) on a read-only main.cf, a
 * read-only directory, an unreadable main.cf, key or certificate. Each is refused with one
 * "pftls: fatal:" line naming the problem and the fix, exit status 1, every file as it was; a dry
 * run fails the same way.
 */
class PermissionsIT {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    static Path shared;
    @TempDir
    Path work;

    private static Path script;

    /** A copy of the launcher and jars that the unprivileged user can read. */
    @BeforeAll
    static void installForNobody() throws IOException {
        Path built = Launcher.script();
        if (ROOT) {
            Launcher.require("setpriv", "util-linux");
        }
        Path app = shared.resolve("app");
        Files.createDirectories(app.resolve("dist"));
        Files.createDirectories(app.resolve("target/lib"));
        Files.copy(built, app.resolve("dist/pftls"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Launcher.project().resolve("target/pftls.jar"), app.resolve("target/pftls.jar"));
        try (Stream<Path> libs = Files.list(Launcher.project().resolve("target/lib"))) {
            for (Path lib : (Iterable<Path>) libs::iterator) {
                Files.copy(lib, app.resolve("target/lib").resolve(lib.getFileName()));
            }
        }
        try (Stream<Path> all = Files.walk(shared)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) || p.endsWith("pftls") ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        script = app.resolve("dist/pftls");
    }

    /** Prepares the instance directory (files owned by the unprivileged user) before the run. */
    interface Setup {
        void prepare(Path dir) throws Exception;
    }

    static Arguments refused(String expected, Setup setup, String... args) {
        return Arguments.of(String.join(" ", args) + " -> " + expected, expected, setup, args);
    }

    static Setup mode(String file, String mode) {
        return dir -> Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString(mode));
    }

    static Setup pair() {
        return dir -> {
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj",
                    "/CN=mail.example.org", "-addext", "subjectAltName=DNS:mail.example.org", "-days", "3650").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, p.waitFor());
        };
    }

    static Setup both(Setup a, Setup b) {
        return dir -> {
            a.prepare(dir);
            b.prepare(dir);
        };
    }

    static Stream<Arguments> cases() {
        String denied = "cannot open DIR/main.cf for writing: Permission denied; run pftls as root (or as the owner of"
                + " main.cf)";
        String dirDenied = "Permission denied; run pftls as root, or make DIR writable";
        return Stream.of(
                refused(denied, mode("main.cf", "r--r--r--"), "enable-server", "-a", "ecdsa"),
                refused(denied, mode("main.cf", "r--r--r--"), "enable-client", "--dry-run"),
                refused(denied, mode("main.cf", "r--r--r--"), "rollback", "--yes"),
                refused(denied, mode("main.cf", "---------"), "new-server-key"),
                refused("cannot read DIR/main.cf: Permission denied; give the Postfix configuration directory with -c"
                        + " DIR, or run pftls as root".replace(" DIR,", " @,"), mode("main.cf", "---------"), "enable-server", "--dry-run"),
                refused("cannot create private key file DIR/eckey-", mode(".", "r-xr-xr-x"), "enable-server", "-a",
                        "ecdsa"),
                refused(dirDenied, mode(".", "r-xr-xr-x"), "enable-server", "-a", "ecdsa"),
                refused("cannot create private key file DIR/key-", mode(".", "r-xr-xr-x"), "new-server-key",
                        "--dry-run"),
                refused("cannot back up DIR/main.cf to DIR/main.cf.pftls-", mode(".", "r-xr-xr-x"), "enable-client"),
                refused("Permission denied; nothing was changed; run pftls as root, or make DIR writable",
                        mode(".", "r-xr-xr-x"), "enable-client", "--dry-run"),
                refused("no private key found in file: DIR/key.pem (Permission denied)",
                        both(pair(), mode("key.pem", "---------")), "deploy-server-cert", "cert.pem", "key.pem"),
                refused("cannot read certificate file DIR/cert.pem (Permission denied)",
                        both(pair(), mode("cert.pem", "---------")), "deploy-server-cert", "cert.pem", "key.pem"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithOneLineAndNoChange(String title, String expected, Setup setup, String[] args) throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = Files.createDirectory(work.resolve("postfix"));
        Files.write(dir.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        Files.setLastModifiedTime(dir.resolve("main.cf"), FileTime.from(Instant.now().minusSeconds(3600)));
        if (args[0].equals("rollback")) {
            Launcher.Result r = Launcher.run(dir, "enable-client");
            assertEquals(0, r.status(), r.err());
            Files.setLastModifiedTime(dir.resolve("main.cf"), FileTime.from(Instant.now().minusSeconds(3600)));
        }
        setup.prepare(dir);
        if (ROOT) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Files.setOwner(p, users.lookupPrincipalByName("nobody"));
                }
            }
        }
        Map<String, String> before = Scratch.snapshot(dir, true);

        List<String> prefix = new ArrayList<>();
        if (ROOT) {
            prefix.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        }
        prefix.add("sh"); // the copy is under /tmp, which may be mounted noexec
        ProcessBuilder pb = Launcher.builder(prefix, script, dir, Map.of("HOME", "/tmp"), args);
        Launcher.Result r = Launcher.run(pb);
        assertEquals(before, Scratch.snapshot(dir, true), "no file changed");
        assertEquals(1, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("pftls: fatal: "), lines.get(0));
        assertTrue(lines.get(0).contains(expected.replace("DIR", dir.toString()).replace(" @,", " DIR,")),
                "expected '" + expected + "' in: "
                + lines.get(0));
        assertEquals("", r.out());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
