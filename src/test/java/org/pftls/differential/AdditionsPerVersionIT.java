package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pftls.differential.SmtpdProbeIT.ECDSA;
import static org.pftls.differential.SmtpdProbeIT.RSA;
import static org.pftls.differential.SmtpdProbeIT.fingerprint;
import static org.pftls.differential.SmtpdProbeIT.newest;
import static org.pftls.differential.SmtpdProbeIT.served;
import static org.pftls.differential.SmtpdProbeIT.servedEventually;
import static org.pftls.differential.SmtpdProbeIT.succeeds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #17: pftls's additions work with every Postfix operators run (3.5, Debian's 3.7, 3.8, 3.10,
 * 3.11), each with its own postconf, postlog and postfix, on a second instance that runs a real
 * smtpd on a loopback port:
 * <ol>
 *   <li>a stock Debian-like setup with a "snakeoil" RSA certificate (made here), then
 *       {@code enable-server --merge -a rsa,ecdsa}: smtpd serves the new RSA and ECDSA certificates
 *       and the level is kept;</li>
 *   <li>{@code verify} passes against that smtpd (both algorithms);</li>
 *   <li>a new ECDSA pair deployed with {@code --chain-files}: main.cf holds smtpd_tls_chain_files,
 *       and after a reload smtpd serves the new ECDSA certificate and still the RSA one;</li>
 *   <li>{@code rollback} restores main.cf byte for byte, and that version's postconf reads it;</li>
 *   <li>{@code enable-client --merge} keeps the client settings the setup has and that version's
 *       postconf reads the result.</li>
 * </ol>
 */
class AdditionsPerVersionIT {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.pftls.differential.PostfixVersions#all")
    void theAdditionsWorkOnThisVersion(PostfixUnderTest postfix) throws Exception {
        RequiredTools.check(postfix);
        PftlsInProcess pftls = new PftlsInProcess(postfix);
        try (ProbeInstance instance = ProbeInstance.create(work, postfix)) {
            Path etc = instance.config();
            ProbeInstance.Snakeoil snakeoil = instance.stockDebianSnakeoil("encrypt");
            Path snakeKey = snakeoil.key();
            Path snakeCert = snakeoil.cert();

            // 1. the merge, both algorithms
            SideRun merge = pftls.run(etc, List.of("enable-server", "--merge", "-a", "rsa,ecdsa"));
            succeeds(merge);
            assertTrue(merge.messages().contains("pftls: smtpd_tls_security_level: kept \"may\" (already"
                    + " opportunistic TLS)"), merge.messages().toString());
            instance.start();
            Path rsaCert = newest(etc, "cert-");
            Path ecCert = newest(etc, "eccert-");
            assertEquals(fingerprint(rsaCert), served(instance, RSA), "the new RSA certificate");
            assertEquals(fingerprint(ecCert), served(instance, ECDSA), "the new ECDSA certificate");

            // 2. verify
            SideRun verify = pftls.run(etc, List.of("verify", "--port", Integer.toString(instance.port()),
                    "--timeout", "10"));
            assertEquals(0, verify.status(), verify.stdout() + verify.messages());
            assertTrue(verify.stdout().contains("OK: the running server serves what is deployed."), verify.stdout());

            // 3. smtpd_tls_chain_files
            byte[] beforeChainFiles = Files.readAllBytes(etc.resolve("main.cf"));
            succeeds(pftls.run(etc, List.of("new-server-key", "-a", "ecdsa")));
            Path nextKey = newest(etc, "eckey-");
            Path nextCert = newest(etc, "eccert-");
            succeeds(pftls.run(etc, List.of("deploy-server-cert", "--chain-files", nextCert.toString(),
                    nextKey.toString())));
            String chainFiles = postconf(postfix, etc, "-h", "smtpd_tls_chain_files");
            assertTrue(chainFiles.contains(nextKey.toString()) && chainFiles.contains(nextCert.toString())
                    && chainFiles.contains(newest(etc, "key-").toString()), chainFiles);
            instance.reload();
            assertEquals(fingerprint(nextCert), servedEventually(instance, ECDSA, fingerprint(nextCert)),
                    "the ECDSA pair deployed through smtpd_tls_chain_files");
            assertEquals(fingerprint(rsaCert), served(instance, RSA), "the RSA pair stays");

            // 4. rollback
            succeeds(pftls.run(etc, List.of("rollback", "--yes")));
            assertArrayEquals(beforeChainFiles, Files.readAllBytes(etc.resolve("main.cf")));
            postconf(postfix, etc, "-n");

            // 5. the client, merged: encrypt is kept
            succeeds(pftls.run(etc, List.of("enable-client", "--merge")));
            assertEquals("encrypt\n", postconf(postfix, etc, "-h", "smtp_tls_security_level"));
            assertEquals("1\n", postconf(postfix, etc, "-h", "smtp_tls_loglevel"));
        }
    }

    private static String postconf(PostfixUnderTest postfix, Path etc, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(postfix.postconf().toString(), "-c", etc.toString()));
        command.addAll(List.of(args));
        MainCfTime.backdate(etc);
        return ExternalCommand.ok(command).outText();
    }

}
