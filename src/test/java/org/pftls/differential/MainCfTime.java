package org.pftls.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * Postfix waits until main.cf is two seconds old before it reads it ("hot" file). Setting the
 * modification time one minute back before every Postfix run avoids that wait.
 */
final class MainCfTime {
    private MainCfTime() {
    }

    static void backdate(Path configDirectory) {
        Path mainCf = configDirectory.resolve("main.cf");
        try {
            if (Files.exists(mainCf)) {
                Files.setLastModifiedTime(mainCf, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
