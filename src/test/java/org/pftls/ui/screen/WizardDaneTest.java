package org.pftls.ui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.dane.DaneClient;
import org.pftls.engine.dane.TlsaData;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.Detector;
import org.pftls.engine.tls.Instance;
import org.pftls.testing.LoopbackResolver;
import org.pftls.testing.Sandbox;
import org.pftls.testing.ServingProbe;
import org.pftls.testing.TlsaAnswers;
import org.pftls.ui.flow.ReviewSection.Kind;
import org.pftls.ui.flow.StepKind;
import org.pftls.ui.flow.WizardModel;

/**
 * Issue #16 in the full-screen wizard: DANE in the Enable client task (the resolver check of
 * enable-client --dane, then exactly its main.cf), and the TLSA records that "Reload Postfix and
 * verify" looks up on Done, as verify --dns does. The resolvers are stand-ins: a DNS server on a
 * loopback port that validates or does not (asked by the wizard and by the command line alike), and
 * a TLSA answer set by the test.
 */
class WizardDaneTest {
    private static final String PUBLIC = "mx.pftls-test.org";
    private static final String NAME = "_25._tcp." + PUBLIC;

    @TempDir
    Path tmp;

    private static boolean has(String text, String expected) {
        return squeeze(text).contains(squeeze(expected));
    }

    private static String squeeze(String text) {
        return text.replace("\u2502", "").replaceAll("\\s+", "");
    }

    private Sandbox sandbox(String name) throws Exception {
        return Sandbox.withSample(Files.createDirectories(tmp.resolve(name)), "debian-fresh.cf");
    }

    /** Detect, then Enable client on the Task step: the Client TLS question. */
    private static WizardDriver toClientTls(WizardFixture f, DaneClient.Resolvers resolvers) {
        WizardDriver d = new WizardDriver(f.model(Optional.empty(), Optional.empty(), resolvers))
                .press(KeyType.Enter).press(KeyType.Home).press(KeyType.ArrowDown).press(KeyType.Enter);
        assertEquals(StepKind.CLIENT_TLS, d.step(), d.text());
        return d;
    }

    @Test
    void daneAppliesExactlyWhatEnableClientDaneApplies() throws Exception {
        try (LoopbackResolver dns = LoopbackResolver.validating()) {
            WizardFixture f = new WizardFixture(sandbox("wizard"), false);
            WizardDriver d = toClientTls(f, () -> List.of(dns.lookup()));
            assertTrue(d.text().contains("Step 3 of 7: Client TLS"), d.text());
            assertTrue(d.row("Opportunistic TLS").contains("<o>"), "the default: " + d.text());
            d.press(KeyType.ArrowDown);
            assertTrue(has(d.text(), "Postfix trusts its resolver's DNSSEC validation, so pftls first checks that"
                    + " the resolver validates"), d.text());
            d.press(KeyType.Enter);
            assertEquals(StepKind.GENERATE, d.step());
            assertTrue(has(d.text(), "Checking that the resolvers Postfix uses validate DNSSEC"), d.text());
            d.runJobs();
            assertEquals(StepKind.REVIEW, d.step(), d.text());
            assertEquals(List.of("NS . DO", "A dnssec-failed.org. DO", "A dnssec-failed.org. DO CD"), dns.asked);
            assertEquals(List.of(Kind.COMMAND, Kind.DANE_CHECK, Kind.NEW_FILES, Kind.MAIN_CF),
                    d.wizard.reviewKinds());
            String review = d.wizard.scrolledText();
            assertTrue(has(review, "pftls -c " + f.dir() + " enable-client --dane"), review);
            assertTrue(has(review, "- the resolver " + dns.address() + " validates DNSSEC: AD bit for NS ., and"
                    + " dnssec-failed.org (broken signatures) refused"), review);
            assertTrue(has(review, "+smtp_tls_security_level = dane"), review);
            assertTrue(has(review, "+smtp_dns_support_level = dnssec"), review);
            d.press(KeyType.Enter);
            assertEquals(StepKind.CONFIRM, d.step());
            d.confirm().runJobs();
            assertEquals(StepKind.DONE, d.step());
            assertTrue(has(d.wizard.scrolledText(), "Enabled DANE in the Postfix SMTP client"),
                    d.wizard.scrolledText());

            Sandbox cli = sandbox("cli");
            SameAsCli.assertSame(f, cli, cli.run("enable-client", "--dane", "--resolver", dns.address()));
        }
    }

