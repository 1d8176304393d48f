package org.pftls.safety;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.pftls.adapters.PosixFileStore;
import org.pftls.cli.Cli;
import org.pftls.cli.CommandContext;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.plan.ContentHash;
import org.pftls.engine.plan.History;
import org.pftls.engine.ports.Checkpoints;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.ports.Ports;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;

/**
 * A scratch configuration directory for the safety tests, and the real command line run
 * in-process on it with deterministic ports (as {@link Sandbox}), plus what Sandbox cannot do:
 * a wrapped file store (to inject faults), write-path checkpoints, a clock that moves, and a
 * snapshot that also sees modes, owners, inodes and change times.
 */
final class Scratch {
    private final Path dir;
    private Instant now = Sandbox.NOW;
    private long seed = 42;
    private UnaryOperator<FileStore> wrap = f -> f;
    private Checkpoints checkpoints = Checkpoints.NONE;

    Scratch(Path dir) {
        this.dir = dir;
    }

    static Scratch withSample(Path dir, String sample) {
        Scratch s = new Scratch(dir);
        s.writeMainCf(Sandbox.resource("/samples/" + sample));
        return s;
    }

    Path dir() {
        return dir;
    }

    Path mainCf() {
        return dir.resolve("main.cf");
    }

    byte[] mainCfBytes() {
        try {
            return Files.readAllBytes(mainCf());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeMainCf(byte[] content) {
        try {
            Files.write(mainCf(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the clock for the next runs. */
    Scratch at(Instant instant) {
        now = instant;
        return this;
    }

    /** Moves the clock on. */
    Scratch later(long seconds) {
        now = now.plusSeconds(seconds);
        return this;
    }

    Scratch wrap(UnaryOperator<FileStore> wrapper) {
        this.wrap = wrapper;
        return this;
    }

    Scratch checkpoints(Checkpoints c) {
        this.checkpoints = c;
        return this;
    }

    Ports ports() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed++);
            FileStore files = wrap.apply(new PosixFileStore(random, checkpoints));
            return new Ports(files, new BuiltinPostfix37(), () -> "vm", Clock.fixed(now, ZoneOffset.UTC), random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code pftls -c DIR args...} in-process; stdin is not a terminal. */
    Run run(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "-c";
        full[1] = dir.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Ports ports = ports();
        CommandContext ctx = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), () -> ports);
        int status = new Cli(ctx).run(full);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Every entry below (and including) the directory: type, mode, owner, group, size, inode,
     * modification and change times, and a hash of the content. Equal snapshots mean no byte,
     * no mode and no timestamp changed (access times aside: reading is allowed).
     */
    Map<String, String> snapshot() {
        return snapshot(dir, true);
    }

    /**
     * As {@link #snapshot()}, but without the times of the directory itself and of the history
     * file: what a failed run that had to take its own new files back away again leaves equal.
     */
    Map<String, String> contentSnapshot() {
        return snapshot(dir, false);
    }

    static Map<String, String> snapshot(Path root, boolean strict) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size,ino,lastModifiedTime,ctime",
                        LinkOption.NOFOLLOW_LINKS);
                String v = String.format("mode=%o uid=%s gid=%s size=%s", a.get("mode"), a.get("uid"), a.get("gid"),
                        a.get("size"));
                if (strict || !(p.equals(root) || p.getFileName().toString().equals(History.FILE_NAME))) {
                    v += String.format(" ino=%s mtime=%s ctime=%s", a.get("ino"), a.get("lastModifiedTime"),
                            a.get("ctime"));
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    v += " sha256=" + ContentHash.of(Files.readAllBytes(p));
                }
                m.put(root.relativize(p).toString(), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** The names in the directory, sorted. */
    java.util.List<String> names() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
