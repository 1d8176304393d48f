package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.TestPki;
import org.pftls.testing.TestPki.Issued;

/**
 * A CA-issued chain in certbot's layout, end to end: pftls deploys {@code live/NAME/fullchain.pem}
 * and {@code privkey.pem} (RSA and ECDSA) on a second Postfix instance ({@link ProbeInstance}), and a
 * real smtpd on a loopback port serves the full chain, verified by {@code openssl s_client
 * -starttls smtp -CAfile ROOT -verify_return_error}. Then a renewal as certbot makes it (new files
 * in archive/, the live/ links moved) and the deploy hook that {@code dist/pftls certbot-hook
 * --install} wrote: it reloads Postfix and checks the chain, and smtpd serves the renewed
 * certificate. Needs root, Postfix, openssl and the built launcher (mvn package).
 */
class ChainServeIT {
    private static final String RSA = "rsa_pss_rsae_sha256";
    private static final String ECDSA = "ecdsa_secp256r1_sha256";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----\\n.*?-----END CERTIFICATE-----\\n", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void smtpdServesTheDeployedFullChainAndTheHookPicksUpRenewals() throws IOException {
        RequiredTools.check();
        Path launcher = Path.of("dist/pftls").toAbsolutePath();
        assertTrue(Files.isRegularFile(Path.of("target/pftls.jar")), "build the jar first: mvn -B -DskipTests package");
        TestPki pki = TestPki.create(work.resolve("pki"), Instant.now());
        Path le = work.resolve("letsencrypt");
        Files.createDirectories(le.resolve("renewal-hooks/deploy"));
        Files.setPosixFilePermissions(le.resolve("renewal-hooks/deploy"), PosixFilePermissions.fromString("rwx------"));
        Issued ec = pki.goodLeaf("ec1", ProbeInstance.HOST_NAME);
        Issued rsa = pki.leaf("rsa1", pki.intermediate(), "rsa2048", Duration.ofDays(-1), Duration.ofDays(90),
                ProbeInstance.HOST_NAME);
        Path inter = pki.intermediate().cert();
        certbotLineage(le, "probe-ec", ec, inter, 1);
        certbotLineage(le, "probe-rsa", rsa, inter, 1);

