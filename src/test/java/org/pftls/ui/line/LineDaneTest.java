package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pftls.ui.line.LineWizardTest.assertContainsInOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.dane.TlsaData;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.Detector;
import org.pftls.engine.tls.Instance;
import org.pftls.testing.LoopbackResolver;
import org.pftls.testing.Sandbox;
import org.pftls.testing.ServingProbe;
import org.pftls.testing.TlsaAnswers;
import org.pftls.ui.line.ScriptedWizard.Result;

/**
 * Issue #16 in the line-mode wizard: DANE in the Enable client task, against the command line's
 * enable-client --dane with the same stand-in resolver (validating, or not: then nothing changes
 * and back leads to opportunistic TLS), and the TLSA records "reload and verify" looks up on Done.
 */
class LineDaneTest {
    private static final String NAME = "_25._tcp.mx.pftls-test.org";

    @TempDir
    Path dir;
    @TempDir
    Path twinDir;

    @Test
    void daneEqualsEnableClientDane() throws Exception {
        try (LoopbackResolver dns = LoopbackResolver.validating()) {
            Sandbox w = Sandbox.withSample(dir, "debian-fresh.cf");
            Result r = new ScriptedWizard(w).withDaneResolvers(() -> List.of(dns.lookup())).run("2", "2", "yes");
            Sandbox c = Sandbox.withSample(twinDir, "debian-fresh.cf");
            Sandbox.Run cli = c.run("enable-client", "--dane", "--resolver", dns.address());
            assertEquals(0, cli.status(), cli.err());

            assertEquals(0, r.status(), r.output());
            CliTwin.assertSameResult(dir, twinDir);
            assertEquals(CliTwin.messages(cli, twinDir, dir), r.logged());
            assertContainsInOrder(r.output().replaceAll("\\s+", " "), "Step 3 of 7: Client TLS - Which TLS for"
                            + " outgoing mail?", "1) Opportunistic TLS - ", "2) DANE - ", "Choose 1-2 [1]: 2",
                    "Checking that the resolvers Postfix uses validate DNSSEC", "done", "Step 5 of 7: Review",
                    "pftls -c " + dir + " enable-client --dane",
                    "The resolvers Postfix asks (enable-client --dane's DNSSEC check): - the resolver "
                            + dns.address() + " validates DNSSEC", "+smtp_tls_security_level = dane",
                    "Step 6 of 7: Confirm", "Step 7 of 7: Done", "Enabled DANE in the Postfix SMTP client");
        }
    }

    @Test
    void aResolverThatDoesNotValidateChangesNothingAndBackLeadsToOpportunisticTls() throws Exception {
        try (LoopbackResolver dns = LoopbackResolver.notValidating()) {
            Sandbox refusedCli = Sandbox.withSample(Files.createDirectories(twinDir.resolve("refused")), "debian-fresh.cf");
            Sandbox.Run refused = refusedCli.run("enable-client", "--dane", "--resolver", dns.address());
            assertEquals(1, refused.status(), refused.err());
            String fatal = refused.err().strip().substring("pftls: fatal: ".length());

            Sandbox w = Sandbox.withSample(dir, "debian-fresh.cf");
            Map<String, String> before = w.snapshot();
            Result r = new ScriptedWizard(w).withDaneResolvers(() -> List.of(dns.lookup()))
                    .before(2, () -> assertEquals(before, w.snapshot(), "nothing was changed"))
                    .run("2", "2", "1", "yes");
            assertEquals(0, r.status(), r.output());
            assertContainsInOrder(r.output().replaceAll("\\s+", " "), "Step 4 of 7: Generate", "failed.",
                    "! " + fatal, "Step 3 of 7: Client TLS", "Choose 1-2 [2]: 1", "Step 5 of 7: Review",
                    "pftls -c " + dir + " enable-client", "+smtp_tls_security_level = may");
            assertFalse(r.output().contains(dir + " enable-client --dane"), "not the equivalent command: " + r.output());
            Sandbox c = Sandbox.withSample(Files.createDirectories(twinDir.resolve("cli")), "debian-fresh.cf");
            Sandbox.Run cli = c.run("enable-client");
            assertEquals(0, cli.status(), cli.err());
            CliTwin.assertSameResult(dir, twinDir.resolve("cli"));
        }
    }

    /** A fresh instance whose myhostname can have TLSA records in the public DNS. */
    private Sandbox publicHost() {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.writeMainCf((s.mainCfText() + "myhostname = mx.pftls-test.org\n").getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    /** Publishes the records of the deployed keys (once they are deployed: before the reload question). */
    private static Runnable publishDeployed(Sandbox s, TlsaAnswers dns) {
        return () -> {
            try {
                List<String> records = new ArrayList<>();
                for (DeployedPair p : new Detector(Instance.read(s.dir(), s.ports())).detect().deployed()) {
                    if (p.keyFile().isPresent()) {
                        records.add(TlsaData.of(KeyFiles.readPrivateKey(Files.readAllBytes(
                                p.keyFile().get()), "key").keyPair().getPublic()).presentation());
                    }
                }
                assertEquals(2, records.size());
                dns.publishSecure(records.toArray(String[]::new));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void reloadAndVerifyShowsThePublishedRecordsAndWhetherTheyAreValidated() throws Exception {
        Sandbox w = publicHost();
        TlsaAnswers dns = TlsaAnswers.secure();
        Result r = new ScriptedWizard(w).withPostfix().withProbe(new ServingProbe(dir, w.ports())).withDns(dns)
                .before(6, publishDeployed(w, dns)).run("1", "", "", "", "", "yes", "yes");
        assertEquals(0, r.status(), r.output());
        assertEquals(List.of(NAME), dns.validated);
        assertContainsInOrder(r.output().replaceAll("\\s+", " "),
                "Reload Postfix now and verify what it serves (postfix reload, then pftls verify)? [no]: yes",
                "pftls verify: 127.0.0.1:25", "TLSA " + NAME + " at test resolver: 2 records; the answer is"
                        + " DNSSEC-validated", "matches deployed rsa, served rsa",
                "matches deployed ecdsa, served ecdsa", "OK: the running server serves what is deployed.");
    }

    @Test
    void dnsThatCannotBeAskedIsOneLine() throws Exception {
        Sandbox w = publicHost();
        Result r = new ScriptedWizard(w).withPostfix().withProbe(new ServingProbe(dir, w.ports()))
                .withDns(TlsaAnswers.timeout()).run("1", "", "", "", "", "yes", "yes");
        assertEquals(0, r.status(), r.output());
        assertContainsInOrder(r.output(), "pftls verify: 127.0.0.1:25",
                "  TLSA   cannot look up the TLSA records of " + NAME + " at test resolver (timeout: no answer within"
                        + " 2.0 s), so they were not checked; pftls verify --dns asks again",
                "  OK: the running server serves what is deployed.");
        assertFalse(r.output().contains("PROBLEM"), r.output());
    }
}
