package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;

/**
 * A second, throw-away Postfix instance of one Postfix version ({@link PostfixUnderTest}; Debian's
 * unless given) that runs a real smtpd on a loopback port: its own
 * configuration, queue, data and log directories under one work directory, {@code inet_interfaces
 * = 127.0.0.1}, chroot off, a minimal master.cf of its own, {@code maillog_file} under a directory
 * listed in {@code maillog_file_prefixes}. Started and stopped with {@code postfix -c DIR start|stop}
 * (as root, like the tests).
 */
final class ProbeInstance implements AutoCloseable {
    static final String HOST_NAME = "probe.example";
    private static final String MASTER_CF = """
            # service type  private unpriv  chroot  wakeup  maxproc command
            127.0.0.1:PORT inet n    -       n       -       -       smtpd
            pickup     unix  n       -       n       60      1       pickup
            cleanup    unix  n       -       n       -       0       cleanup
            qmgr       unix  n       -       n       300     1       qmgr
            tlsmgr     unix  -       -       n       1000?   1       tlsmgr
            rewrite    unix  -       -       n       -       -       trivial-rewrite
            bounce     unix  -       -       n       -       0       bounce
            defer      unix  -       -       n       -       0       bounce
            trace      unix  -       -       n       -       0       bounce
            verify     unix  -       -       n       -       1       verify
            flush      unix  n       -       n       1000?   0       flush
            proxymap   unix  -       -       n       -       -       proxymap
            proxywrite unix  -       -       n       -       1       proxymap
            smtp       unix  -       -       n       -       -       smtp
            relay      unix  -       -       n       -       -       smtp
            showq      unix  n       -       n       -       -       showq
            error      unix  -       -       n       -       -       error
            retry      unix  -       -       n       -       -       error
            discard    unix  -       -       n       -       -       discard
            local      unix  -       n       n       -       -       local
            virtual    unix  -       n       n       -       -       virtual
            lmtp       unix  -       -       n       -       -       lmtp
            anvil      unix  -       -       n       -       1       anvil
            scache     unix  -       -       n       -       1       scache
            postlog    unix-dgram n  -       n       -       1       postlogd
            """;

    private final Path root;
    private final Path config;
    private final PostfixUnderTest postfix;
    private int port;
    private boolean started;

    private ProbeInstance(Path root, PostfixUnderTest postfix) {
        this.root = root;
        this.config = root.resolve("etc");
        this.postfix = postfix;
    }

    /** A Debian Postfix instance: see {@link #create(Path, PostfixUnderTest)}. */
    static ProbeInstance create(Path root) {
        return create(root, PostfixVersions.debian());
    }

    /**
     * Makes the directories and main.cf (master.cf is written by {@link #start()}, with the port)
     * for this Postfix; its own programs serve it (daemon_directory is the build's).
     */
    static ProbeInstance create(Path root, PostfixUnderTest postfix) {
        ProbeInstance p = new ProbeInstance(root, postfix);
        try {
            // The Postfix daemons run as the postfix user and must reach the queue below root.
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String dir : List.of("etc", "queue", "data", "log")) {
                Files.createDirectories(root.resolve(dir));
            }
            UserPrincipal postfixUser = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix");
            Files.setOwner(root.resolve("data"), postfixUser);
            Files.writeString(p.config.resolve("main.cf"), String.join("\n",
                    "compatibility_level = 3.6",
                    "queue_directory = " + root.resolve("queue"),
                    "data_directory = " + root.resolve("data"),
                    "myhostname = " + HOST_NAME,
                    "mydestination =",
                    "alias_maps =",
                    "alias_database =",
                    "inet_interfaces = 127.0.0.1",
                    "inet_protocols = ipv4",
                    "maillog_file = " + root.resolve("log/postfix.log"),
                    "maillog_file_prefixes = " + root.resolve("log"),
                    ""));
            Files.writeString(p.config.resolve("master.cf"), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the probe instance (the postfix user must exist: install"
                    + " postfix)", e);
        }
        return p;
    }

    Path config() {
        return config;
    }

    /** Appends lines to main.cf, byte for byte. */
    void appendMainCf(String text) {
        Path mainCf = config.resolve("main.cf");
        try {
            Files.writeString(mainCf, Files.readString(mainCf, StandardCharsets.ISO_8859_1) + text,
                    StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "snakeoil" key and certificate of a stock Debian setup, made here. */
    record Snakeoil(Path key, Path cert) {
    }

    /**
     * A stock Debian setup: an RSA "snakeoil" key and certificate (made here with openssl, as the
     * ssl-cert package makes them) in smtpd_tls_cert_file/_key_file, server level {@code may}, and
     * the given client level.
     */
    Snakeoil stockDebianSnakeoil(String clientLevel) {
        Snakeoil s = new Snakeoil(config.resolve("ssl-cert-snakeoil.key"), config.resolve("ssl-cert-snakeoil.pem"));
        ExternalCommand.ok(List.of(RequiredTools.OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048",
                "-nodes", "-keyout", s.key().toString(), "-out", s.cert().toString(), "-subj", "/CN=vm",
                "-days", "3650"));
        appendMainCf("smtpd_tls_cert_file=" + s.cert() + "\nsmtpd_tls_key_file=" + s.key()
                + "\nsmtpd_tls_security_level=may\nsmtp_tls_security_level=" + clientLevel + "\n");
        return s;
    }

    /** The Postfix version whose programs serve this instance. */
    PostfixUnderTest postfix() {
        return postfix;
    }

    int port() {
        return port;
    }

    /**
     * Starts the instance on a free loopback port. {@code postfix start} waits until the master
     * daemon has bound its sockets (master -w), so it fails if the port was taken in between; then
     * another port is tried.
     */
    void start() {
        String last = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            port = freePort();
            try {
                Files.writeString(config.resolve("master.cf"), MASTER_CF.replace("PORT", Integer.toString(port)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ExternalCommand.Result r = postfix("start");
            if (r.status() == 0) {
                started = true;
                return;
            }
            last = r.err() + r.outText();
            stop();
        }
        fail("postfix -c " + config + " start failed: " + last + "\n" + log());
    }

    /** {@code postfix reload}: new smtpd processes use the new settings. */
    void reload() {
        ExternalCommand.Result r = postfix("reload");
        if (r.status() != 0) {
            fail("postfix reload failed: " + r.err() + "\n" + log());
        }
    }

    /** Stops the instance and waits (at most 10 s) for its master process to exit. */
    void stop() {
        Optional<Long> pid = masterPid();
        postfix("stop");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pid.isPresent() && running(pid.get()) && System.nanoTime() < deadline) {
            sleep(50);
        }
        if (pid.isPresent() && running(pid.get())) {
            postfix("abort");
        }
        started = false;
    }

    @Override
    public void close() {
        if (started) {
            stop();
        }
    }

    String log() {
        try {
            Path log = root.resolve("log/postfix.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no mail log)";
        } catch (IOException e) {
            return "(cannot read the mail log: " + e + ")";
        }
    }

    private ExternalCommand.Result postfix(String command) {
        MainCfTime.backdate(config);
        return ExternalCommand.run(List.of(postfix.postfix().toString(), "-c", config.toString(), command));
    }

    private Optional<Long> masterPid() {
        try {
            Path pidFile = root.resolve("queue/pid/master.pid");
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Alive and not a zombie. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
