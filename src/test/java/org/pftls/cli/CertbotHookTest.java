package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;

/**
 * {@code pftls certbot-hook}: the deploy hook is created root-only and executable, complete, never
 * over another file; --dry-run shows it; a missing or unsafe hook directory is refused.
 */
class CertbotHookTest {
    @TempDir
    Path dir;
    @TempDir
    Path le;

    private Path hooks() throws Exception {
        return Files.createDirectories(le.resolve("renewal-hooks/deploy"));
    }

    private Path hook() {
        return le.resolve("renewal-hooks/deploy/pftls-postfix" + dir.toString().replace('/', '-'));
    }

    private Run run(Sandbox s, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "certbot-hook";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--letsencrypt-dir";
        all[args.length + 2] = le.toString();
        return s.run(all);
    }

    @Test
    void installsAnExecutableRootOnlyHookThatReloadsAndChecks() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        hooks();
        Run none = run(s);
        assertEquals(1, none.status());
        assertEquals("No certbot deploy hook at " + hook() + "; install it with: pftls -c " + dir
                + " certbot-hook --install\n", none.out());

        Run r = run(s, "--install");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("pftls: Installed the certbot deploy hook " + hook() + ".",
                "pftls: After each renewal it reloads Postfix (when it is running) and checks the deployed"
                        + " certificates with pftls status; certbot logs the result."), r.err().lines().toList());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hook())));
        assertEquals(String.join("\n",
                "#!/bin/sh",
                "# certbot deploy hook, installed by: pftls -c " + dir + " certbot-hook --install",
                "# certbot runs it after each renewal. Postfix reads its certificates only when it starts or",
                "# reloads: reload it (when it is running), then check the deployed certificates and chains",
                "# (pftls status exits 1 when it finds a problem; certbot logs its report).",
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "export PATH",
                "if '/usr/sbin/postfix' -c '" + dir + "' status >/dev/null 2>&1; then",
                "    '/usr/sbin/postfix' -c '" + dir + "' reload || exit 1",
                "fi",
                "exec pftls -c '" + dir + "' status --letsencrypt-dir '" + le + "'",
                ""), Files.readString(hook()));
        try (var left = Files.list(hooks())) {
            assertEquals(List.of(hook()), left.toList(), "no temporary file left");
        }
        assertEquals(0, run(s).status());

        Map<String, String> before = s.snapshot();
        byte[] content = Files.readAllBytes(hook());
        Run again = run(s, "--install");
        assertEquals(0, again.status());
        assertEquals("pftls: The certbot deploy hook " + hook() + " is already installed.\n", again.err());
        assertEquals(before, s.snapshot());
        assertEquals(new String(content), Files.readString(hook()));
    }

    @Test
    void dryRunShowsTheFileAndCreatesNothing() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        hooks();
        Run r = run(s, "--install", "--dry-run");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("  0700  certbot hook  " + hook() + "\n"), r.out());
        assertTrue(r.out().contains("  | Installed the certbot deploy hook " + hook() + ".\n"), r.out());
        assertFalse(Files.exists(hook()));
    }

    @Test
    void neverOverwritesAnotherFile() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        hooks();
        Files.writeString(hook(), "#!/bin/sh\necho mine\n");
        Run r = run(s, "--install");
        assertEquals(1, r.status());
        assertEquals("pftls: fatal: " + hook() + " exists and is not the hook pftls would install (pftls never"
                + " overwrites a file); move it away and run pftls certbot-hook --install again\n", r.err());
        assertEquals("#!/bin/sh\necho mine\n", Files.readString(hook()));
    }

    @Test
    void refusesAMissingOrUnsafeHookDirectory() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Run missing = run(s, "--install");
        assertEquals(1, missing.status());
        assertEquals("pftls: fatal: certbot's deploy hook directory " + le.resolve("renewal-hooks/deploy")
                + " does not exist; install certbot and get a certificate first (certbot makes it), or give certbot's"
                + " configuration directory with --letsencrypt-dir DIR\n", missing.err());
        assertFalse(Files.exists(le.resolve("renewal-hooks")));

        Path hooks = hooks();
        Files.setPosixFilePermissions(hooks, PosixFilePermissions.fromString("rwxrwxr-x"));
        Run unsafe = run(s, "--install");
        assertEquals(1, unsafe.status());
        assertEquals("pftls: fatal: " + hooks + " can be changed by group or others (mode 0775), so certbot would run"
                + " whatever they put there as root; fix: chmod go-w " + hooks + "\n", unsafe.err());
        assertFalse(Files.exists(hook()));
    }

    @Test
    void theDefaultInstanceGetsAPlainName() {
        assertEquals("pftls-postfix", org.pftls.engine.tls.CertbotHook.fileName(Path.of("/etc/postfix")));
        assertEquals("pftls-postfix-srv-postfix-out", org.pftls.engine.tls.CertbotHook.fileName(
                Path.of("/srv/postfix-out")));
    }
}
