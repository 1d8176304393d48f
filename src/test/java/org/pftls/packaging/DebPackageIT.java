package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the built .deb with dpkg, uses pftls from the PATH as an operator would, then purges
 * it and checks that nothing is left behind. Needs root and dpkg (CI runs as root on Debian).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebPackageIT {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Map<String, String> PATH = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    /** Everything the package or its postinst puts on the system. */
    private static final List<Path> INSTALLED = List.of(Path.of("/usr/bin/pftls"), Path.of("/usr/share/pftls"),
            Path.of("/var/cache/pftls"), Path.of("/usr/share/man/man1/pftls.1.gz"),
            Path.of("/usr/share/bash-completion/completions/pftls"), Path.of("/usr/share/doc/pftls"));

    private static Path deb;
    private static String version;

    @BeforeAll
    static void install() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            fail("DebPackageIT installs a package: run the build as root (CI does)");
        }
        deb = builtDeb();
        version = deb.getFileName().toString().replaceAll("^pftls_(.*)_all\\.deb$", "$1");
        if (installed()) {
            fail("pftls is already installed on this machine; this test installs and purges the built package,"
                    + " so remove yours first: dpkg --purge pftls");
        }
        for (Path p : INSTALLED) {
            assertFalse(Files.exists(p), p + " exists before installing; remove it first");
        }
        Command.Result r = dpkg("-i", deb.toString());
        assertEquals(0, r.exit(), r.describe());
    }

    @AfterAll
    static void purgeIfStillInstalled() {
        if (deb != null && installed()) {
            dpkg("--purge", "pftls");
        }
    }

    @Test
    @Order(1)
    void runsFromThePathWithManPageCompletionAndArchive(@TempDir Path instance) throws IOException {
        Command.Result v = Command.run(LIMIT, PATH, "/bin/sh", "-c", "pftls --version");
        assertEquals(0, v.exit(), v.describe());
        assertEquals("pftls " + version + "\n", v.out(), v.describe());

        Command.Result help = Command.run(LIMIT, PATH, "/bin/sh", "-c", "pftls --help");
        assertEquals(0, help.exit(), help.describe());
        assertTrue(help.out().contains("enable-server") && help.out().contains("output-server-tlsa"), help.describe());

        Command.Result man = Command.run(LIMIT, PATH, "/usr/bin/man", "-w", "pftls");
        assertEquals(0, man.exit(), man.describe());
        assertEquals("/usr/share/man/man1/pftls.1.gz\n", man.out(), man.describe());

        try (InputStream in = DebPackageIT.class.getResourceAsStream("/org/pftls/cli/demo-main.cf")) {
            Files.write(instance.resolve("main.cf"), in.readAllBytes());
        }
        Command.Result sub = Command.run(LIMIT, PATH, "/bin/sh", "-c", "pftls -c \"$0\" all-default-server && "
                + "pftls -c \"$0\" enable-server --dry-run", instance.toString());
        assertEquals(0, sub.exit(), sub.describe());
        assertTrue(sub.out().contains("smtpd_tls_security_level"), sub.describe());

        assertTrue(Files.isRegularFile(Path.of("/usr/share/bash-completion/completions/pftls")));
        // postinst made the class-data sharing archive for this JDK, and it is usable (-Xshare:on
        // refuses to start with a missing, stale or foreign archive).
        Command.Result cds = Command.run(LIMIT, PATH, "/bin/sh", "-c", "java -Xshare:on"
                + " -XX:SharedArchiveFile=/var/cache/pftls/pftls.jsa -jar /usr/share/pftls/pftls.jar --version");
        assertEquals(0, cds.exit(), cds.describe());
        // ... and the installed launcher uses it: pftls's classes come from the archive.
        Path log = instance.resolve("classes.log");
        Command.Result used = Command.run(LIMIT, Map.of("PATH", PATH.get("PATH"),
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log), "/bin/sh", "-c", "pftls --help");
        assertEquals(0, used.exit(), used.describe());
        assertTrue(Files.readString(log).contains("org.pftls.Main source: shared objects file"),
                "the launcher did not use /var/cache/pftls/pftls.jsa");
    }

    @Test
    @Order(2)
    void purgeLeavesNothingBehind() {
        Command.Result purge = dpkg("--purge", "pftls");
        assertEquals(0, purge.exit(), purge.describe());
        assertFalse(installed(), "dpkg still lists pftls after --purge");
        List<Path> left = new ArrayList<>();
        for (Path p : INSTALLED) {
            if (Files.exists(p)) {
                left.add(p);
            }
        }
        assertEquals(List.of(), left, "left behind after dpkg --purge");
    }

    private static Path builtDeb() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(Path.of("target"), "pftls_*_all.deb")) {
            s.forEach(found::add);
        }
        if (found.size() != 1) {
            fail("expected one target/pftls_*_all.deb from \"mvn package\", found " + found);
        }
        return found.get(0).toAbsolutePath();
    }

    private static boolean installed() {
        Command.Result q = Command.run(LIMIT, "/usr/bin/dpkg-query", "-W", "-f=${Status}", "pftls");
        return q.exit() == 0 && q.out().contains("ok installed");
    }

    /** dpkg, retried while another dpkg or apt holds the lock. */
    private static Command.Result dpkg(String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/dpkg"));
        command.addAll(List.of(args));
        Command.Result r = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            r = Command.run(LIMIT, PATH, command.toArray(new String[0]));
            if (r.exit() == 0 || !(r.err().contains("lock") && r.err().contains("another process"))) {
                return r;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return r;
    }
}
