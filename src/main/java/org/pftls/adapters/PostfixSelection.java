package org.pftls.adapters;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.ports.PostfixInstallation;

/**
 * The Postfix installation one pftls run works with: its {@link PostfixPrograms}, chosen once the
 * command line is read ({@link #choose}), and the port that answers for it (its postconf, the
 * built-in defaults where postconf cannot answer, or the built-in defaults alone when there is no
 * Postfix). Nothing is looked at before it is needed.
 */
public final class PostfixSelection {
    private final Map<String, String> env;
    private PostfixPrograms programs;
    private PostfixInstallation installation;

    public PostfixSelection(Map<String, String> env) {
        this.env = env;
    }

    /** Chooses from {@code --postfix-bin} ({@code option}, may be null) and the environment; refuses an unusable one. */
    public void choose(String option) throws PftlsException {
        programs = PostfixPrograms.choose(option, env);
        installation = programs.installation(new BuiltinPostfix37());
    }

    /** The chosen programs; when nothing was chosen yet (tests, embedding), from the environment now. */
    public PostfixPrograms programs() {
        if (programs == null) {
            try {
                programs = PostfixPrograms.choose(null, env);
            } catch (PftlsException e) {
                programs = PostfixPrograms.none(); // untrusted: run nothing
            }
        }
        return programs;
    }

    /** The port answering for the chosen installation. */
    public PostfixInstallation installation() {
        if (installation == null) {
            Optional<Path> dir = programs().directory();
            installation = dir.isPresent() ? new PostconfInstallation(dir.get().resolve("postconf"), new BuiltinPostfix37())
                    : new BuiltinPostfix37();
        }
        return installation;
    }

    /** A program of the chosen installation, e.g. {@code postlog}, if it has an executable one. */
    public Optional<Path> program(String name) {
        return programs().program(name);
    }
}
