package org.pftls.engine.plan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;
import org.pftls.engine.ports.FileStore;

/**
 * Names of the copies of main.cf that pftls keeps before replacing it: {@code main.cf.pftls-}
 * + UTC {@code yyyymmdd-hhmmss}, with {@code -2}, {@code -3}, ... when that name is taken (two
 * changes in one second). A name is never reused, so a backup is never overwritten.
 */
public final class Backups {
    public static final String PREFIX = "main.cf.pftls-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "[0-9]{8}-[0-9]{6}(-[0-9]+)?");
    private static final int MAX_SUFFIX = 10_000;

    private Backups() {
    }

    /** The first free backup name for a change made at {@code now}. */
    public static Path nextName(FileStore files, Path configDirectory, Instant now) {
        String base = PREFIX + UtcText.fileStamp(now);
        Path p = configDirectory.resolve(base);
        for (int n = 2; files.exists(p) && n < MAX_SUFFIX; n++) {
            p = configDirectory.resolve(base + "-" + n);
        }
        return p;
    }

    /** True for a file name pftls gives backups. */
    public static boolean isBackupName(String fileName) {
        return NAME.matcher(fileName).matches();
    }
}
