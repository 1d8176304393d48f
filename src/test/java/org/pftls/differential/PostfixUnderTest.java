package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pftls.engine.version.PostfixVersion;

/**
 * One Postfix installation the per-version tests run against: Debian's own in /usr/sbin, or an
 * upstream version built by {@code .ci/build-postfix} into /opt/postfix-VERSION. Knows its programs
 * and the differences between versions that the tests have to allow for.
 *
 * @param version the mail_version it must report (checked by {@link #check})
 * @param sbin    the directory of its programs (command_directory)
 * @param debian  whether it is the distribution's package (found by pftls in /usr/sbin on its own)
 */
public record PostfixUnderTest(String version, Path sbin, boolean debian) {

    public Path postfix() {
        return sbin.resolve("postfix");
    }

    public Path postconf() {
        return sbin.resolve("postconf");
    }

    public PostfixVersion parsed() {
        return PostfixVersion.of(version);
    }

    /**
     * The environment pftls runs with for this version: {@code PFTLS_POSTFIX_BIN} names an upstream
     * build; Debian's is found in /usr/sbin without it (the default search).
     */
    public Map<String, String> pftlsEnvironment() {
        return debian ? Map.of() : Map.of("PFTLS_POSTFIX_BIN", sbin.toString());
    }

    /**
     * Whether {@code postconf -e} glues the first appended line onto a last line without newline:
     * fixed in 3.7.15, 3.8.10, 3.9.4 and 3.10.2 (postfix-src/README.md).
     */
    boolean gluesToMissingFinalNewline() {
        PostfixVersion v = parsed();
        for (String fixed : List.of("3.7.15", "3.8.10", "3.9.4", "3.10.2")) {
            PostfixVersion f = PostfixVersion.of(fixed);
            if (v.major() == f.major() && v.minor() == f.minor()) {
                return v.compareTo(f) < 0;
            }
        }
        return v.compareTo(PostfixVersion.of("3.7")) < 0;
    }

    /** Whether main.cf's default_cache_db_type exists (3.11+). */
    boolean hasDefaultCacheDbType() {
        return parsed().atLeast(PostfixVersion.V3_11);
    }

    /** Fails, saying how to get it, unless this installation is there and reports its version. */
    public void check() {
        String fix = debian ? "install Debian's postfix: apt-get install postfix (see .ci/run)"
                : "build it as root with .ci/build-postfix " + version + " (needs the Postfix sources: see .ci/build-postfix)";
        for (Path program : List.of(postconf(), postfix(), sbin.resolve("postlog"))) {
            if (!Files.isExecutable(program)) {
                fail(program + " is missing: " + fix);
            }
        }
        ExternalCommand.Result r = ExternalCommand.run(List.of(postconf().toString(), "-dh", "mail_version"));
        if (r.status() != 0 || !r.outText().trim().equals(version)) {
            fail(postconf() + " reports mail_version " + r.outText().trim() + " (exit status " + r.status()
                    + "), not " + version + ": " + fix);
        }
    }

    @Override
    public String toString() {
        return "Postfix " + version + (debian ? " (Debian)" : "");
    }
}
