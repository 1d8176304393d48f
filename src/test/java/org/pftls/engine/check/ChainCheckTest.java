package org.pftls.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.ports.FileStore;
import org.pftls.testing.TestPki;
import org.pftls.testing.TestPki.Issued;

/**
 * The chain check as a pure function: certificates made by openssl at run time (validity relative to
 * a fixed "now"), file metadata given directly, findings compared by code and text.
 */
class ChainCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String HOST = "mail.example.org";
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static Issued good;
    private static Path fullchain;

    @BeforeAll
    static void certificates() {
        pki = TestPki.create(dir.resolve("pki"), NOW);
        good = pki.goodLeaf("good", HOST, "mx.example.org");
        fullchain = TestPki.concat(dir.resolve("fullchain.pem"), good.cert(), pki.intermediate().cert());
    }

    private static FileStore.Info info(String mode, String group) {
        return new FileStore.Info(mode, "root", group, 100, true);
    }

    private static ChainFiles.FileRead file(Path path, String mode, String group) {
        try {
            return new ChainFiles.FileRead(path, Optional.of(Files.readAllBytes(path)), Optional.empty(),
                    Optional.of(info(mode, group)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChainVerdict check(Path cert, Path key) {
        return check(cert, key, "0600", "root", true);
    }

    private static ChainVerdict check(Path cert, Path key, String keyMode, String keyGroup, boolean deploying) {
        ChainFiles files = new ChainFiles(Optional.ofNullable(cert).map(c -> file(c, "0644", "root")),
                Optional.ofNullable(key).map(k -> file(k, keyMode, keyGroup)));
        return ChainCheck.check(files, new ChainCheck.Context(NOW, Optional.of(HOST), deploying, Optional.empty()));
    }

    private static List<String> codes(ChainVerdict v) {
        return v.findings().stream().map(Finding::code).toList();
    }

    @Test
    void aGoodFullChainHasNoFindingsAndItsLinksAreVerified() {
        ChainVerdict v = check(fullchain, good.key());
        assertEquals(List.of(), v.findings());
        assertTrue(v.usable());
        assertEquals(KeyAlgorithm.ECDSA, v.key().orElseThrow().algorithm().orElseThrow());
        assertEquals("ECDSA secp256r1", v.key().get().description());
        assertEquals(256, v.key().get().bits());
        assertEquals(Optional.of(true), v.keyMatches());
        assertEquals(List.of(HOST, "mx.example.org"), v.certificate().orElseThrow().dnsNames());
        List<ChainLink> chain = v.chain();
        assertEquals(2, chain.size());
        assertEquals(ChainLink.Role.SERVER, chain.get(0).role());
        assertEquals("CN=" + HOST, chain.get(0).subject());
        assertEquals("CN=Test Intermediate CA", chain.get(0).issuer());
        assertEquals(ChainLink.Link.SIGNED_BY_NEXT, chain.get(0).link());
        assertEquals("signed by certificate 2 (signature verified)", chain.get(0).linkText());
        assertEquals(NOW.minus(DAY), chain.get(0).notBefore());
        assertEquals(NOW.plus(Duration.ofDays(90)), chain.get(0).notAfter());
        assertEquals(ChainLink.Role.INTERMEDIATE, chain.get(1).role());
        assertEquals(ChainLink.Link.ISSUER_NOT_IN_FILE, chain.get(1).link());
        assertEquals("issued by CN=Test Root CA, which is not in the file (clients must have it)",
                chain.get(1).linkText());
    }

    @Test
    void theRootMayFollowAndIsMarkedSelfSigned() {
        Path withRoot = TestPki.concat(dir.resolve("with-root.pem"), good.cert(), pki.intermediate().cert(),
                pki.root().cert());
        ChainVerdict v = check(withRoot, good.key());
        assertEquals(List.of(), v.findings());
        assertEquals(ChainLink.Link.SIGNED_BY_NEXT, v.chain().get(1).link());
        assertEquals(ChainLink.Role.ROOT, v.chain().get(2).role());
        assertEquals(ChainLink.Link.SELF_SIGNED, v.chain().get(2).link());
    }

    @Test
    void anExpiredRootInTheFileIsOnlyAWarning() {
        Issued oldRoot = pki.ca("old-root", "Old Root CA", null, Duration.ofDays(-4000), Duration.ofDays(-1));
        Issued inter = pki.ca("inter-under-old", "Cross Intermediate CA", oldRoot, Duration.ofDays(-100),
                Duration.ofDays(400));
        Issued leaf = pki.leaf("cross", inter, "ec", Duration.ofDays(-1), Duration.ofDays(90), HOST);
        Path chain = TestPki.concat(dir.resolve("cross.pem"), leaf.cert(), inter.cert(), oldRoot.cert());
        ChainVerdict v = check(chain, leaf.key());
        assertEquals(List.of("root-expired"), codes(v));
        assertTrue(v.usable());
        assertEquals("the root certificate 3 in " + chain + " (CN=Old Root CA) expired on " + NOW.minus(DAY)
                + "; remove it from the file (clients use their own copy of a root)", v.findings().get(0).text());
    }

    @Test
    void theServerCertificateAloneIsWarnedAbout() {
        ChainVerdict v = check(good.cert(), good.key());
        assertEquals(List.of("intermediate-missing"), codes(v));
        assertEquals("the certificate in " + good.cert() + " was issued by CN=Test Intermediate CA, but no intermediate"
                + " certificate follows it, so clients that do not have that CA certificate cannot verify it; deploy"
                + " the full chain (certbot: fullchain.pem, not cert.pem)", v.findings().get(0).text());
        assertTrue(v.usable());
    }

    @Test
    void wrongOrderIsNamedTheSameWithOrWithoutTheKey() {
        Path reversed = TestPki.concat(dir.resolve("reversed.pem"), pki.intermediate().cert(), good.cert());
        String text = "certificates in " + reversed + " are in the wrong order: certificate 2 (CN=" + HOST
                + ") did not issue certificate 1 (CN=Test Intermediate CA); the server certificate must come first,"
                + " then its issuers";
        ChainVerdict v = check(reversed, good.key());
        assertEquals(List.of("chain-wrong-order"), codes(v));
        assertEquals(text, v.findings().get(0).text());
        assertEquals(Optional.of(false), v.keyMatches());
        ChainVerdict alone = check(reversed, null); // the wizard's certificate field
        assertEquals(v.findings(), alone.findings());
        assertEquals(ChainLink.Link.NOT_ISSUED_BY_NEXT, alone.chain().get(0).link());
    }

    @Test
    void wrongOrderTheLinksCannotShowIsNamedByTheKey() {
        Issued sibling = pki.goodLeaf("sibling", "sibling.example.org");
        Path two = TestPki.concat(dir.resolve("two-leaves.pem"), sibling.cert(), good.cert());
        ChainVerdict v = check(two, good.key());
        assertEquals(List.of("chain-wrong-order", "chain-broken"), codes(v));
        assertEquals("certificates in " + two + " are in the wrong order: certificate 2 (CN=" + HOST
                + ") is the one for the key in " + good.key() + "; the server certificate must come first, then its"
                + " issuers (certbot's fullchain.pem is in this order)", v.findings().get(0).text());
    }

    @Test
    void aForeignCertificateAfterTheLeafBreaksTheChain() {
        Issued other = pki.ca("other-ca", "Other CA", null, Duration.ofDays(-10), Duration.ofDays(100));
        Path foreign = TestPki.concat(dir.resolve("foreign.pem"), good.cert(), other.cert());
        ChainVerdict v = check(foreign, good.key());
        assertEquals(List.of("chain-broken"), codes(v));
        assertEquals("certificate 2 in " + foreign + " (CN=Other CA) did not issue certificate 1 (CN=" + HOST
                + ", issued by CN=Test Intermediate CA); give the chain your CA sent: the server certificate, then"
                + " the CA certificate that issued it, then that one's issuer", v.findings().get(0).text());
    }

    @Test
    void aMissingIntermediateBetweenLeafAndRootBreaksTheChain() {
        Path gap = TestPki.concat(dir.resolve("gap.pem"), good.cert(), pki.root().cert());
        ChainVerdict v = check(gap, good.key());
        assertEquals(List.of("chain-broken"), codes(v));
        assertTrue(v.findings().get(0).text().startsWith("certificate 2 in " + gap + " (CN=Test Root CA) did not"
                + " issue certificate 1 (CN=" + HOST + ", issued by CN=Test Intermediate CA); "), v.findings().get(0)
                .text());
    }

    @Test
    void aCaCertificateFirstIsNotAServerCertificate() {
        Path cas = TestPki.concat(dir.resolve("cas.pem"), pki.intermediate().cert(), pki.root().cert());
        ChainVerdict v = check(cas, pki.intermediate().key());
        assertEquals(List.of("cert-is-ca"), codes(v));
        assertEquals("certificate 1 in " + cas + " (CN=Test Intermediate CA) is a CA certificate, not a server"
                + " certificate; the server certificate must come first, then its issuers", v.findings().get(0).text());
    }

    @Test
    void anIntermediateWithTheRightNameButAnotherKeyFailsTheSignatureCheck() {
        Issued impostor = pki.ca("impostor", "Test Intermediate CA", pki.root(), Duration.ofDays(-10),
                Duration.ofDays(100));
        Path forged = TestPki.concat(dir.resolve("forged.pem"), good.cert(), impostor.cert());
        ChainVerdict v = check(forged, good.key());
        assertEquals(List.of("chain-bad-signature"), codes(v));
        assertTrue(v.findings().get(0).text().startsWith("certificate 1 in " + forged + " (CN=" + HOST
                + ") is not signed by certificate 2 (CN=Test Intermediate CA), although it names it as its issuer"),
                v.findings().get(0).text());
        assertEquals(ChainLink.Link.NOT_SIGNED_BY_NEXT, v.chain().get(0).link());
    }

    @Test
    void aMismatchShowsTheSha256OfBothPublicKeys() {
        Path otherKey = pki.key("stray", "ec");
        ChainVerdict v = check(fullchain, otherKey);
        assertEquals(List.of("key-mismatch"), codes(v));
        String text = v.findings().get(0).text();
        assertTrue(text.startsWith("Certificate in " + fullchain + " does not match key in " + otherKey
                + ": give the key the certificate was made for, or a certificate issued for this key (SHA-256 of the"
                + " certificate's public key: "), text);
        String certSpki = openssl("x509", "-in", good.cert().toString(), "-noout", "-pubkey");
        String keySpki = openssl("pkey", "-in", otherKey.toString(), "-pubout");
        assertTrue(text.contains(sha256OfPem(certSpki) + ", ECDSA secp256r1; of the private key's: "
                + sha256OfPem(keySpki) + ", ECDSA secp256r1)"), text);
    }

    @Test
    void validityOfTheLeafAndOfIntermediates() {
        Issued expired = pki.leaf("expired", pki.intermediate(), "ec", Duration.ofDays(-100), Duration.ofDays(-10), HOST);
        ChainVerdict v = check(expired.cert(), expired.key());
        assertEquals(List.of("cert-expired", "intermediate-missing"), codes(v), "problems first");
        assertEquals("the certificate in " + expired.cert() + " (CN=" + HOST + ") expired on "
                + NOW.minus(Duration.ofDays(10)) + "; renew it with your CA and deploy the renewed certificate,"
                + " or deploy it anyway with --force", v.firstProblem().get().text());

        Issued future = pki.leaf("future", pki.intermediate(), "ec", Duration.ofDays(2), Duration.ofDays(100), HOST);
        assertEquals("the certificate in " + future.cert() + " (CN=" + HOST + ") is not valid before "
                + NOW.plus(Duration.ofDays(2)) + " (it is " + NOW + " here); check this host's clock, or wait until"
                + " then, or deploy it anyway with --force", check(future.cert(), future.key()).firstProblem()
                .orElseThrow().text());

        Issued oldCa = pki.ca("old-ca", "Old Intermediate CA", pki.root(), Duration.ofDays(-400), Duration.ofDays(-5));
        Issued underOld = pki.leaf("under-old", oldCa, "ec", Duration.ofDays(-10), Duration.ofDays(80), HOST);
        Path oldChain = TestPki.concat(dir.resolve("old-chain.pem"), underOld.cert(), oldCa.cert());
        ChainVerdict o = check(oldChain, underOld.key());
        assertEquals(List.of("cert-expired"), codes(o));
        assertEquals("the intermediate certificate 2 in " + oldChain + " (CN=Old Intermediate CA) expired on "
                + NOW.minus(Duration.ofDays(5)) + "; get the current chain from your CA (certbot: fullchain.pem),"
                + " or deploy it anyway with --force", o.findings().get(0).text());

        Issued newCa = pki.ca("new-ca", "New Intermediate CA", pki.root(), Duration.ofDays(3), Duration.ofDays(400));
        Issued underNew = pki.leaf("under-new", newCa, "ec", Duration.ofDays(-10), Duration.ofDays(80), HOST);
        Path newChain = TestPki.concat(dir.resolve("new-chain.pem"), underNew.cert(), newCa.cert());
        assertEquals(List.of("cert-not-yet-valid"), codes(check(newChain, underNew.key())));

        Issued soon = pki.leaf("soon", pki.intermediate(), "ec", Duration.ofDays(-80), Duration.ofDays(10), HOST);
        Path soonChain = TestPki.concat(dir.resolve("soon-chain.pem"), soon.cert(), pki.intermediate().cert());
        ChainVerdict s = check(soonChain, soon.key());
        assertEquals(List.of("expires-soon"), codes(s));
        assertTrue(s.usable());
        assertTrue(s.findings().get(0).text().endsWith(", in 10 days; renew it with your CA and deploy the renewed"
                + " certificate"), s.findings().get(0).text());
    }

    @Test
    void forceOverridesOnlyValidityAndSaysWhatItOverrode() throws PftlsException {
        Issued expired = pki.leaf("expired2", pki.intermediate(), "ec", Duration.ofDays(-100), Duration.ofDays(-1), HOST);
        Path chain = TestPki.concat(dir.resolve("expired2-chain.pem"), expired.cert(), pki.intermediate().cert());
        ChainVerdict v = check(chain, expired.key());
        PftlsException refused = assertThrows(PftlsException.class, () -> v.enforce(false));
        assertEquals(v.firstProblem().orElseThrow().text(), refused.getMessage());
        assertEquals(List.of("--force: deploying despite: " + v.firstProblem().get().text()), v.enforce(true));

        Path stray = pki.key("stray2", "ec");
        ChainVerdict both = check(chain, stray);
        assertEquals(List.of("key-mismatch", "cert-expired"), codes(both), "the mismatch comes first");
        PftlsException mismatch = assertThrows(PftlsException.class, () -> both.enforce(true));
        assertTrue(mismatch.getMessage().startsWith("Certificate in "), "--force never overrides a mismatch");
    }

    @Test
    void namesMustCoverMyhostname() {
        Issued foreign = pki.goodLeaf("names", "other.example", "www.other.example");
        Path chain = TestPki.concat(dir.resolve("names-chain.pem"), foreign.cert(), pki.intermediate().cert());
        ChainVerdict v = check(chain, foreign.key());
        assertEquals(List.of("name-mismatch"), codes(v));
        assertEquals("the DNS names of the certificate in " + chain + " (other.example, www.other.example) do not"
                + " include myhostname " + HOST + "; get a certificate for " + HOST + ", or set myhostname to one of its"
                + " names", v.findings().get(0).text());
        Issued wildcard = pki.goodLeaf("wild", "*.example.org");
        Path wildChain = TestPki.concat(dir.resolve("wild-chain.pem"), wildcard.cert(), pki.intermediate().cert());
        assertEquals(List.of(), check(wildChain, wildcard.key()).findings(), "*.example.org covers " + HOST);
        assertTrue(NameCheck.covers("*.Example.ORG", "MAIL.example.org"));
        assertFalse(NameCheck.covers("*.example.org", "a.mail.example.org"));
        assertFalse(NameCheck.covers("*.example.org", "example.org"));
    }

    @Test
    void weakKeysAreRefused() {
        Issued weak = pki.leaf("weak", pki.intermediate(), "rsa1024", Duration.ofDays(-1), Duration.ofDays(90), HOST);
        Path chain = TestPki.concat(dir.resolve("weak-chain.pem"), weak.cert(), pki.intermediate().cert());
        ChainVerdict v = check(chain, weak.key());
        assertEquals(List.of("key-too-weak"), codes(v));
        assertEquals("the certificate in " + chain + " has an RSA key of only 1024 bits; make a key of 2048 bits or"
                + " more (pftls new-server-key) and get a certificate for it", v.findings().get(0).text());
        assertEquals(v.findings(), check(chain, null).findings(), "the certificate alone: the same words");
        ChainVerdict key = check(null, weak.key());
        assertEquals(List.of("key-too-weak"), codes(key), "the key alone tells it too");
        assertEquals("the private key " + weak.key() + " is an RSA key of only 1024 bits; make a key of 2048 bits or"
                + " more (pftls new-server-key) and get a certificate for it", key.findings().get(0).text());
    }

    @Test
    void keyFileModes() {
        ChainVerdict open = check(fullchain, good.key(), "0644", "root", true);
        assertEquals(List.of("key-readable"), codes(open));
        assertEquals("the private key " + good.key() + " is readable by group or others (mode 0644); fix: chmod 600 "
                + good.key(), open.findings().get(0).text());
        assertEquals(List.of("key-readable"), codes(check(fullchain, good.key(), "0640", "root", true)),
                "group-readable by another group");
        assertEquals(List.of("key-readable"), codes(check(fullchain, good.key(), "0604", "ssl-cert", true)));
        assertEquals(List.of("key-readable"), codes(check(fullchain, good.key(), "0660", "ssl-cert", true)),
                "ssl-cert may read, not write");
        ChainVerdict debian = check(fullchain, good.key(), "0640", "ssl-cert", true);
        assertEquals(List.of("key-ssl-cert-group"), codes(debian));
        assertEquals(Severity.INFO, debian.findings().get(0).severity());
        assertTrue(debian.usable());
        assertEquals("the private key " + good.key() + " is readable by group ssl-cert (mode 0640): accepted, Debian's"
                + " convention for keys that services share (only members of ssl-cert can read it)",
                debian.findings().get(0).text());
        assertEquals(List.of(), check(fullchain, good.key(), "0400", "root", true).findings());
    }

    @Test
    void theKeyMayComeFirstInOneFileWithTheChain() {
        Path combined = TestPki.concat(dir.resolve("combined.pem"), good.key(), good.cert(), pki.intermediate().cert());
        ChainVerdict v = check(combined, combined);
        assertEquals(List.of(), v.findings());
        assertEquals(2, v.chain().size());
    }

    @Test
    void unreadableFilesAreProblemsWithTheirReason() {
        ChainFiles files = new ChainFiles(
                Optional.of(new ChainFiles.FileRead(Path.of("/x/cert.pem"), Optional.empty(),
                        Optional.of("cannot read certificate file /x/cert.pem (No such file or directory); check the"
                                + " path"), Optional.empty())),
                Optional.of(new ChainFiles.FileRead(Path.of("/x/key.pem"), Optional.of("junk".getBytes()),
                        Optional.empty(), Optional.of(info("0600", "root")))));
        ChainVerdict v = ChainCheck.check(files, new ChainCheck.Context(NOW, Optional.of(HOST), true,
                Optional.empty()));
        assertEquals(List.of("key-unusable", "cert-unreadable"), codes(v));
        assertFalse(v.usable());
        assertEquals(Optional.empty(), v.key());
    }

    @Test
    void renewalAdviceDependsOnWhoIssuedIt() {
        Issued selfSigned = pki.selfSigned("self", "rsa2048", Duration.ofDays(-400), Duration.ofDays(-1), HOST);
        ChainVerdict v = check(selfSigned.cert(), selfSigned.key(), "0600", "root", false);
        assertEquals(List.of("cert-expired"), codes(v), "self-signed: no intermediate expected");
        assertTrue(v.findings().get(0).text().endsWith("; make a new one with: pftls new-server-cert -a rsa"),
                v.findings().get(0).text());
        Issued expired = pki.leaf("le", pki.intermediate(), "ec", Duration.ofDays(-100), Duration.ofDays(-1), HOST);
        ChainFiles files = new ChainFiles(Optional.of(file(expired.cert(), "0644", "root")), Optional.empty());
        ChainVerdict certbot = ChainCheck.check(files, new ChainCheck.Context(NOW, Optional.of(HOST), false,
                Optional.of("mail.example.org")));
        assertTrue(certbot.firstProblem().orElseThrow().text().endsWith(
                "; renew it with: certbot renew --cert-name mail.example.org"), certbot.firstProblem().get().text());
    }

    private static String openssl(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of(TestPki.OPENSSL.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals(0, p.waitFor(), String.join(" ", args));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** SHA-256 of a PEM public key's DER, as openssl computes it. */
    private static String sha256OfPem(String publicKeyPem) {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", TestPki.OPENSSL + " pkey -pubin -outform DER | "
                    + TestPki.OPENSSL + " dgst -sha256 -r").start();
            p.getOutputStream().write(publicKeyPem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals(0, p.waitFor());
            return out.split(" ")[0].trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