    @Test
    void aStricterLevelIsKeptAndSaidOnTheReviewAsTheCommandLineSaysIt() throws Exception {
        try (LoopbackResolver dns = LoopbackResolver.validating()) {
            Sandbox w = sandbox("wizard");
            Sandbox cli = sandbox("cli");
            for (Sandbox s : List.of(w, cli)) {
                s.writeMainCf((s.mainCfText() + "smtp_tls_security_level = encrypt\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            WizardFixture f = new WizardFixture(w, false);
            WizardDriver d = toClientTls(f, () -> List.of(dns.lookup())).press(KeyType.ArrowDown)
                    .press(KeyType.Enter).runJobs();
            assertEquals(StepKind.REVIEW, d.step(), d.text());
            String review = d.wizard.scrolledText();
            assertTrue(has(review, "- smtp_tls_security_level = encrypt is kept: it is stricter than dane for"
                    + " destinations without TLSA records"), review);
            assertFalse(review.contains("+smtp_tls_security_level"), review);
            d.press(KeyType.Enter).confirm().runJobs();
            assertEquals(StepKind.DONE, d.step());
            SameAsCli.assertSame(f, cli, cli.run("enable-client", "--dane", "--resolver", dns.address()));
        }
    }

    @Test
    void aResolverThatDoesNotValidateChangesNothingAndBackLeadsToOpportunisticTls() throws Exception {
        try (LoopbackResolver dns = LoopbackResolver.notValidating()) {
            Sandbox refusedCli = sandbox("refused");
            Sandbox.Run refused = refusedCli.run("enable-client", "--dane", "--resolver", dns.address());
            assertEquals(1, refused.status(), refused.err());
            String fatal = refused.err().strip();
            assertTrue(fatal.startsWith("pftls: fatal: the resolver " + dns.address() + " does not validate DNSSEC"),
                    fatal);

            Sandbox w = sandbox("wizard");
            Map<String, String> before = w.snapshot();
            WizardFixture f = new WizardFixture(w, false);
            WizardDriver d = toClientTls(f, () -> List.of(dns.lookup())).press(KeyType.ArrowDown)
                    .press(KeyType.Enter).runJobs();
            assertEquals(StepKind.GENERATE, d.step(), d.text());
            assertTrue(has(d.text(), "! " + fatal.substring("pftls: fatal: ".length())), d.text());
            assertEquals(before, w.snapshot(), "nothing was changed");
            assertTrue(d.text().contains("Enter on Back: go back and change an answer"), "the help bar says the work"
                    + " has stopped: " + d.text());
            assertFalse(d.text().contains("Working in the background"), d.text());
            d.press(KeyType.Enter);
            assertEquals(StepKind.CLIENT_TLS, d.step(), "Back to the question: " + d.text());
            assertTrue(d.row("DANE").contains("<o>"), "the answer is kept: " + d.text());
            d.press(KeyType.ArrowUp).press(KeyType.Enter).runJobs();
            assertEquals(StepKind.REVIEW, d.step(), d.text());
            assertTrue(has(d.wizard.scrolledText(), "pftls -c " + w.dir() + " enable-client"), d.text());
            assertFalse(d.wizard.scrolledText().contains("--dane"), d.wizard.scrolledText());
            d.press(KeyType.Enter).confirm().runJobs();
            Sandbox cli = sandbox("cli");
            SameAsCli.assertSame(f, cli, cli.run("enable-client"));
        }
    }

    /** A fresh instance whose myhostname can have TLSA records in the public DNS. */
    private Sandbox publicHost(String name) throws Exception {
        Sandbox s = sandbox(name);
        s.writeMainCf((s.mainCfText() + "myhostname = " + PUBLIC + "\n").getBytes(StandardCharsets.ISO_8859_1));
        return s;
    }

    /** Enable server with both keys through to Done, with the resolver and a server that serves what is deployed. */
    private static WizardDriver enabledServer(WizardFixture f, TlsaAnswers dns, ServingProbe probe, boolean demo)
            throws Exception {
        WizardDriver d = new WizardDriver(demo ? new WizardModel(f.model(true).environment().with(Optional.of(dns),
                Optional.of(probe))) : f.model(Optional.of(dns), Optional.of(probe))).press(KeyType.Enter)
                .press(KeyType.Home)
                .press(KeyType.Enter).press(KeyType.Enter).hostNamesNext().runJobs().press(KeyType.Enter).confirm()
                .runJobs();
        assertEquals(StepKind.DONE, d.step(), d.text());
        return d;
    }

    /** The TLSA 3 1 1 records of the deployed keys, RSA first. */
    static List<String> deployedRecords(Sandbox s) throws Exception {
        List<String> records = new ArrayList<>();
        for (DeployedPair p : new Detector(Instance.read(s.dir(), s.ports())).detect().deployed()) {
            if (p.keyFile().isPresent()) {
                records.add(TlsaData.of(KeyFiles.readPrivateKey(Files.readAllBytes(p.keyFile().get()), "key")
                        .keyPair().getPublic()).presentation());
            }
        }
        return records;
    }

    /** Presses "Reload Postfix and verify" and returns the Done text. */
    private static String reloadAndVerify(WizardDriver d) {
        assertTrue(d.text().contains("<Reload Postfix and verify>"), d.text());
        d.press(KeyType.ReverseTab).press(KeyType.Enter).runJobs();
        return d.wizard.scrolledText();
    }

    @Test
    void reloadAndVerifyShowsThePublishedRecordsWhatTheyMatchAndThatTheyAreValidated() throws Exception {
        Sandbox w = publicHost("wizard");
        TlsaAnswers dns = TlsaAnswers.secure();
        WizardFixture f = new WizardFixture(w, true);
        WizardDriver d = enabledServer(f, dns, new ServingProbe(w.dir(), w.ports()), false);
        List<String> records = deployedRecords(w);
        assertEquals(2, records.size());
        dns.publishSecure(records.toArray(String[]::new));
        String done = reloadAndVerify(d);
        assertEquals(List.of(NAME), dns.validated, "looked up once, validated, as verify --dns does");
        assertTrue(has(done, "TLSA " + NAME + " at test resolver: 2 records; the answer is DNSSEC-validated"), done);
        assertTrue(has(done, records.get(0) + " matches deployed rsa, served rsa"), done);
        assertTrue(has(done, records.get(1) + " matches deployed ecdsa, served ecdsa"), done);
        assertTrue(has(done, "OK: the running server serves what is deployed."), done);
        Sandbox.Run status = w.run("status");
        assertTrue(status.out().contains("serves the deployed rsa and ecdsa certificates, matching the published TLSA"
                + " records"), "recorded as verify --dns records it: " + status.out());
    }

    @Test
    void aPublishedRecordThatMatchesNoServedKeyIsAProblemWithTheRecordToPublish() throws Exception {
        Sandbox w = publicHost("wizard");
        TlsaAnswers dns = TlsaAnswers.secure("3 1 1 " + "00".repeat(32));
        WizardFixture f = new WizardFixture(w, true);
        ServingProbe probe = new ServingProbe(w.dir(), w.ports());
        WizardDriver d = enabledServer(f, dns, probe, false);
        String done = reloadAndVerify(d);
        assertTrue(has(done, "3 1 1 " + "00".repeat(32) + " matches no deployed, served or staged key"), done);
        assertTrue(has(done, "! PROBLEM: no TLSA record of " + NAME + " matches the RSA certificate served"), done);
        assertTrue(has(done, "publish " + NAME + ". IN TLSA " + deployedRecords(w).get(0)), done);
        assertTrue(has(done, "[tlsa-no-match]"), done);
        assertTrue(has(done, "FAILED: 2 problems (above)."), done);
        assertEquals(2, probe.asked.size(), "what DNS publishes is not a server that was idle at the reload: asked"
                + " once per algorithm, " + probe.asked);
    }

    @Test
    void dnsThatCannotBeAskedIsOneLineAndTheVerdictStandsWithoutIt() throws Exception {
        Sandbox w = publicHost("wizard");
        TlsaAnswers dns = TlsaAnswers.timeout();
        WizardDriver d = enabledServer(new WizardFixture(w, true), dns, new ServingProbe(w.dir(), w.ports()), false);
        String done = reloadAndVerify(d);
        assertTrue(has(done, "TLSA cannot look up the TLSA records of " + NAME + " at test resolver (timeout: no answer"
                + " within 2.0 s), so they were not checked; pftls verify --dns asks again"), done);
        assertFalse(done.contains("PROBLEM"), done);
        assertTrue(has(done, "OK: the running server serves what is deployed."), done);
        assertTrue(d.text().contains("ok: the running server serves what is deployed."), d.text());
        Sandbox.Run status = w.run("status");
        assertTrue(status.out().contains("serves the deployed rsa and ecdsa certificates\n"), status.out());
    }

    @Test
    void aNameThatCannotBeInThePublicDnsIsNotLookedUpAndTheDemoLooksUpNothing() throws Exception {
        Sandbox w = sandbox("wizard"); // myhostname = mail.example.org
        TlsaAnswers dns = TlsaAnswers.secure();
        WizardDriver d = enabledServer(new WizardFixture(w, true), dns, new ServingProbe(w.dir(), w.ports()), false);
        String done = reloadAndVerify(d);
        assertTrue(has(done, "TLSA TLSA records of _25._tcp.mail.example.org not looked up: mail.example.org cannot"
                + " have records in the public DNS"), done);
        assertEquals(List.of(), dns.asked);

        Sandbox demo = publicHost("demo");
        WizardDriver inDemo = enabledServer(new WizardFixture(demo, true), dns, new ServingProbe(demo.dir(),
                demo.ports()), true);
        assertFalse(inDemo.text().contains("Reload Postfix"), inDemo.text());
        assertFalse(inDemo.wizard.scrolledText().contains("TLSA records of _25"), inDemo.wizard.scrolledText());
        assertEquals(List.of(), dns.asked);
    }
}
