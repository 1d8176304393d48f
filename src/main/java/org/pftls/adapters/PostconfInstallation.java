package org.pftls.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.ports.PostfixInstallation;

/**
 * The installed Postfix, asked through its {@code postconf} command. Nothing runs until a question
 * is asked; {@code postconf -d} runs at most once (its whole output is cached), and so does
 * {@code postconf -T public-key-algorithms}. When postconf cannot be run or fails, the answers come
 * from the fallback (normally {@link BuiltinPostfix37}). Each run times out after 10 s; stderr is
 * discarded.
 */
public final class PostconfInstallation implements PostfixInstallation {
    private static final long TIMEOUT_MILLIS = 10_000;

    private final Path postconf;
    private final PostfixInstallation fallback;
    private final long timeoutMillis;
    /**
     * Defaults that every Postfix pftls supports (3.5 to 3.11; PostconfInstallationIT compares it with each) has
     * the same, answered without running {@code postconf -d}: the subcommands that look for the
     * deployed keys ask for them, and would otherwise each pay a postconf process for nothing.
     */
    static final Map<String, String> SAME_IN_EVERY_VERSION = Map.of(
            "smtpd_tls_cert_file", "",
            "smtpd_tls_key_file", "$smtpd_tls_cert_file",
            "smtpd_tls_eccert_file", "",
            "smtpd_tls_eckey_file", "$smtpd_tls_eccert_file");

    private Map<String, String> defaults;
    private Set<String> keyAlgorithms;
    private final Map<Path, List<String>> mapTypes = new HashMap<>();

    /**
     * @param postconf the postconf command, e.g. {@code /usr/sbin/postconf}
     * @param fallback answers when postconf cannot
     */
    public PostconfInstallation(Path postconf, PostfixInstallation fallback) {
        this(postconf, fallback, TIMEOUT_MILLIS);
    }

    /** @param timeoutMillis how long one postconf run may take (tests make it short) */
    PostconfInstallation(Path postconf, PostfixInstallation fallback, long timeoutMillis) {
        this.postconf = postconf;
        this.fallback = fallback;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public boolean installed() {
        return Files.isRegularFile(postconf) && Files.isExecutable(postconf);
    }

    @Override
    public Optional<String> defaultValue(String name) {
        Map<String, String> table;
        synchronized (this) {
            table = defaults;
        }
        if (table == null && SAME_IN_EVERY_VERSION.containsKey(name)) {
            return Optional.of(SAME_IN_EVERY_VERSION.get(name)); // no postconf -d just for this
        }
        table = defaults();
        return table == null ? fallback.defaultValue(name) : Optional.ofNullable(table.get(name));
    }

    /**
     * postconf -m: the map types of this build and of the instance's dynamicmaps.cf, asked once per
     * configuration directory (several parts of one change ask; each run is a process, and one run
     * after main.cf changed waits for postconf's "hot file" check).
     */
    @Override
    public synchronized List<String> mapTypes(Path configDirectory) {
        List<String> known = mapTypes.get(configDirectory);
        if (known != null) {
            return known;
        }
        Optional<String> out = run("-c", configDirectory.toString(), "-m");
        if (out.isEmpty()) {
            return fallback.mapTypes(configDirectory);
        }
        List<String> types = new ArrayList<>();
        for (String line : out.get().split("\n")) {
            if (!line.isBlank()) {
                types.add(line.trim());
            }
        }
        List<String> answer = List.copyOf(types);
        mapTypes.put(configDirectory, answer);
        return answer;
    }

    @Override
    public synchronized Set<String> publicKeyAlgorithms() {
        if (keyAlgorithms == null) {
            Optional<String> out = run("-T", "public-key-algorithms");
            keyAlgorithms = out.isEmpty() ? fallback.publicKeyAlgorithms()
                    : Set.copyOf(new LinkedHashSet<>(Arrays.asList(out.get().trim().split("\\s+")))
                            .stream().filter(s -> !s.isEmpty()).toList());
        }
        return keyAlgorithms;
    }

    @Override
    public String mailVersion() {
        return defaultValue("mail_version").orElseGet(fallback::mailVersion);
    }

    @Override
    public Optional<Path> programDirectory() {
        return installed() ? Optional.of(postconf.getParent()) : Optional.empty();
    }

    /**
     * Runs {@code postconf -d} now (the answer is kept for {@link #defaultValue}) and says why it
     * failed, if it did: the exit status and postconf's last line on stderr, or why it could not be
     * started. Empty when postconf works.
     */
    public Optional<String> failure() {
        if (defaults() != null) {
            return Optional.empty();
        }
        if (!installed()) {
            return Optional.of(postconf + " is not an executable file");
        }
        ProcessBuilder builder = new ProcessBuilder(postconf.toString(), "-d", "mail_version")
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process process = builder.start();
            Watchdog watchdog = new Watchdog(process, timeoutMillis);
            watchdog.start();
            String text;
            try (InputStream in = process.getInputStream()) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            process.destroyForcibly();
            watchdog.interrupt();
            String last = text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output");
            return Optional.of(watchdog.fired ? "it ran longer than " + timeoutMillis / 1000 + " s"
                    : "postconf -d failed: " + last.strip());
        } catch (IOException e) {
            return Optional.of("cannot run it: " + e.getMessage());
        }
    }

    /**
     * Starts {@code postconf -d} now in a daemon thread, so that the ~10 ms it takes (a process,
     * and ~1000 lines to parse) overlap with reading main.cf and keys instead of following them.
     * For subcommands that will certainly ask for a default; the first answer waits for it.
     */
    public void prefetchDefaults() {
        Thread prefetch = new Thread(this::defaults, "postconf-defaults");
        prefetch.setDaemon(true);
        prefetch.start();
    }

    /** postconf -d, parsed; null when postconf failed (then every answer comes from the fallback). */
    private synchronized Map<String, String> defaults() {
        if (defaults == null) {
            Optional<String> out = run("-d");
            if (out.isEmpty()) {
                return null;
            }
            defaults = Map.copyOf(BuiltinPostfix37.parseDefaults(out.get()));
        }
        return defaults;
    }

    /**
     * Runs postconf with arguments; its stdout when it exits 0 within the time limit. stdout is
     * read in this thread (stderr is discarded, so nothing else can fill a pipe); a watchdog thread
     * kills a postconf that hangs. No executor or common pool: their start-up is milliseconds that
     * every quick subcommand would pay.
     */
    private Optional<String> run(String... arguments) {
        if (!installed()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(postconf.toString());
        command.addAll(Arrays.asList(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.empty();
        }
        Watchdog watchdog = new Watchdog(process, timeoutMillis);
        watchdog.start();
        try {
            String text;
            try (InputStream in = process.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 && !watchdog.fired ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            process.destroyForcibly();
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            watchdog.interrupt();
        }
    }

    /** Kills postconf when it runs longer than the time limit (its stdout then ends). */
    private static final class Watchdog extends Thread {
        private final Process process;
        private final long millis;
        private volatile boolean fired;

        Watchdog(Process process, long millis) {
            super("postconf-watchdog");
            this.process = process;
            this.millis = millis;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Thread.sleep(millis);
                fired = true;
                process.destroyForcibly();
            } catch (InterruptedException e) {
                // finished in time
            }
        }
    }
}
