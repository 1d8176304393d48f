package org.pftls.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.ports.PostfixInstallation;

/**
 * Which Postfix installation's programs ({@code postconf}, {@code postlog}, {@code postfix}) pftls
 * runs: those in the directory named by {@code --postfix-bin DIR}, else by the environment variable
 * {@code PFTLS_POSTFIX_BIN}, else the first of {@code /usr/sbin} and {@code /usr/local/sbin} that
 * holds {@code postconf}; none (built-in defaults) when neither does. Never anything found through
 * {@code PATH}: pftls runs as root.
 *
 * <p>Choosing costs no process, only a few {@code stat} calls: the directory is resolved (links
 * followed once, here) and it, every directory above it and {@code postconf} must belong to root
 * (or the user running pftls) and be writable by nobody else ({@link ProgramTrust}). A named
 * directory must also hold a working {@code postconf}: {@link #installation} runs
 * {@code postconf -d} once (its answers are kept: every subcommand that needs a default would run
 * it anyway) and refuses the directory when it fails. Any refusal is one {@link PftlsException}
 * line naming the problem and the fix.
 */
public final class PostfixPrograms {
    /** The environment variable naming the directory. */
    public static final String ENVIRONMENT = "PFTLS_POSTFIX_BIN";
    /** The option naming the directory. */
    public static final String OPTION = "--postfix-bin";
    /** The programs pftls runs, each checked like the directory when it is there. */
    private static final String[] PROGRAMS = {"postconf", "postlog", "postfix"};
    static final List<Path> STANDARD_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));

    private final Optional<Path> directory;
    /** How the directory was named: the option, the variable, or null when found in a standard place. */
    private final String namedBy;

    private PostfixPrograms(Optional<Path> directory, String namedBy) {
        this.directory = directory;
        this.namedBy = namedBy;
    }

    /**
     * The programs to run.
     *
     * @param option the {@code --postfix-bin} value, or null
     * @param env    the environment (for {@code PFTLS_POSTFIX_BIN})
     */
    public static PostfixPrograms choose(String option, Map<String, String> env) throws PftlsException {
        return choose(option, env, STANDARD_DIRECTORIES, ProgramTrust.forThisProcess());
    }

    static PostfixPrograms choose(String option, Map<String, String> env, List<Path> standard, ProgramTrust trust)
            throws PftlsException {
        if (option != null) {
            return named(option, OPTION + " " + option, trust);
        }
        String variable = env.get(ENVIRONMENT);
        if (variable != null && !variable.isEmpty()) {
            return named(variable, ENVIRONMENT + "=" + variable, trust);
        }
        for (Path dir : standard) {
            if (Files.isRegularFile(dir.resolve("postconf"))) {
                return trusted(dir, null, trust);
            }
        }
        return new PostfixPrograms(Optional.empty(), null);
    }

    /** No Postfix programs at all: the built-in defaults answer (tests, the demo sandbox). */
    public static PostfixPrograms none() {
        return new PostfixPrograms(Optional.empty(), null);
    }

    private static PostfixPrograms named(String value, String source, ProgramTrust trust) throws PftlsException {
        String fix = "; name the directory that holds the programs of the Postfix that owns the instance"
                + " (postconf, postfix, postlog), e.g. " + OPTION + " /usr/sbin";
        Path given = Path.of(value);
        if (!given.isAbsolute()) {
            throw new PftlsException(Kind.INPUT, source + ": not an absolute path" + fix);
        }
        if (!Files.isDirectory(given)) {
            throw new PftlsException(Kind.INPUT, source + ": no such directory" + fix);
        }
        if (!Files.isRegularFile(given.resolve("postconf")) || !Files.isExecutable(given.resolve("postconf"))) {
            throw new PftlsException(Kind.INPUT, source + ": " + given + " holds no executable postconf" + fix);
        }
        return trusted(given, source, trust);
    }

    private static PostfixPrograms trusted(Path dir, String source, ProgramTrust trust) throws PftlsException {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new PftlsException(Kind.INPUT, (source == null ? dir.toString() : source) + ": cannot resolve "
                    + dir + ": " + e.getMessage() + "; name another directory with " + OPTION);
        }
        Optional<String> problem = trust.problem(real, PROGRAMS);
        if (problem.isPresent()) {
            throw new PftlsException(Kind.CONFIG, "refusing to run the Postfix programs in " + dir
                    + (source == null ? "" : " (" + source + ")") + ", which others could replace: " + problem.get()
                    + (source == null ? ", or name a safe directory with " + OPTION : ", or name another directory"));
        }
        return new PostfixPrograms(Optional.of(real), source);
    }

    /** The directory of the programs (resolved), or empty when there are none. */
    public Optional<Path> directory() {
        return directory;
    }

    /** Whether the directory was named ({@code --postfix-bin} or {@code PFTLS_POSTFIX_BIN}). */
    public boolean named() {
        return namedBy != null;
    }

    /** A program of the installation, e.g. {@code postlog}; empty when there is none or it is not executable. */
    public Optional<Path> program(String name) {
        return directory.map(d -> d.resolve(name)).filter(Files::isExecutable);
    }

    /**
     * The port that answers for this installation: its {@code postconf}, with {@code fallback}
     * answering what postconf cannot; just {@code fallback} when there is no installation. A named
     * directory whose {@code postconf -d} fails is refused here.
     */
    public PostfixInstallation installation(PostfixInstallation fallback) throws PftlsException {
        if (directory.isEmpty()) {
            return fallback;
        }
        PostconfInstallation postconf = new PostconfInstallation(directory.get().resolve("postconf"), fallback);
        if (named()) {
            Optional<String> failure = postconf.failure();
            if (failure.isPresent()) {
                throw new PftlsException(Kind.CONFIG, namedBy + ": " + directory.get().resolve("postconf")
                        + " does not work (" + failure.get() + "); name the directory of a working Postfix"
                        + " installation's programs");
            }
        }
        return postconf;
    }

    @Override
    public String toString() {
        return directory.map(Path::toString).orElse("(none)") + (named() ? " (" + namedBy + ")" : "");
    }
}
