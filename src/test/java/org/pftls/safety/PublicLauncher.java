package org.pftls.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** A copy of the launcher and jars that any user can read and run (with sh: /tmp may be noexec). */
final class PublicLauncher {
    private PublicLauncher() {
    }

    /** Copies dist/pftls, target/pftls.jar and target/lib under {@code app}; returns the launcher. */
    static Path install(Path app) throws IOException {
        Path built = Launcher.script();
        Files.createDirectories(app.resolve("dist"));
        Files.createDirectories(app.resolve("target/lib"));
        Files.copy(built, app.resolve("dist/pftls"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Launcher.project().resolve("target/pftls.jar"), app.resolve("target/pftls.jar"));
        try (Stream<Path> libs = Files.list(Launcher.project().resolve("target/lib"))) {
            for (Path lib : (Iterable<Path>) libs::iterator) {
                Files.copy(lib, app.resolve("target/lib").resolve(lib.getFileName()));
            }
        }
        for (Path p = app; p != null && !p.equals(p.getRoot()); p = p.getParent()) {
            if (Files.getOwner(p).getName().equals("root") && p.startsWith(System.getProperty("java.io.tmpdir"))
                    && !p.equals(Path.of(System.getProperty("java.io.tmpdir")))) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        try (Stream<Path> all = Files.walk(app)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) || p.endsWith("pftls") ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return app.resolve("dist/pftls");
    }
}
