package org.pftls.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.dane.TlsaData;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;

/**
 * The deploy guard's decisions, with the DNS answers given here (the same against a real signed
 * zone and resolver: DaneIT): it asks only when the key changes, refuses when no usable record
 * matches, goes on with --force or when DNS cannot be asked, and leaves special-use names alone.
 */
class DaneDeployGuardTest {
    @TempDir
    Path dir;

    /** Answers every TLSA question with one answer, and counts the questions. */
    static final class Answers implements DnsLookup {
        final List<String> asked = new ArrayList<>();
        TlsaAnswer answer;

        @Override
        public String resolver() {
            return "test resolver";
        }

        @Override
        public TlsaAnswer tlsa(String name, boolean validate) {
            asked.add(name);
            return answer;
        }

        @Override
        public Reply ask(String name, String type, boolean checkingDisabled) {
            throw new AssertionError("not asked by the guard");
        }
    }

    private Sandbox staged(String myhostname) throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.writeMainCf((s.mainCfText() + "myhostname = " + myhostname + "\n").getBytes());
        assertEquals(0, s.run("enable-server").status());
        assertEquals(0, s.run("new-server-key").status());
        return s;
    }

    private org.pftls.engine.plan.Plan deploy(Sandbox s, Answers dns, boolean force, boolean explicit) throws Exception {
        var engine = new org.pftls.engine.tls.TlsEngine(org.pftls.engine.tls.Instance.read(dir, s.ports()));
        return engine.deployServerCert(newest("cert-").toString(), newest("key-").toString(),
                false, new org.pftls.engine.dane.DaneDeployGuard(dns, force, explicit));
    }

    private String record(String prefix) throws Exception {
        var key = org.pftls.engine.crypto.KeyFiles.readPrivateKey(Files.readAllBytes(newest(prefix)), "k");
        return TlsaData.of(key.keyPair().getPublic()).presentation();
    }

    private static DnsLookup.TlsaAnswer answer(DnsLookup.Status status, String... records) {
        List<TlsaData> list = new ArrayList<>();
        for (String r : records) {
            String[] f = r.split(" ");
            list.add(new TlsaData(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    java.util.HexFormat.of().parseHex(f[3])));
        }
        return new DnsLookup.TlsaAnswer(status, list, DnsLookup.Dnssec.UNCHECKED, false, "");
    }

    @Test
    void refusesANewKeyThatNoPublishedRecordMatches() throws Exception {
        Sandbox s = staged("mx.pftls-test.org");
        Answers dns = new Answers();
        String current = Files.readString(s.mainCf()).lines().filter(l -> l.startsWith("smtpd_tls_key_file"))
                .findFirst().orElseThrow();
        dns.answer = answer(DnsLookup.Status.ANSWER, "3 1 1 " + "00".repeat(32), "1 1 1 " + "11".repeat(32));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.pftls.engine.PftlsException.class,
                () -> deploy(s, dns, false, false));
        assertEquals(List.of("_25._tcp.mx.pftls-test.org"), dns.asked);
        assertTrue(e.getMessage().startsWith("none of the 1 TLSA record(s) of _25._tcp.mx.pftls-test.org matches the key"
                + " in " + newest("key-") + ": DANE clients would stop delivering mail to mx.pftls-test.org; publish"
                + " _25._tcp.mx.pftls-test.org. IN TLSA " + record("key-") + " first"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(or deploy anyway with --force); nothing was changed"), e.getMessage());
        // --force: a warning instead
        var forced = deploy(s, dns, true, false);
        assertTrue(forced.warnings().get(0).contains("deploying anyway (--force): publish"), forced.warnings().toString());
        // published: no word
        dns.answer = answer(DnsLookup.Status.ANSWER, "3 1 1 " + "00".repeat(32), record("key-"));
        assertEquals(List.of(), deploy(s, dns, false, false).warnings());
        // no records, or only records SMTP clients do not use: no word
        dns.answer = answer(DnsLookup.Status.NXDOMAIN);
        assertEquals(List.of(), deploy(s, dns, false, false).warnings());
        dns.answer = answer(DnsLookup.Status.ANSWER, "1 1 1 " + "11".repeat(32));
        assertEquals(List.of(), deploy(s, dns, false, false).warnings());
        assertTrue(Files.readString(s.mainCf()).contains(current), "planning changed nothing");
    }

    @Test
    void goesOnWithOneWarningWhenDnsCannotBeAsked() throws Exception {
        Sandbox s = staged("mx.pftls-test.org");
        Answers dns = new Answers();
        dns.answer = new DnsLookup.TlsaAnswer(DnsLookup.Status.TIMEOUT, List.of(), DnsLookup.Dnssec.UNCHECKED, false,
                "no answer within 2.0 s");
        List<String> w = deploy(s, dns, false, false).warnings();
        assertEquals(1, w.size());
        assertTrue(w.get(0).startsWith("cannot look up the TLSA records of _25._tcp.mx.pftls-test.org at test resolver"
                + " (no answer: no answer within 2.0 s); if mx.pftls-test.org has TLSA records, make sure one matches"
                + " the new key before you reload Postfix: _25._tcp.mx.pftls-test.org. IN TLSA 3 1 1 "), w.get(0));
    }

    @Test
    void asksNothingForTheSameKeyOrASpecialUseName() throws Exception {
        Sandbox s = staged("mx.localdomain");
        Answers dns = new Answers();
        deploy(s, dns, false, false);
        assertEquals(List.of(), dns.asked, "host.localdomain is not in the public DNS");
        dns.answer = answer(DnsLookup.Status.NXDOMAIN);
        deploy(s, dns, false, true);
        assertEquals(List.of("_25._tcp.mx.localdomain"), dns.asked, "unless a resolver is named");
        // a renewed certificate for the deployed key: its TLSA 3 1 1 record stays valid
        Run cert = s.run("new-server-cert");
        assertEquals(0, cert.status(), cert.err());
        Answers none = new Answers();
        var engine = new org.pftls.engine.tls.TlsEngine(org.pftls.engine.tls.Instance.read(dir, s.ports()));
        String deployedKey = Files.readString(s.mainCf()).lines().filter(l -> l.startsWith("smtpd_tls_key_file = "))
                .findFirst().orElseThrow().substring("smtpd_tls_key_file = ".length());
        engine.deployServerCert(newest("cert-").toString(), deployedKey,
                false, new org.pftls.engine.dane.DaneDeployGuard(none, false, true));
        assertEquals(List.of(), none.asked);
    }

    private Path newest(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).orElseThrow();
        }
    }
}
