package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The built launcher and jar, as an installed user would run them. */
public final class Launcher {
    private Launcher() {
    }

    /** dist/pftls, after checking that "mvn package" built the jar it starts. */
    public static Path pftls() {
        Path launcher = Path.of("dist/pftls").toAbsolutePath();
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(Path.of("target/pftls.jar"))) {
            fail("dist/pftls or target/pftls.jar is missing: run the integration tests with mvn verify"
                    + " (they need the packaged jar)");
        }
        return launcher;
    }
}
