package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DNS for the DANE tests, on loopback ports only: a zone the test writes and signs with its own
 * keys (ldns-keygen, ldns-signzone), served by an authoritative unbound (auth-zone; it also answers
 * recursive questions for the zone, without validating: the non-validating resolver), and a second
 * unbound that validates with the test's trust anchor (the zone's DS) and asks the first for the
 * zone: the validating resolver. Neither sends a packet off this machine: every other name is
 * forwarded to a closed loopback port. Records can be made bogus on purpose: their data is changed
 * after signing.
 */
final class TestDns implements AutoCloseable {
    static final Path UNBOUND = Path.of("/usr/sbin/unbound");
    static final Path LDNS_KEYGEN = Path.of("/usr/bin/ldns-keygen");
    static final Path LDNS_SIGNZONE = Path.of("/usr/bin/ldns-signzone");
    static final Path DIG = Path.of("/usr/bin/dig");
    static final String ZONE = "dane.test";

    private final Path dir;
    private final List<Process> servers = new ArrayList<>();
    private Path anchor;
    private int authPort;
    private int validatingPort;

    private TestDns(Path dir) {
        this.dir = dir;
    }

    /** Fails (never skips) when a program is missing. */
    static void checkTools() {
        for (Path p : List.of(UNBOUND, LDNS_KEYGEN, LDNS_SIGNZONE, DIG)) {
            if (!Files.isExecutable(p)) {
                fail(p + " is missing: apt-get install unbound ldnsutils bind9-dnsutils (see .ci/run)");
            }
        }
    }

    /**
     * Signs {@code records} (zone-file lines relative to dane.test, e.g. {@code ok IN A 192.0.2.1}) and
     * starts both servers. Each {@code bogus} pair (text, replacement) is applied to the signed zone.
     */
    static TestDns start(Path dir, List<String> records, List<String[]> bogus) {
        checkTools();
        TestDns dns = new TestDns(dir);
        try {
            Files.createDirectories(dir);
            dns.sign(records, bogus);
            dns.authPort = freePort();
            dns.servers.add(dns.unbound("auth", dns.authPort, """
                      module-config: "iterator"
                    auth-zone:
                      name: "ZONE."
                      zonefile: "DIR/zone.signed"
                      for-downstream: yes
                      for-upstream: yes
                    """));
            dns.waitFor(dns.authPort);
            dns.validatingPort = freePort();
            dns.servers.add(dns.unbound("validating", dns.validatingPort, """
                      module-config: "validator iterator"
                      do-not-query-localhost: no
                      trust-anchor-file: "ANCHOR"
                    stub-zone:
                      name: "ZONE."
                      stub-addr: 127.0.0.1@AUTHPORT
                    """.replace("ANCHOR", dns.anchor.toString()).replace("AUTHPORT", Integer.toString(dns.authPort))));
            dns.waitFor(dns.validatingPort);
        } catch (IOException e) {
            dns.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            dns.close();
            throw e;
        }
        return dns;
    }

    /** The DS record of the zone's key signing key: the trust anchor (zone-file format). */
    Path trustAnchor() {
        return anchor;
    }

    /** The authoritative server, which also answers recursive questions for the zone without validating. */
    String nonValidating() {
        return "127.0.0.1:" + authPort;
    }

    /** The validating resolver (trust anchor: the zone's DS). */
    String validating() {
        return "127.0.0.1:" + validatingPort;
    }

    private void sign(List<String> records, List<String[]> bogus) throws IOException {
        StringBuilder zone = new StringBuilder("$ORIGIN " + ZONE + ".\n$TTL 300\n"
                + "@ IN SOA ns." + ZONE + ". hostmaster." + ZONE + ". 1 3600 600 86400 300\n"
                + "@ IN NS ns." + ZONE + ".\nns IN A 127.0.0.1\n");
        records.forEach(r -> zone.append(r).append('\n'));
        Files.writeString(dir.resolve("zone"), zone);
        String ksk = run(List.of(LDNS_KEYGEN.toString(), "-a", "ECDSAP256SHA256", "-k", ZONE)).trim();
        String zsk = run(List.of(LDNS_KEYGEN.toString(), "-a", "ECDSAP256SHA256", ZONE)).trim();
        run(List.of(LDNS_SIGNZONE.toString(), "-f", dir.resolve("zone.signed").toString(), dir.resolve("zone")
                .toString(), dir.resolve(ksk).toString(), dir.resolve(zsk).toString()));
        String signed = Files.readString(dir.resolve("zone.signed"));
        for (String[] b : bogus) {
            if (!signed.contains(b[0])) {
                fail("cannot make bogus: " + b[0] + " is not in the signed zone");
            }
            signed = signed.replace(b[0], b[1]);
        }
        Files.writeString(dir.resolve("zone.signed"), signed);
        anchor = dir.resolve(ksk + ".ds");
    }

    private Process unbound(String name, int port, String extra) throws IOException {
        String config = """
                server:
                  interface: 127.0.0.1
                  port: PORT
                  username: ""
                  chroot: ""
                  directory: "DIR"
                  pidfile: ""
                  use-syslog: no
                  logfile: ""
                  do-daemonize: no
                  do-ip6: no
                  access-control: 127.0.0.0/8 allow
                  local-zone: "test." nodefault
                  verbosity: 1
                """.replace("PORT", Integer.toString(port))
                + extra + """
                forward-zone:
                  name: "."
                  forward-addr: 127.0.0.1@9
                """;
        config = config.replace("ZONE", ZONE).replace("DIR", dir.toString());
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, config);
        return new ProcessBuilder(UNBOUND.toString(), "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    /** Until the server answers for the zone (at most 10 s). */
    private void waitFor(int port) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            ExternalCommand.Result r = ExternalCommand.run(List.of(DIG.toString(), "+time=1", "+tries=1", "-p",
                    Integer.toString(port), "@127.0.0.1", ZONE, "SOA"));
            if (r.status() == 0 && new String(r.out(), StandardCharsets.UTF_8).contains("status: NOERROR")) {
                return;
            }
            sleep(100);
        }
        fail("unbound on port " + port + " does not answer: " + logs());
    }

    String logs() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("auth", "validating")) {
            try {
                Path log = dir.resolve(name + ".log");
                b.append("--- ").append(name).append(":\n").append(Files.exists(log) ? Files.readString(log) : "");
            } catch (IOException e) {
                b.append(e);
            }
        }
        return b.toString();
    }

    private String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A port free for TCP and UDP on 127.0.0.1 when asked. */
    static int freePort() {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket t = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket u = new DatagramSocket(t.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return t.getLocalPort();
            } catch (IOException e) {
                // taken for UDP: another
            }
        }
        throw new IllegalStateException("no free loopback port");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (Process p : servers) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
