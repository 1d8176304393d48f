package org.pftls.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.config.BuiltinPostfix37;

/**
 * postconf answers (here small shell scripts; the real ones of every version: {@link PostconfInstallationIT}),
 * and its failures and hangs fall back to the built-in table, in time.
 */
class PostconfInstallationTest {
    @TempDir
    Path dir;

    private Path fakePostconf(String body) throws Exception {
        Path script = dir.resolve("postconf");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void parsesWhatPostconfPrints() throws Exception {
        PostconfInstallation postconf = new PostconfInstallation(fakePostconf(
                "case \"$1\" in -d) echo 'mail_version = 9.9.9'; echo 'smtpd_tls_loglevel = 7';;"
                        + " -c) printf 'btree\\nhash\\n';; esac"), new BuiltinPostfix37());
        assertEquals("9.9.9", postconf.mailVersion());
        assertEquals(Optional.of("7"), postconf.defaultValue("smtpd_tls_loglevel"));
        assertEquals(List.of("btree", "hash"), postconf.mapTypes(dir));
    }

    @Test
    void aFailingPostconfGivesTheBuiltInAnswers() throws Exception {
        PostconfInstallation postconf = new PostconfInstallation(fakePostconf("echo 'mail_version = 9'; exit 1"),
                new BuiltinPostfix37());
        assertEquals(new BuiltinPostfix37().mailVersion(), postconf.mailVersion());
    }

    @Test
    void aHangingPostconfIsKilledAndTheBuiltInAnswersUsed() throws Exception {
        PostconfInstallation postconf = new PostconfInstallation(fakePostconf("echo 'mail_version = 9'; exec sleep 30"),
                new BuiltinPostfix37(), 500);
        long start = System.nanoTime();
        assertEquals(new BuiltinPostfix37().mailVersion(), postconf.mailVersion());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 400 && millis < 5000, "took " + millis + " ms");
    }

    @Test
    void aPrefetchRunsPostconfOnceAndItsAnswerIsTheOneUsed() throws Exception {
        Path log = dir.resolve("runs");
        PostconfInstallation postconf = new PostconfInstallation(fakePostconf(
                "echo \"$@\" >> " + log + "; sleep 0.2; echo 'smtpd_tls_loglevel = 5'"), new BuiltinPostfix37());
        postconf.prefetchDefaults();
        postconf.prefetchDefaults(); // a second prefetch waits for the first and asks nothing more
        assertEquals(Optional.of("5"), postconf.defaultValue("smtpd_tls_loglevel"));
        assertEquals(Optional.empty(), postconf.defaultValue("no_such_parameter"));
        Thread.sleep(300); // any stray prefetch would have written by now
        assertEquals(List.of("-d"), Files.readAllLines(log));
    }

    @Test
    void theKeyFileDefaultsAskNoPostconfAndMapTypesAreAskedOncePerDirectory() throws Exception {
        Path log = dir.resolve("runs");
        PostconfInstallation postconf = new PostconfInstallation(fakePostconf(
                "echo \"$@\" >> " + log + "; case \"$1\" in -d) echo 'smtpd_tls_key_file = $smtpd_tls_cert_file';;"
                        + " -c) printf 'btree\\n';; esac"), new BuiltinPostfix37());
        assertEquals(Optional.of("$smtpd_tls_eccert_file"), postconf.defaultValue("smtpd_tls_eckey_file"));
        assertEquals(Optional.of(""), postconf.defaultValue("smtpd_tls_cert_file"));
        assertFalse(Files.exists(log), "no postconf run for the defaults every version shares");
        assertEquals(List.of("btree"), postconf.mapTypes(dir));
        assertEquals(List.of("btree"), postconf.mapTypes(dir));
        assertEquals(List.of("-c " + dir + " -m"), Files.readAllLines(log), "postconf -m once");
        Path other = Files.createDirectory(dir.resolve("other"));
        assertEquals(List.of("btree"), postconf.mapTypes(other));
        assertEquals(2, Files.readAllLines(log).size(), "another directory is asked on its own");
    }
}