        PftlsInProcess pftls = new PftlsInProcess();
        try (ProbeInstance instance = ProbeInstance.create(work)) {
            Path etc = instance.config();
            succeeds(pftls.run(etc, List.of("enable-server")));
            succeeds(pftls.run(etc, List.of("deploy-server-cert", le + "/live/probe-rsa/fullchain.pem",
                    le + "/live/probe-rsa/privkey.pem")));
            succeeds(pftls.run(etc, List.of("deploy-server-cert", le + "/live/probe-ec/fullchain.pem",
                    le + "/live/probe-ec/privkey.pem")));
            String mainCf = Files.readString(etc.resolve("main.cf"));
            assertTrue(mainCf.contains("smtpd_tls_eccert_file = " + le + "/live/probe-ec/fullchain.pem\n"), mainCf);
            assertTrue(mainCf.contains("smtpd_tls_cert_file = " + le + "/live/probe-rsa/fullchain.pem\n"), mainCf);
            instance.start();

            Path root = pki.root().cert();
            assertEquals(List.of(fingerprint(ec.cert()), fingerprint(pki.intermediate().cert())),
                    servedChain(instance, ECDSA, root), "smtpd serves the ECDSA leaf and its intermediate");
            assertEquals(List.of(fingerprint(rsa.cert()), fingerprint(pki.intermediate().cert())),
                    servedChain(instance, RSA, root), "smtpd serves the RSA leaf and its intermediate");

            // The deploy hook, written by the real launcher, then a renewal as certbot makes it.
            ExternalCommand.Result install = ExternalCommand.run(List.of("/bin/sh", launcher.toString(), "-c",
                    etc.toString(), "certbot-hook", "--install", "--letsencrypt-dir", le.toString()));
            assertEquals(0, install.status(), install.err());
            Path hook = le.resolve("renewal-hooks/deploy/pftls-postfix" + etc.toString().replace('/', '-'));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hook)));
            assertTrue(Files.readString(hook).contains("exec '" + launcher + "' -c '" + etc + "' status"),
                    Files.readString(hook));
            Issued renewed = pki.goodLeaf("ec2", ProbeInstance.HOST_NAME);
            certbotLineage(le, "probe-ec", renewed, inter, 2);
            MainCfTime.backdate(etc);
            ExternalCommand.Result ran = ExternalCommand.run(List.of(hook.toString()),
                    Map.of("RENEWED_LINEAGE", le + "/live/probe-ec"), new byte[0]);
            assertEquals(0, ran.status(), "the hook reloads Postfix and pftls status finds no problem:\n"
                    + ran.outText() + ran.err());
            assertTrue(ran.outText().contains("ECDSA cert: " + le + "/live/probe-ec/fullchain.pem  (certbot:"
                    + " probe-ec)"), ran.outText());
            String expected = fingerprint(renewed.cert());
            assertNotEquals(fingerprint(ec.cert()), expected);
            assertEquals(expected, servedAfterReload(instance, expected, root),
                    "after the hook ran, smtpd serves the renewed certificate");
        }
    }

    /** certbot's layout: archive/NAME/{cert,chain,fullchain,privkey}N.pem, live/NAME/*.pem linking to the newest. */
    private static void certbotLineage(Path le, String name, Issued leaf, Path inter, int version)
            throws IOException {
        Path archive = Files.createDirectories(le.resolve("archive").resolve(name));
        Path live = Files.createDirectories(le.resolve("live").resolve(name));
        TestPki.concat(archive.resolve("cert" + version + ".pem"), leaf.cert());
        TestPki.concat(archive.resolve("chain" + version + ".pem"), inter);
        TestPki.concat(archive.resolve("fullchain" + version + ".pem"), leaf.cert(), inter);
        TestPki.concat(archive.resolve("privkey" + version + ".pem"), leaf.key());
        Files.setPosixFilePermissions(archive.resolve("privkey" + version + ".pem"),
                PosixFilePermissions.fromString("rw-------"));
        for (String file : List.of("cert", "chain", "fullchain", "privkey")) {
            Path link = live.resolve(file + ".pem");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of("../../archive/" + name + "/" + file + version + ".pem"));
        }
    }

    private static void succeeds(SideRun run) {
        assertEquals(0, run.status(), () -> "pftls failed: " + run.messages());
    }

    private static String fingerprint(Path certificate) {
        return ExternalCommand.ok(List.of(RequiredTools.OPENSSL.toString(), "x509", "-in", certificate.toString(),
                "-noout", "-fingerprint", "-sha256")).outText().trim();
    }

    private static String fingerprintOf(String pem) {
        return ExternalCommand.ok(List.of(RequiredTools.OPENSSL.toString(), "x509", "-noout", "-fingerprint",
                "-sha256"), pem.getBytes(StandardCharsets.US_ASCII)).outText().trim();
    }

    /**
     * The chain smtpd presents after STARTTLS when only {@code sigalg} is offered, verified against
     * the test root ({@code -verify_return_error}: s_client fails on a broken chain), as fingerprints.
     */
    private static List<String> servedChain(ProbeInstance instance, String sigalg, Path root) {
        ExternalCommand.Result r = ExternalCommand.run(List.of(RequiredTools.OPENSSL.toString(), "s_client",
                "-starttls", "smtp", "-connect", "127.0.0.1:" + instance.port(), "-sigalgs", sigalg, "-showcerts",
                "-CAfile", root.toString(), "-verify_return_error", "-verify_hostname", ProbeInstance.HOST_NAME),
                Map.of(), "QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        String all = r.outText() + r.err();
        assertEquals(0, r.status(), () -> "s_client failed with " + sigalg + ":\n" + all + "\nmail log:\n"
                + instance.log());
        assertTrue(r.outText().contains("Verify return code: 0 (ok)"), all);
        Matcher pem = PEM.matcher(r.outText());
        List<String> chain = new java.util.ArrayList<>();
        while (pem.find()) {
            chain.add(fingerprintOf(pem.group()));
        }
        return chain;
    }

    /** After a reload, idle smtpd processes may serve one more session with the old files: probe up to 10 s. */
    private static String servedAfterReload(ProbeInstance instance, String expected, Path root) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String seen = servedChain(instance, ECDSA, root).get(0);
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            seen = servedChain(instance, ECDSA, root).get(0);
        }
        return seen;
    }
}
