package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real programs the differential tests compare with. A missing one fails the test with what
 * to install; the tests never skip.
 */
final class RequiredTools {
    static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    static final Path POSTCONF = Path.of("/usr/sbin/postconf");
    static final Path OPENSSL = Path.of("/usr/bin/openssl");
    static final Path SCRIPT = Path.of("/usr/bin/script");
    static final Path MAILNAME = Path.of("/etc/mailname");

    private RequiredTools() {
    }

    /** Fails unless Postfix, OpenSSL, script(1), /etc/mailname and root privileges are there. */
    static void check() {
        executable(POSTFIX, "install Postfix: apt-get install postfix (see .ci/run)");
        executable(POSTCONF, "install Postfix: apt-get install postfix (see .ci/run)");
        executable(OPENSSL, "install OpenSSL: apt-get install openssl");
        executable(SCRIPT, "install script(1): apt-get install bsdutils");
        try {
            if (!Files.isRegularFile(MAILNAME) || Files.size(MAILNAME) == 0) {
                fail(MAILNAME + " is missing or empty: postfix(1) needs it (myorigin = /etc/mailname);"
                        + " create it with: hostname --fqdn > /etc/mailname (.ci/run does this)");
            }
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                fail("these tests run the real postfix(1), which only root may run: run them as root (CI does)");
            }
        } catch (IOException e) {
            fail("cannot check the test environment: " + e);
        }
    }

    private static void executable(Path tool, String fix) {
        if (!Files.isExecutable(tool)) {
            fail(tool + " is missing: " + fix);
        }
    }
}
