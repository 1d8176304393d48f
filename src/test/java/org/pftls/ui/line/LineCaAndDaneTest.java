package org.pftls.ui.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pftls.ui.line.LineWizardTest.assertContainsInOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.testing.Sandbox;
import org.pftls.testing.ServingProbe;
import org.pftls.testing.Snakeoil;
import org.pftls.testing.TestPki;
import org.pftls.testing.TestWizards;
import org.pftls.testing.TlsaAnswers;
import org.pftls.ui.line.ScriptedWizard.Result;

/**
 * Issues #15 and #16 in the line-mode wizard: the chain check's warnings after the files, on the
 * Review (with the chain) and at Confirm, as deploy-server-cert words them; certbot's deploy hook
 * offered on Done; "reload and verify"; the deploy's DNS guard refusing a key no record matches.
 */
class LineCaAndDaneTest {
    private static final String HOST = "mail.example.org";

    @TempDir
    static Path shared;
    static TestPki pki;
    static TestPki.Issued leaf;

    @TempDir
    Path dir;
    @TempDir
    Path twinDir;

    @BeforeAll
    static void ca() {
        pki = TestPki.create(shared.resolve("pki"), Sandbox.NOW);
        leaf = pki.goodLeaf("leaf", HOST);
    }

    private static Sandbox withLeaf(Path d) throws Exception {
        Sandbox s = Sandbox.withSample(d, "debian-fresh.cf");
        TestPki.concat(d.resolve("leaf.pem"), leaf.cert());
        Files.copy(leaf.key(), d.resolve("leaf.key"));
        Files.setPosixFilePermissions(d.resolve("leaf.key"), PosixFilePermissions.fromString("rw-------"));
        return s;
    }

    @Test
    void chainWarningsAreShownAfterTheFilesOnTheReviewAndAtConfirmAsDeployWordsThem() throws Exception {
        Sandbox w = withLeaf(dir);
        Result r = new ScriptedWizard(w).run("5", "leaf.pem", "leaf.key", "", "yes");
        Sandbox c = withLeaf(twinDir);
        Sandbox.Run cli = c.run("deploy-server-cert", "leaf.pem", "leaf.key");
        assertEquals(0, cli.status(), cli.err());

        assertEquals(0, r.status(), r.output());
        CliTwin.assertSameResult(dir, twinDir);
        assertEquals(CliTwin.messages(cli, twinDir, dir), r.logged());
        String o = r.output().replaceAll("\\s+", " ");
        String warning = "! warning: the certificate in " + dir.resolve("leaf.pem") + " was issued by CN=Test"
                + " Intermediate CA, but no intermediate certificate follows it";
        assertContainsInOrder(o, "Private key file: leaf.key " + warning,
                "Certificate chain, as deploy-server-cert checks it: 1. server certificate: CN=" + HOST,
                "Check: issued by CN=Test Intermediate CA, which is not in the file", warning,
                "Step 6 of 7: Confirm", warning, "[no]: yes");
    }

    @Test
    void certbotsDeployHookIsOfferedOnDoneAndInstalledOnYes() throws Exception {
        Sandbox w = Sandbox.withSample(dir, "debian-fresh.cf");
        Path root = TestWizards.letsEncryptLive(dir).getParent();
        Path live = Files.createDirectories(root.resolve("live").resolve(HOST));
        TestPki.concat(live.resolve("fullchain.pem"), leaf.cert(), pki.intermediate().cert());
        Files.copy(leaf.key(), live.resolve("privkey.pem"));
        Files.setPosixFilePermissions(live.resolve("privkey.pem"), PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(root.resolve("renewal-hooks/deploy"));
        Path hook = root.resolve("renewal-hooks/deploy/pftls-postfix" + dir.toString().replace('/', '-'));

        Result r = new ScriptedWizard(w).run("5", live.resolve("fullchain.pem").toString(),
                live.resolve("privkey.pem").toString(), "", "yes", "yes");
        assertEquals(0, r.status(), r.output());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hook)));
        assertContainsInOrder(r.output().replaceAll("\\s+", " "), "certbot's certificates: " + live + "/",
                "! warning: the certificate comes from certbot", "Step 7 of 7: Done",
                "the certificate comes from certbot (" + HOST + "): Postfix reads it only when it starts or reloads, so"
                        + " it must be reloaded after each renewal; pftls offers to install certbot's deploy hook",
                "Install certbot's deploy hook " + hook + ", which reloads Postfix after each renewal (as pftls"
                        + " certbot-hook --install does)? [no]: yes",
                "pftls: Installed the certbot deploy hook " + hook + ".");
    }

    @Test
    void reloadAndVerifyReportsOneLinePerAlgorithm() throws Exception {
        Sandbox w = Snakeoil.sandbox(dir);
        ServingProbe probe = new ServingProbe(dir, w.ports());
        Result r = new ScriptedWizard(w).withPostfix().withProbe(probe).run("1", "", "", "", "", "", "yes", "yes");
        assertEquals(0, r.status(), r.output());
        assertEquals(List.of("reload"), r.reloads());
        assertContainsInOrder(r.output(), "pftls offers to run postfix reload now, then pftls verify",
                "Reload Postfix now and verify what it serves (postfix reload, then pftls verify)? [no]: yes",
                "pftls: postfix reload: done.", "pftls verify: 127.0.0.1:25",
                "  rsa    ok: serves the deployed key, certificate and chain",
                "  ecdsa  ok: serves the deployed key, certificate and chain",
                "  OK: the running server serves what is deployed.");
    }

    @Test
    void deployIsRefusedWhenNoPublishedTlsaRecordMatchesTheNewKey() throws Exception {
        Sandbox w = Sandbox.withSample(dir, "debian-fresh.cf");
        w.writeMainCf((w.mainCfText() + "myhostname = mx.pftls-test.org\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(0, w.run("enable-server", "-a", "rsa").status());
        w.clock(java.time.Clock.fixed(Sandbox.NOW.plusSeconds(60), java.time.ZoneOffset.UTC));
        assertEquals(0, w.run("new-server-key", "-a", "rsa").status());
        Map<String, String> before = w.snapshot();
        TlsaAnswers dns = TlsaAnswers.published("3 1 1 " + "00".repeat(32));
        Result r = new ScriptedWizard(w).withDns(dns).run("5", "cert-20261125-120100.pem", "key-20261125-120100.pem",
                "");
        assertEquals(1, r.status(), r.output());
        assertEquals(List.of("_25._tcp.mx.pftls-test.org"), dns.asked);
        assertContainsInOrder(r.output().replaceAll("\\s+", " "), "Step 4 of 7: Generate", "failed.",
                "! none of the 1 TLSA record(s) of _25._tcp.mx.pftls-test.org matches the key in",
                "publish _25._tcp.mx.pftls-test.org. IN TLSA 3 1 1 ", "Step 3 of 7: Files",
                "pftls: end of input");
        assertFalse(r.output().contains("Step 5 of 7: Review"), r.output());
        assertEquals(before, w.snapshot(), "nothing was changed");
        assertTrue(r.logged().isEmpty(), r.logged().toString());
    }
}
