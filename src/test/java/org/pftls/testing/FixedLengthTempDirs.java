package org.pftls.testing;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * The factory of every {@code @TempDir} (named in junit-platform.properties): directories named
 * {@code /tmp/junit-} and 20 digits, always the same length.
 *
 * <p>JUnit's default names end in a random number of 18 to 20 digits, and the wizards wrap their
 * text at the terminal's width, so a message naming a path broke its lines in different places from
 * run to run, and a test could pass on one run and fail on the next. With one length the text the
 * tests read is the same on every run and every machine. {@code /tmp} rather than
 * {@code java.io.tmpdir} for the same reason (on Linux they are the same unless someone sets it).
 */
public final class FixedLengthTempDirs implements TempDirFactory {
    private static final Path BASE = Path.of("/tmp");
    private static final long TEN_DIGITS = 10_000_000_000L;
    private final SecureRandom random = new SecureRandom();

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws Exception {
        for (int attempt = 0; ; attempt++) {
            String digits = String.format("%010d%010d", Math.floorMod(random.nextLong(), TEN_DIGITS),
                    Math.floorMod(random.nextLong(), TEN_DIGITS));
            try {
                return Files.createDirectory(BASE.resolve("junit-" + digits));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
