package org.pftls.differential;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, checked against a real smtpd on a loopback port: after {@code enable-server --merge
 * -a rsa,ecdsa} on the stock Debian settings (TLS on with a "snakeoil" RSA certificate, made here
 * with openssl), smtpd serves the new RSA and the new ECDSA certificate; on an instance that uses
 * {@code smtpd_tls_chain_files}, a deploy of a new ECDSA pair is served while the RSA one stays.
 */
class SmtpdMergeProbeIT {
    @TempDir
    Path work;

    @Test
    void mergeOnTheStockDebianSettingsServesBothNewCertificates() throws Exception {
        RequiredTools.check();
        PftlsInProcess pftls = new PftlsInProcess();
        try (ProbeInstance instance = ProbeInstance.create(work)) {
            Path etc = instance.config();
            ProbeInstance.Snakeoil snakeoil = instance.stockDebianSnakeoil("may");
            Path snakeKey = snakeoil.key();
            Path snakeCert = snakeoil.cert();
            instance.start();
            assertEquals(fingerprint(snakeCert), served(instance, RSA), "before: the snakeoil certificate");

            succeeds(pftls.run(etc, List.of("enable-server", "--merge", "-a", "rsa,ecdsa")));
            instance.reload();
            Path rsa = newest(etc, "cert-");
            Path ec = newest(etc, "eccert-");
            assertEquals(fingerprint(rsa), servedEventually(instance, RSA, fingerprint(rsa)), "the new RSA certificate");
            assertEquals(fingerprint(ec), served(instance, ECDSA), "the new ECDSA certificate");
            assertTrue(Files.exists(snakeCert) && Files.exists(snakeKey), "the snakeoil files stay");
        }
    }

    @Test
    void deployOnAChainFilesInstanceIsServed() throws Exception {
        RequiredTools.check();
        PftlsInProcess pftls = new PftlsInProcess();
        try (ProbeInstance instance = ProbeInstance.create(work)) {
            Path etc = instance.config();
            succeeds(pftls.run(etc, List.of("new-server-key", "-a", "rsa")));
            Path rsaKey = newest(etc, "key-");
            Path rsaCert = newest(etc, "cert-");
            instance.appendMainCf("smtpd_tls_security_level = may\nsmtpd_tls_chain_files = " + rsaKey + ", " + rsaCert + "\n");
            succeeds(pftls.run(etc, List.of("new-server-key", "-a", "ecdsa")));
            Path ecKey = newest(etc, "eckey-");
            Path ecCert = newest(etc, "eccert-");
            succeeds(pftls.run(etc, List.of("deploy-server-cert", ecCert.toString(), ecKey.toString())));
            String cf = Files.readString(etc.resolve("main.cf"));
            assertTrue(cf.contains("smtpd_tls_chain_files = " + rsaKey + ", " + rsaCert + ", " + ecKey + ", " + ecCert),
                    cf);
            instance.start();
            assertEquals(fingerprint(rsaCert), served(instance, RSA), "the RSA entry is kept");
            assertEquals(fingerprint(ecCert), served(instance, ECDSA), "the deployed ECDSA entry is served");
        }
    }

}
