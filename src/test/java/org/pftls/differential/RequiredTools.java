package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real programs the differential tests compare with. A missing one fails the test with what
 * to install; the tests never skip. Which Postfix: {@link PostfixUnderTest}.
 */
final class RequiredTools {
    static final Path OPENSSL = Path.of("/usr/bin/openssl");
    static final Path SCRIPT = Path.of("/usr/bin/script");
    /** Debian's programs (for tests that do not run per version). */
    static final Path POSTFIX = PostfixVersions.DEBIAN_SBIN.resolve("postfix");
    static final Path POSTCONF = PostfixVersions.DEBIAN_SBIN.resolve("postconf");

    private RequiredTools() {
    }

    /** Fails unless Debian's Postfix, OpenSSL, script(1) and root privileges are there. */
    static void check() {
        check(PostfixVersions.debian());
    }

    /** Fails unless this Postfix, OpenSSL, script(1) and root privileges are there. */
    static void check(PostfixUnderTest postfix) {
        postfix.check();
        executable(OPENSSL, "install OpenSSL: apt-get install openssl");
        executable(SCRIPT, "install script(1): apt-get install bsdutils");
        try {
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
