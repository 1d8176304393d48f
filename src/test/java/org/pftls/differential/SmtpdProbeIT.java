package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md "Testing, from fast to real", item 5: a real Postfix smtpd on a loopback port serves
 * the key and certificate pftls made and deployed, on the oldest and the newest Postfix version and
 * on Debian's ({@link #versions}). pftls (in-process, real adapters, that version's programs) runs
 * enable-server (RSA) and new-server-key -a ecdsa + deploy-server-cert on a second Postfix
 * instance ({@link ProbeInstance}); {@code openssl s_client -starttls smtp}, offering only RSA-PSS
 * or only ECDSA signatures, must be served exactly the deployed RSA and ECDSA certificates. Then
 * new-server-cert + deploy-server-cert + postfix reload must change the served RSA certificate.
 */
class SmtpdProbeIT {
    /** TLS 1.3 uses an RSA server key with RSA-PSS; offering only PKCS#1 v1.5 would fail. */
    static final String RSA = "rsa_pss_rsae_sha256";
    static final String ECDSA = "ecdsa_secp256r1_sha256";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----\\n.*?-----END CERTIFICATE-----\\n", Pattern.DOTALL);

    @TempDir
    Path work;

    /** The oldest and the newest Postfix, and Debian's (distinct, oldest first). */
    static Stream<PostfixUnderTest> versions() {
        return Stream.concat(PostfixVersions.oldestAndNewest(), Stream.of(PostfixVersions.debian())).distinct()
                .sorted(java.util.Comparator.comparing(PostfixUnderTest::parsed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void smtpdServesTheCertificatesPftlsDeployed(PostfixUnderTest postfix) {
        RequiredTools.check(postfix);
        PftlsInProcess pftls = new PftlsInProcess(postfix);
        try (ProbeInstance instance = ProbeInstance.create(work, postfix)) {
            Path etc = instance.config();
            succeeds(pftls.run(etc, List.of("enable-server")));
            succeeds(pftls.run(etc, List.of("new-server-key", "-a", "ecdsa")));
            Path ecCert = newest(etc, "eccert-");
            Path ecKey = newest(etc, "eckey-");
            succeeds(pftls.run(etc, List.of("deploy-server-cert", ecCert.getFileName().toString(),
                    ecKey.getFileName().toString())));
            Path rsaCert = newest(etc, "cert-");
            instance.start();

            assertEquals(fingerprint(rsaCert), served(instance, RSA), "the RSA certificate smtpd serves");
            assertEquals(fingerprint(ecCert), served(instance, ECDSA), "the ECDSA certificate smtpd serves");

            // A new certificate for the deployed RSA key, deployed and reloaded.
            succeeds(pftls.run(etc, List.of("new-server-cert", "renamed.example")));
            Path renewed = newest(etc, "cert-");
            assertNotEquals(rsaCert, renewed);
            succeeds(pftls.run(etc, List.of("deploy-server-cert", renewed.toString(),
                    newest(etc, "key-").toString())));
            instance.reload();
            assertEquals(fingerprint(renewed), servedAfterReload(instance, fingerprint(renewed)),
                    "the renewed RSA certificate smtpd serves after postfix reload");
            assertEquals(fingerprint(ecCert), served(instance, ECDSA), "the ECDSA certificate is unchanged");
        }
    }

    static void succeeds(SideRun run) {
        assertEquals(0, run.status(), () -> "pftls failed: " + run.messages());
    }

    /** The newest file whose name starts with the prefix (names carry a time stamp). */
    static Path newest(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .orElseThrow(() -> new AssertionError("no " + prefix + "* file in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fingerprint(Path certificate) {
        return ExternalCommand.ok(List.of(RequiredTools.OPENSSL.toString(), "x509", "-in", certificate.toString(),
                "-noout", "-fingerprint", "-sha256")).outText().trim();
    }

    /** The fingerprint of the certificate smtpd presents after STARTTLS when only {@code sigalg} is offered. */
    static String served(ProbeInstance instance, String sigalg) {
        ExternalCommand.Result r = ExternalCommand.run(List.of(RequiredTools.OPENSSL.toString(), "s_client",
                "-starttls", "smtp", "-connect", "127.0.0.1:" + instance.port(), "-sigalgs", sigalg),
                java.util.Map.of(), "QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        Matcher pem = PEM.matcher(r.outText());
        assertTrue(pem.find(), () -> "no certificate from smtpd with " + sigalg + ":\n" + r.outText() + r.err()
                + "\nmail log:\n" + instance.log());
        return ExternalCommand.ok(List.of(RequiredTools.OPENSSL.toString(), "x509", "-noout", "-fingerprint",
                "-sha256"), pem.group().getBytes(StandardCharsets.US_ASCII)).outText().trim();
    }

    /**
     * After a reload, smtpd processes that were idle may serve one more session with the old
     * settings; new ones use the new files. Probe until the expected certificate is served
     * (at most 10 s), and return the last one seen.
     */
    static String servedAfterReload(ProbeInstance instance, String expected) {
        return servedEventually(instance, RSA, expected);
    }

    /** The certificate served with {@code sigalg}, probed until it is {@code expected} (at most 10 s). */
    static String servedEventually(ProbeInstance instance, String sigalg, String expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String seen = served(instance, sigalg);
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            seen = served(instance, sigalg);
        }
        return seen;
    }
}
