package org.pftls.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.ports.PostfixInstallation;

/**
 * Which Postfix instance a command works on: {@code -c DIR}, else {@code $MAIL_CONFIG}, else the
 * installed Postfix's {@code config_directory}, else {@code /etc/postfix}; or, with {@code --demo},
 * a new throw-away sandbox with a Debian-like main.cf.
 */
final class InstanceLocation {
    private static final String DEMO_RESOURCE = "/org/pftls/cli/demo-main.cf";

    private final Map<String, String> env;
    private final PrintStream err;
    private Path configDirectory;
    private boolean demo;

    InstanceLocation(Map<String, String> env, PrintStream err) {
        this.env = env;
        this.err = err;
    }

    /** -c DIR, else $MAIL_CONFIG; else decided later, when it is needed (asking postconf costs a process). */
    void choose(String option) {
        if (option != null && !option.isEmpty()) {
            configDirectory = Path.of(option).toAbsolutePath().normalize();
        } else if (env.get("MAIL_CONFIG") != null && !env.get("MAIL_CONFIG").isEmpty()) {
            configDirectory = Path.of(env.get("MAIL_CONFIG")).toAbsolutePath().normalize();
        } else {
            configDirectory = null;
        }
    }

    /** Makes a throw-away instance with a Debian-like main.cf and says where it is. */
    void startDemo() throws PftlsException {
        demo = true;
        try {
            String tmp = env.get("TMPDIR");
            Path dir = tmp == null || tmp.isEmpty() ? Files.createTempDirectory("pftls-demo-")
                    : Files.createTempDirectory(Path.of(tmp), "pftls-demo-");
            try (InputStream in = InstanceLocation.class.getResourceAsStream(DEMO_RESOURCE)) {
                Files.write(dir.resolve("main.cf"), in.readAllBytes());
            }
            configDirectory = dir;
            err.println("pftls: demo sandbox: " + dir + " (a throw-away Postfix configuration with the built-in"
                    + " defaults of " + org.pftls.engine.config.BuiltinPostfix37.MODEL + "; nothing else is touched)");
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot create the demo sandbox: " + e.getMessage()
                    + "; set TMPDIR to a writable directory", e);
        }
    }

    boolean demo() {
        return demo;
    }

    /** The chosen directory; without -c or $MAIL_CONFIG, the installed Postfix's config_directory. */
    Path configDirectory(PostfixInstallation postfix) {
        if (configDirectory == null) {
            configDirectory = postfix.installed()
                    ? Path.of(postfix.defaultValue("config_directory").orElse("/etc/postfix"))
                    : Path.of("/etc/postfix");
        }
        return configDirectory;
    }

    /** Whether the instance is the one pftls finds without -c (then messages need not name it). */
    boolean isDefault(PostfixInstallation postfix) {
        Path chosen = configDirectory(postfix);
        Path found = postfix.installed() ? Path.of(postfix.defaultValue("config_directory").orElse("/etc/postfix"))
                : Path.of("/etc/postfix");
        return !demo && chosen.equals(found);
    }
}
