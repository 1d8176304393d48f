package org.pftls.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CA made with the real openssl at test run time: a root, an intermediate, and whatever
 * leaves and CAs a test asks for, each with explicit validity dates relative to a given "now"
 * ({@code openssl ca -startdate/-enddate}), so no test depends on the date it runs on.
 * Fails (never skips) when openssl is missing.
 */
public final class TestPki {
    public static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final DateTimeFormatter ASN1_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CONFIG = """
            [ca]
            default_ca = own
            [own]
            database = db/index.txt
            new_certs_dir = db
            serial = db/serial
            default_md = sha256
            policy = any
            unique_subject = no
            email_in_dn = no
            copy_extensions = none
            [any]
            commonName = supplied
            organizationName = optional
            [req]
            distinguished_name = dn
            [dn]
            """;

    /** A certificate and its key, as files. */
    public record Issued(Path cert, Path key, String subject) {
        public String pem() {
            return text(cert);
        }

        public String keyPem() {
            return text(key);
        }
    }

    private final Path dir;
    private final Instant now;
    private Issued root;
    private Issued intermediate;

    private TestPki(Path dir, Instant now) {
        this.dir = dir;
        this.now = now;
    }

    /**
     * A root (valid from 400 days ago for 10 years) and an intermediate it issued (from 200 days ago
     * for 3 years), both ECDSA P-256, in {@code dir}.
     */
    public static TestPki create(Path dir, Instant now) {
        TestPki pki = new TestPki(dir, now);
        try {
            Files.createDirectories(dir.resolve("db"));
            Files.writeString(dir.resolve("db/index.txt"), "");
            Files.writeString(dir.resolve("db/serial"), "1000\n");
            Files.writeString(dir.resolve("ca.cnf"), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pki.root = pki.ca("root", "Test Root CA", null, Duration.ofDays(-400), Duration.ofDays(3650));
        pki.intermediate = pki.ca("inter", "Test Intermediate CA", pki.root, Duration.ofDays(-200),
                Duration.ofDays(1095));
        return pki;
    }

    public Issued root() {
        return root;
    }

    public Issued intermediate() {
        return intermediate;
    }

    public Instant now() {
        return now;
    }

    /** A CA certificate with an ECDSA P-256 key; {@code issuer} null for a self-signed root. */
    public Issued ca(String name, String commonName, Issued issuer, Duration from, Duration to) {
        Path key = key(name, "ec");
        return sign(name, key, "/CN=" + commonName, issuer, from, to, """
                basicConstraints = critical, CA:TRUE
                keyUsage = critical, keyCertSign, cRLSign
                subjectKeyIdentifier = hash
                """);
    }

    /** A server certificate valid from {@code from} to {@code to} (relative to now) for the DNS names. */
    public Issued leaf(String name, Issued issuer, String keyType, Duration from, Duration to, String... dnsNames) {
        Path key = key(name, keyType);
        return leaf(name, key, issuer, from, to, dnsNames);
    }

    /** A server certificate for an existing key. */
    public Issued leaf(String name, Path key, Issued issuer, Duration from, Duration to, String... dnsNames) {
        String cn = dnsNames.length > 0 ? dnsNames[0] : name + ".invalid";
        return sign(name, key, "/CN=" + cn, issuer, from, to, serverExtensions(dnsNames));
    }

    /** A self-signed server certificate (CA:FALSE), like Debian's snakeoil or pftls's own. */
    public Issued selfSigned(String name, String keyType, Duration from, Duration to, String... dnsNames) {
        Path key = key(name, keyType);
        String cn = dnsNames.length > 0 ? dnsNames[0] : name + ".invalid";
        return sign(name, key, "/CN=" + cn, null, from, to, serverExtensions(dnsNames));
    }

    /** A good server certificate: ECDSA, issued by the intermediate, valid from a day ago for 90 days. */
    public Issued goodLeaf(String name, String... dnsNames) {
        return leaf(name, intermediate, "ec", Duration.ofDays(-1), Duration.ofDays(90), dnsNames);
    }

    /** Writes the concatenation of {@code parts} (PEM files) to {@code target}. */
    public static Path concat(Path target, Path... parts) {
        StringBuilder text = new StringBuilder();
        for (Path part : parts) {
            text.append(text(part));
        }
        try {
            Files.writeString(target, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new key: {@code ec} (P-256), {@code ec384}, {@code rsa2048}, {@code rsa1024}. */
    public Path key(String name, String type) {
        Path key = dir.resolve(name + ".key");
        List<String> args = switch (type) {
            case "ec" -> List.of("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
            case "ec384" -> List.of("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384");
            case "rsa2048" -> List.of("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048");
            case "rsa1024" -> List.of("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024");
            default -> throw new IllegalArgumentException("key type " + type);
        };
        List<String> command = new ArrayList<>(args);
        command.addAll(List.of("-out", key.toString()));
        openssl(command);
        return key;
    }

    private static String serverExtensions(String... dnsNames) {
        StringBuilder ext = new StringBuilder("""
                basicConstraints = CA:FALSE
                keyUsage = critical, digitalSignature, keyEncipherment
                extendedKeyUsage = serverAuth
                subjectKeyIdentifier = hash
                """);
        if (dnsNames.length > 0) {
            ext.append("subjectAltName = ").append(String.join(", ",
                    java.util.Arrays.stream(dnsNames).map(n -> "DNS:" + n).toList())).append('\n');
        }
        return ext.toString();
    }

    private Issued sign(String name, Path key, String subject, Issued issuer, Duration from, Duration to,
                        String extensions) {
        Path csr = dir.resolve(name + ".csr");
        Path ext = dir.resolve(name + ".ext");
        Path cert = dir.resolve(name + ".pem");
        try {
            Files.writeString(ext, extensions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(List.of("req", "-new", "-config", dir.resolve("ca.cnf").toString(), "-key", key.toString(),
                "-subj", subject, "-out", csr.toString()));
        List<String> ca = new ArrayList<>(List.of("ca", "-batch", "-config", dir.resolve("ca.cnf").toString(),
                "-notext", "-preserveDN", "-in", csr.toString(), "-out", cert.toString(), "-extfile", ext.toString(),
                "-startdate", ASN1_TIME.format(now.plus(from)), "-enddate", ASN1_TIME.format(now.plus(to))));
        if (issuer == null) {
            ca.addAll(List.of("-selfsign", "-keyfile", key.toString()));
        } else {
            ca.addAll(List.of("-cert", issuer.cert().toString(), "-keyfile", issuer.key().toString()));
        }
        openssl(ca);
        return new Issued(cert, key, subject.substring(1));
    }

    private void openssl(List<String> args) {
        if (!Files.isExecutable(OPENSSL)) {
            fail(OPENSSL + " is missing: these tests make their certificates with it (apt-get install openssl)");
        }
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                fail("openssl " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
