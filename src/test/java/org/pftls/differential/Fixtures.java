package org.pftls.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import org.pftls.testing.TestPki;
import org.pftls.testing.TestPki.Issued;

/**
 * Keys and certificates made once per test run with the real openssl, copied into every scenario
 * directory (both sides get the same bytes), so that scenarios can deploy, copy and print them:
 * <ul>
 * <li>{@code rsa-key.pem}/{@code rsa-cert.pem}: RSA 2048 (PKCS#8) and its self-signed certificate;</li>
 * <li>{@code ec-key.pem}/{@code ec-cert.pem}: ECDSA secp384r1 as {@code openssl ecparam -genkey} writes it;</li>
 * <li>{@code trad-key.pem}/{@code trad-cert.pem}: RSA in the traditional PKCS#1 form;</li>
 * <li>{@code other-key.pem}: an RSA key that matches no certificate;</li>
 * <li>{@code enc-key.pem}/{@code enc-cert.pem}: a passphrase-protected key and its certificate;</li>
 * <li>{@code chain-key.pem}/{@code chain-cert.pem}: a CA-issued certificate followed by its CA;
 *     {@code reversed-chain.pem}: the same two certificates CA first;</li>
 * <li>{@code combined.pem}: rsa-key.pem and rsa-cert.pem in one file;</li>
 * <li>{@code expired-key.pem}/{@code expired-cert.pem}: ECDSA, self-signed, expired ten days ago;
 *     {@code weak-key.pem}/{@code weak-cert.pem}: RSA 1024, self-signed (both made by {@link TestPki}
 *     in {@code pki/}, with dates relative to now);</li>
 * <li>{@code mailname}: a host name file, for {@code myhostname = /path}.</li>
 * </ul>
 */
final class Fixtures {
    static final String MAILNAME = "filehost.example.net";
    private static final List<String> KEYS = List.of("rsa-key.pem", "ec-key.pem", "trad-key.pem", "other-key.pem",
            "chain-key.pem", "expired-key.pem", "weak-key.pem");
    private static final String CONFIG = """
            default_md = sha256
            prompt = yes
            distinguished_name = dn
            x509_extensions = leaf
            [dn]
            [leaf]
            basicConstraints = CA:false
            subjectKeyIdentifier = hash
            subjectAltName = DNS:fixture.example
            [ca]
            basicConstraints = critical, CA:true
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            """;

    private final Path dir;
    /** Public key PEM → the name of the fixture key it belongs to. */
    private final Map<String, String> keyNames = new LinkedHashMap<>();

    private Fixtures(Path dir) {
        this.dir = dir;
    }

