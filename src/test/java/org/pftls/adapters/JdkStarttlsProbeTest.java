package org.pftls.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pftls.testing.FakeSmtpServer;
import org.pftls.testing.FakeSmtpServer.Behaviour;
import org.pftls.testing.FakeSmtpServer.Identity;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.ports.SmtpProbe.Outcome;
import org.pftls.engine.ports.SmtpProbe.Result;
import org.pftls.engine.ports.SmtpProbe.Stage;

/**
 * The STARTTLS probe against SMTP servers in this JVM: it forces the RSA or the ECDSA certificate
 * of a server that has both, in TLS 1.3 and 1.2, and a dead or broken server never holds it much
 * beyond its timeout. (The same probe against a real Postfix: VerifyIT.)
 */
class JdkStarttlsProbeTest {
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    /** The timeout plus what a loaded machine may add; far below what a hang would take. */
    private static final long LIMIT_MILLIS = 3000;
    private static Identity rsa;
    private static Identity ecdsa;

    private final JdkStarttlsProbe probe = new JdkStarttlsProbe();

    @BeforeAll
    static void keys() throws Exception {
        rsa = FakeSmtpServer.identity(KeyAlgorithm.RSA, 1);
        ecdsa = FakeSmtpServer.identity(KeyAlgorithm.ECDSA, 2);
    }

    @Test
    void forcesTheRsaOrTheEcdsaCertificateInTls13() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.STARTTLS, rsa, ecdsa)) {
            Result r = probe.probe("127.0.0.1", server.port(), KeyAlgorithm.RSA, Duration.ofSeconds(10));
            assertEquals(Outcome.HANDSHAKE_DONE, r.outcome(), r.toString());
            assertArrayEquals(rsa.certificate().getEncoded(), r.chain().get(0).getEncoded());
            assertEquals("TLSv1.3", r.protocol());
            Result e = probe.probe("127.0.0.1", server.port(), KeyAlgorithm.ECDSA, Duration.ofSeconds(10));
            assertEquals(Outcome.HANDSHAKE_DONE, e.outcome(), e.toString());
            assertArrayEquals(ecdsa.certificate().getEncoded(), e.chain().get(0).getEncoded());
        }
    }

    @Test
    void forcesTheRsaOrTheEcdsaCertificateInTls12() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.STARTTLS, rsa, ecdsa, "TLSv1.2")) {
            Result r = probe.probe("127.0.0.1", server.port(), KeyAlgorithm.RSA, Duration.ofSeconds(10));
            assertEquals(Outcome.HANDSHAKE_DONE, r.outcome(), r.toString());
            assertArrayEquals(rsa.certificate().getEncoded(), r.chain().get(0).getEncoded(), r.toString());
            assertEquals("TLSv1.2", r.protocol());
            assertTrue(r.cipher().contains("ECDHE_RSA"), r.cipher());
            Result e = probe.probe("127.0.0.1", server.port(), KeyAlgorithm.ECDSA, Duration.ofSeconds(10));
            assertArrayEquals(ecdsa.certificate().getEncoded(), e.chain().get(0).getEncoded(), e.toString());
            assertTrue(e.cipher().contains("ECDHE_ECDSA"), e.cipher());
        }
    }

    @Test
    void anEcdsaProbeOfAnRsaOnlyServerFailsTheHandshake() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.STARTTLS, rsa, null)) {
            Result e = probe.probe("127.0.0.1", server.port(), KeyAlgorithm.ECDSA, Duration.ofSeconds(10));
            assertEquals(Outcome.HANDSHAKE_FAILED, e.outcome(), e.toString());
            assertEquals(Stage.HANDSHAKE, e.stage());
        }
    }

    @Test
    void aServerThatSaysNothingTimesOutAtTheGreeting() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.SILENT, null, null)) {
            Result r = timed(server.port());
            assertEquals(Outcome.TIMEOUT, r.outcome(), r.toString());
            assertEquals(Stage.GREETING, r.stage());
        }
    }

    @Test
    void aServerThatTricklesBytesIsCutOffAtTheDeadline() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.TRICKLE, null, null)) {
            Result r = timed(server.port());
            assertEquals(Outcome.TIMEOUT, r.outcome(), r.toString());
        }
    }

    @Test
    void aHandshakeThatNeverCompletesTimesOut() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.HANDSHAKE_NEVER, rsa, null)) {
            Result r = timed(server.port());
            assertEquals(Outcome.TIMEOUT, r.outcome(), r.toString());
            assertEquals(Stage.HANDSHAKE, r.stage());
        }
    }

    @Test
    void noStarttlsAndA454AreReportedAsSuch() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.NO_STARTTLS, null, null)) {
            assertEquals(Outcome.STARTTLS_NOT_OFFERED, timed(server.port()).outcome());
        }
        try (FakeSmtpServer server = new FakeSmtpServer(Behaviour.STARTTLS_454, null, null)) {
            Result r = timed(server.port());
            assertEquals(Outcome.STARTTLS_REFUSED, r.outcome());
            assertTrue(r.detail().startsWith("454 4.7.0 TLS not available"), r.detail());
        }
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertEquals(Outcome.REFUSED, timed(port).outcome());
    }

    private Result timed(int port) {
        long start = System.nanoTime();
        Result r = probe.probe("127.0.0.1", port, KeyAlgorithm.RSA, TIMEOUT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < LIMIT_MILLIS, "the probe took " + millis + " ms with a timeout of " + TIMEOUT.toMillis());
        return r;
    }
}
