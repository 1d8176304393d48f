package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Postfix installations the per-version tests run against: Debian 12's 3.7.11 in /usr/sbin
 * and every upstream version listed in {@code .ci/postfix-versions}, built by
 * {@code .ci/build-postfix} into /opt/postfix-VERSION (the CI builds them before {@code mvn verify}).
 * Every one must be there: a missing one fails the test that asks for it (see
 * {@link PostfixUnderTest#check}), it is never skipped.
 *
 * <p>A JUnit parameter source, for any test that should hold on every version:
 * <pre>
 * &#64;ParameterizedTest
 * &#64;MethodSource("org.pftls.differential.PostfixVersions#all")
 * void holdsOnEveryVersion(PostfixUnderTest postfix) { postfix.check(); ... }
 * </pre>
 * The system property {@code pftls.postfix.versions} (e.g. {@code -Dpftls.postfix.versions=3.11.6,3.7.11})
 * narrows the list for a quick local run; CI leaves it unset.
 */
public final class PostfixVersions {
    /** Where Debian's package has its programs. */
    static final Path DEBIAN_SBIN = Path.of("/usr/sbin");
    /** Debian 12's version, expected when /usr/sbin/postconf cannot say (PostfixUnderTest#check then fails). */
    static final String DEBIAN_VERSION = "3.7.11";
    private static final Path LIST = Path.of(".ci/postfix-versions");
    private static final Path PREFIX_ROOT = Path.of("/opt");

    private PostfixVersions() {
    }

    /** Every version, oldest first. */
    public static Stream<PostfixUnderTest> all() {
        List<PostfixUnderTest> all = new ArrayList<>();
        all.add(debian());
        for (String v : upstreamVersions()) {
            all.add(new PostfixUnderTest(v, PREFIX_ROOT.resolve("postfix-" + v).resolve("sbin"), false));
        }
        all.sort(Comparator.comparing(PostfixUnderTest::parsed));
        String only = System.getProperty("pftls.postfix.versions", "");
        return all.stream().filter(p -> only.isBlank() || List.of(only.split(",")).contains(p.version()));
    }

    /** The oldest and the newest version (for the costlier tests, e.g. the smtpd probe). */
    public static Stream<PostfixUnderTest> oldestAndNewest() {
        List<PostfixUnderTest> all = all().toList();
        return all.size() <= 1 ? all.stream() : Stream.of(all.get(0), all.get(all.size() - 1));
    }

    /** Debian's Postfix, which pftls finds in /usr/sbin: whichever version the package has (3.7.11 today). */
    public static PostfixUnderTest debian() {
        String version = DEBIAN_VERSION;
        if (Files.isExecutable(DEBIAN_SBIN.resolve("postconf"))) {
            ExternalCommand.Result r = ExternalCommand.run(List.of(DEBIAN_SBIN.resolve("postconf").toString(), "-dh",
                    "mail_version"));
            if (r.status() == 0 && !r.outText().isBlank()) {
                version = r.outText().trim();
            }
        }
        return new PostfixUnderTest(version, DEBIAN_SBIN, true);
    }

    /** The upstream versions CI builds ({@code .ci/postfix-versions}). */
    static List<String> upstreamVersions() {
        try {
            return Files.readAllLines(LIST).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            fail("cannot read " + LIST.toAbsolutePath() + " (run the tests from the project directory): " + e);
            throw new UncheckedIOException(e);
        }
    }
}
