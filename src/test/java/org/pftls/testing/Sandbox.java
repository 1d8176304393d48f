package org.pftls.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pftls.adapters.PosixFileStore;
import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.ports.PostfixInstallation;

/**
 * A throw-away Postfix configuration directory plus deterministic ports (fixed clock, seeded
 * randomness, built-in Postfix 3.7 defaults, host name "vm"), and a way to run the real command
 * line in-process against it.
 */
public final class Sandbox {
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final Path dir;
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private long seed = 42;
    private PostfixInstallation postfix = new BuiltinPostfix37();

    /** The result of one run: exit status and what was printed. */
    public record Run(int status, String out, String err) { }

    public Sandbox(Path dir) {
        this.dir = dir;
    }

    public static Sandbox withSample(Path dir, String sample) {
        Sandbox s = new Sandbox(dir);
        s.writeMainCf(resource("/samples/" + sample));
        return s;
    }

    public static byte[] resource(String name) {
        try (InputStream in = Sandbox.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path mainCf() {
        return dir.resolve("main.cf");
    }

    public void writeMainCf(byte[] content) {
        try {
            Files.write(mainCf(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String mainCfText() {
        try {
            return Files.readString(mainCf(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers as this Postfix instead of the built-in 3.7 defaults (e.g. a {@link ModelledPostfix}). */
    public Sandbox postfix(PostfixInstallation installation) {
        this.postfix = installation;
        return this;
    }

    public Sandbox clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public Ports ports() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed++);
            return new Ports(new PosixFileStore(random), postfix, () -> "vm", clock, random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code pftls -c DIR args...} in-process with this sandbox's ports. */
    public Run run(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "-c";
        full[1] = dir.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return runRaw(full);
    }

    /** Runs pftls with exactly these arguments (no -c added). */
    public Run runRaw(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Ports ports = ports();
        CommandContext ctx = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), () -> ports);
        int status = new Cli(ctx).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every file below the directory with its size, mtime and content hash: to prove nothing changed. */
    public Map<String, String> snapshot() {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                String v = a.lastModifiedTime() + " " + a.size();
                if (a.isRegularFile()) {
                    v += " " + java.util.Arrays.hashCode(Files.readAllBytes(p));
                }
                m.put(dir.relativize(p).toString(), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
