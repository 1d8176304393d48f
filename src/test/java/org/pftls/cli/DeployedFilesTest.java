package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;

/**
 * Issue #13, finding 5: deploy-server-cert checks the files Postfix will open, which are the
 * names as main.cf holds them ($name expanded, leading and trailing blanks gone), not the names as
 * typed. Before, '$mail_name/c.pem' was checked literally and deployed expanded, and a trailing
 * blank made pftls check one file and deploy another.
 */
class DeployedFilesTest {
    private static final String KEY = "eckey-20261125-120000.pem";
    private static final String CERT = "eccert-20261125-120000.pem";

    @TempDir
    Path dir;

    private Sandbox withKeyPair() {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
        return s;
    }

    @Test
    void aDollarNameIsCheckedAsPostfixExpandsIt() throws Exception {
        Sandbox s = withKeyPair();
        Files.createDirectory(dir.resolve("Postfix"));
        Files.move(dir.resolve(CERT), dir.resolve("Postfix/c.pem"));
        Files.writeString(dir.resolve("$mail_name"), "not a directory"); // the literal name: never read
        Run r = s.run("deploy-server-cert", "$mail_name/c.pem", KEY);
        assertEquals(0, r.status(), r.err());
        assertTrue(s.mainCfText().contains("\nsmtpd_tls_eccert_file = " + dir + "/$mail_name/c.pem\n"),
                "main.cf holds what was given, as postfix tls writes it");
        assertTrue(r.err().contains("pftls: warning: main.cf gets smtpd_tls_eccert_file = " + dir
                + "/$mail_name/c.pem, which Postfix reads as the file " + dir + "/Postfix/c.pem; that is the file pftls"
                + " checked"), r.err());
    }

    @Test
    void aDollarNameThatLeadsNowhereIsRefused() {
        Sandbox s = withKeyPair();
        Run r = s.run("deploy-server-cert", "$config_directory/" + CERT, KEY);
        assertEquals(1, r.status());
        assertEquals(List.of("pftls: fatal: cannot read certificate file " + dir + dir + "/" + CERT
                + " (No such file or directory); check the path"), r.err().lines().toList());
    }

    @Test
    void trailingBlanksAreGoneInMainCfSoTheFileWithoutThemIsChecked() throws Exception {
        Sandbox s = withKeyPair();
        Files.writeString(dir.resolve(CERT + " "), "not a certificate"); // what the name as typed would be
        Run r = s.run("deploy-server-cert", CERT + " ", KEY);
        assertEquals(0, r.status(), r.err());
        assertTrue(s.mainCfText().contains("\nsmtpd_tls_eccert_file = " + dir + "/" + CERT + "\n"));
        assertTrue(r.err().contains("not \"" + dir + "/" + CERT + " \" as given"), r.err());

        Files.move(dir.resolve(CERT), dir.resolve("elsewhere.pem"));
        Files.copy(dir.resolve("elsewhere.pem"), dir.resolve("c.pem "));
        r = s.run("deploy-server-cert", "c.pem ", KEY);
        assertEquals(1, r.status(), "c.pem (without the blank) is what Postfix would open, and it is missing");
        assertTrue(r.err().contains("cannot read certificate file " + dir + "/c.pem (No such file or directory)"),
                r.err());
    }

    /** New files in a directory whose name Postfix would expand: main.cf would not name them. */
    @Test
    void aDirectoryNameThatMainCfWouldExpandIsRefused() throws Exception {
        Path odd = Files.createDirectory(dir.resolve("conf$mail_name"));
        Files.write(odd.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        Run r = new Sandbox(odd).run("enable-server", "-a", "ecdsa");
        assertEquals(1, r.status(), r.err());
        assertEquals(List.of("pftls: fatal: main.cf would name the new key " + odd + "/eckey-20261125-120000.pem, but"
                + " Postfix would read that value as " + dir + "/confPostfix/eckey-20261125-120000.pem ($name expanded,"
                + " blanks trimmed): the name of " + odd + " does not survive main.cf; rename the directory"),
                r.err().lines().toList());
        try (var files = Files.list(odd)) {
            assertEquals(List.of(odd.resolve("main.cf")), files.toList(), "nothing written");
        }
    }
}
