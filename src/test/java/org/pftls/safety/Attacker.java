package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An unprivileged local user (nobody, through setpriv) attacking a directory it can write while
 * root runs pftls there: {@code inotifywait} reports every file created in it, and a perl loop (no
 * process per event, so it is fast) replaces each of pftls's temporary files
 * ({@code .NAME.pftls-RANDOM.tmp}) by a symlink to a victim file, the attack of issue #13 that
 * made root chmod or chown the victim. The watch is proved active before the attack starts (a
 * probe file must be seen). Root, setpriv, inotify-tools and perl are required: the test fails
 * without them.
 */
final class Attacker implements AutoCloseable {
    static final String NOBODY = "65534";

    /** The user id the attacker runs as. */
    static final int UID = 65534;

    private static final String SWAPPER = "$| = 1; my ($dir, $victim) = @ARGV; my %seen;"
            + " while (my $f = <STDIN>) { chomp $f;"
            + "   if ($f eq '.probe') { print \"ready\\n\"; next; }"
            + "   if ($f =~ /^\\..*\\.pftls-[0-9a-f]+\\.tmp$/ && !$seen{$f}++ && unlink(\"$dir/$f\")) {"
            + "     symlink($victim, \"$dir/$f\"); print \"swapped $f\\n\"; } }";

    private final Process process;
    private final AtomicInteger swaps = new AtomicInteger();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private Attacker(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("swapped ")) {
                        swaps.incrementAndGet();
                    }
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the attacker was stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Fails unless the test runs as root with the programs an attack needs. */
    static void requireRootAndTools() {
        assertEquals("root", System.getProperty("user.name"), "this test runs pftls as root against an unprivileged"
                + " attacker: run it as root (CI does)");
        Launcher.require("setpriv", "util-linux");
        Launcher.require("inotifywait", "inotify-tools");
        Launcher.require("perl", "perl-base");
    }

    /** The command prefix that runs a program as nobody. */
    static List<String> asNobody() {
        return List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
    }

    /** Starts swapping pftls's temporary files in {@code dir} for symlinks to {@code victim}. */
    static Attacker swapTemporaries(Path dir, Path victim) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(asNobody());
        cmd.addAll(List.of("sh", "-c", "inotifywait -m -q -e create --format %f \"$1\" | perl -e \"$2\" \"$1\" \"$3\"",
                "attacker", dir.toString(), SWAPPER, victim.toString()));
        Attacker a = new Attacker(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        a.awaitWatching(dir);
        return a;
    }

    /** Creates a probe file until the attacker reports it: the watch is then in place. */
    private void awaitWatching(Path dir) throws IOException, InterruptedException {
        Path probe = dir.resolve(".probe");
        for (int i = 0; i < 100; i++) {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if ("ready".equals(line)) {
                Files.deleteIfExists(probe);
                return;
            }
            assertTrue(process.isAlive(), "the attacker died: " + lines);
        }
        fail("the attacker's inotify watch on " + dir + " never became active");
    }

    /** chown USER (by name: ids differ between systems). */
    static void owner(Path p, String user) throws IOException {
        Files.setOwner(p, p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user));
    }

    /** chgrp GROUP. */
    static void group(Path p, String group) throws IOException {
        Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setGroup(p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group));
    }

    /** How many temporary files the attacker replaced so far. */
    int swaps() {
        return swaps.get();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