    /** Makes the fixtures in {@code dir} (which must not exist yet). */
    static Fixtures create(Path dir) {
        Fixtures f = new Fixtures(dir);
        try {
            Files.createDirectories(dir.resolve("ca"));
            Files.writeString(dir.resolve("ca/openssl.cnf"), CONFIG);
            Files.writeString(dir.resolve("mailname"), MAILNAME + "\n");
            f.openssl("genrsa", "-out", "rsa-key.pem", "2048");
            f.selfSigned("rsa-key.pem", "rsa-cert.pem");
            f.openssl("ecparam", "-param_enc", "named_curve", "-genkey", "-name", "secp384r1", "-out", "ec-key.pem");
            f.selfSigned("ec-key.pem", "ec-cert.pem");
            f.openssl("genrsa", "-traditional", "-out", "trad-key.pem", "2048");
            f.selfSigned("trad-key.pem", "trad-cert.pem");
            f.openssl("genrsa", "-out", "other-key.pem", "2048");
            f.openssl("genrsa", "-aes256", "-passout", "pass:secret", "-out", "enc-key.pem", "2048");
            f.openssl("req", "-x509", "-config", "ca/openssl.cnf", "-new", "-key", "enc-key.pem", "-passin",
                    "pass:secret", "-subj", "/CN=fixture.example", "-days", "3650", "-out", "enc-cert.pem");
            f.openssl("genrsa", "-out", "ca/ca-key.pem", "2048");
            f.openssl("req", "-x509", "-config", "ca/openssl.cnf", "-extensions", "ca", "-new", "-key",
                    "ca/ca-key.pem", "-subj", "/CN=Fixture CA", "-days", "3650", "-out", "ca/ca-cert.pem");
            f.openssl("genrsa", "-out", "chain-key.pem", "2048");
            f.openssl("req", "-config", "ca/openssl.cnf", "-new", "-key", "chain-key.pem", "-subj",
                    "/CN=fixture.example", "-out", "ca/chain.csr");
            f.openssl("x509", "-req", "-in", "ca/chain.csr", "-CA", "ca/ca-cert.pem", "-CAkey", "ca/ca-key.pem",
                    "-set_serial", "2", "-days", "3650", "-extfile", "ca/openssl.cnf", "-extensions", "leaf",
                    "-out", "ca/leaf-cert.pem");
            f.concatenate("chain-cert.pem", "ca/leaf-cert.pem", "ca/ca-cert.pem");
            f.concatenate("reversed-chain.pem", "ca/ca-cert.pem", "ca/leaf-cert.pem");
            f.concatenate("combined.pem", "rsa-key.pem", "rsa-cert.pem");
            TestPki pki = TestPki.create(dir.resolve("pki"), Instant.now());
            Issued expired = pki.selfSigned("expired", "ec", Duration.ofDays(-400), Duration.ofDays(-10),
                    "fixture.example");
            Issued weak = pki.selfSigned("weak", "rsa1024", Duration.ofDays(-1), Duration.ofDays(3650),
                    "fixture.example");
            TestPki.concat(dir.resolve("expired-cert.pem"), expired.cert());
            TestPki.concat(dir.resolve("expired-key.pem"), expired.key());
            TestPki.concat(dir.resolve("weak-cert.pem"), weak.cert());
            TestPki.concat(dir.resolve("weak-key.pem"), weak.key());
            for (String key : KEYS) {
                f.keyNames.put(PemFiles.publicKey(dir.resolve(key)), key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** Copies every fixture (not the CA) into {@code target}; private keys get mode 0600. */
    void copyInto(Path target) {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    Path copy = target.resolve(p.getFileName());
                    Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                    String name = p.getFileName().toString();
                    boolean key = name.contains("key") || name.equals("combined.pem");
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString(key ? "rw-------" : "rw-r--r--"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture key a public key (PEM) belongs to, if any. */
    Optional<String> keyName(String publicKeyPem) {
        return Optional.ofNullable(keyNames.get(publicKeyPem));
    }

    /**
     * What Debian's ssl-cert package makes, in {@code dir}/etc/ssl: private/ssl-cert-snakeoil.key
     * (the rsa-key.pem fixture, mode 0640) and certs/ssl-cert-snakeoil.pem (its certificate, 0644).
     */
    void snakeoil(Path dir) {
        try {
            Path key = dir.resolve("etc/ssl/private/ssl-cert-snakeoil.key");
            Path cert = dir.resolve("etc/ssl/certs/ssl-cert-snakeoil.pem");
            Files.createDirectories(key.getParent());
            Files.createDirectories(cert.getParent());
            Files.copy(file("rsa-key.pem"), key);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
            Files.copy(file("rsa-cert.pem"), cert);
            Files.setPosixFilePermissions(cert, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    private void selfSigned(String key, String cert) {
        openssl("req", "-x509", "-config", "ca/openssl.cnf", "-new", "-key", key, "-subj", "/CN=fixture.example",
                "-days", "3650", "-out", cert);
    }

    private void openssl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(RequiredTools.OPENSSL.toString()));
        for (String a : args) {
            command.add(a.endsWith(".pem") || a.endsWith(".cnf") || a.endsWith(".csr") ? dir.resolve(a).toString() : a);
        }
        ExternalCommand.ok(command);
    }

    private void concatenate(String target, String... parts) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(Files.readString(dir.resolve(part), StandardCharsets.US_ASCII));
        }
        Files.writeString(dir.resolve(target), text);
    }
}
