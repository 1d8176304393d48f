package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built checkout's launcher and start-up artefacts: the CDS archive matches the jar, a
 * missing or broken archive only makes pftls slower, and Bouncy Castle is unsigned.
 */
class LauncherIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    void theArchiveMatchesTheBuiltJar() {
        // -Xshare:on refuses to start unless the archive can be used with this jar and JDK.
        Command.Result r = Command.run(LIMIT, "/bin/sh", "-c", "exec \"${JAVA_HOME:+$JAVA_HOME/bin/}java\" -Xshare:on"
                + " -XX:SharedArchiveFile=" + TARGET.resolve("pftls.jsa") + " -cp " + TARGET.resolve("pftls.jar") + " org.pftls.Main"
                + " -c /nonexistent --help");
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().contains("enable-server"), r.describe());
    }

    @Test
    void theLauncherUsesTheArchive(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("classes.log");
        Command.Result r = Command.run(LIMIT, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log),
                "/bin/sh", "dist/pftls", "--help");
        assertEquals(0, r.exit(), r.describe());
        String classes = Files.readString(log);
        assertTrue(classes.contains("org.pftls.Main source: shared objects file"), "Main not from target/pftls.jsa");
        assertTrue(classes.contains("picocli.CommandLine source: shared objects file"), "picocli not archived");
    }

    @Test
    void aBrokenOrMissingArchiveChangesNothingButSpeed(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home/lib")).getParent();
        PathUtils.copyDirectory(TARGET.resolve("lib"), home.resolve("lib"));
        Files.copy(TARGET.resolve("pftls.jar"), home.resolve("pftls.jar"));
        Map<String, String> env = Map.of("PFTLS_HOME", home.toString());
        Command.Result none = Command.run(LIMIT, env, "/bin/sh", "dist/pftls", "--version");
        Files.writeString(home.resolve("pftls.jsa"), "not an archive");
        Command.Result broken = Command.run(LIMIT, env, "/bin/sh", "dist/pftls", "--version");
        // An archive made for another path (this one was made for target/) is ignored too.
        Files.copy(TARGET.resolve("pftls.jsa"), home.resolve("pftls.jsa"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Command.Result foreign = Command.run(LIMIT, env, "/bin/sh", "dist/pftls", "--version");
        for (Command.Result r : List.of(none, broken, foreign)) {
            assertEquals(0, r.exit(), r.describe());
            assertTrue(r.out().matches("pftls \\d+\\.\\d+\\.\\d+.*\n"), r.describe());
            assertEquals("", r.err(), r.describe());
        }
    }

    @Test
    void bouncyCastleIsRepackedWithoutSignatures() throws IOException {
        for (String jar : List.of("bcprov", "bcpkix", "bcutil")) {
            Path path;
            try (var s = Files.list(TARGET.resolve("lib"))) {
                path = s.filter(p -> p.getFileName().toString().startsWith(jar + "-")).findFirst().orElseThrow();
            }
            try (ZipFile zip = new ZipFile(path.toFile())) {
                List<String> signatures = zip.stream().map(e -> e.getName())
                        .filter(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")).toList();
                assertEquals(List.of(), signatures, path.toString());
                assertTrue(zip.stream().filter(e -> e.getName().endsWith(".class")).count() > 300, path + " lost its classes");
            }
        }
    }

    @Test
    void theWholeProgramRunsFromTheLauncher(@TempDir Path dir) throws IOException {
        try (var in = LauncherIT.class.getResourceAsStream("/org/pftls/cli/demo-main.cf")) {
            Files.write(dir.resolve("main.cf"), in.readAllBytes());
        }
        Command.Result r = Command.run(LIMIT, "/bin/sh", "dist/pftls", "-c", dir.toString(), "enable-server", "-a",
                "ecdsa", "--dry-run");
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().contains("eckey-") && r.out().contains("smtpd_tls_security_level"), r.describe());
    }
}
