package org.pftls.engine.ports;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * A live STARTTLS probe of an SMTP server: connect, read the greeting, EHLO, STARTTLS, then one
 * TLS handshake offering only the signature algorithms of one key algorithm, so that a server
 * with an RSA and an ECDSA certificate must present the one asked for. The served chain is
 * recorded, never trusted or rejected: the caller compares it with what is deployed. Every step
 * is bounded by the timeout; the whole probe never takes (much) longer.
 */
public interface SmtpProbe {

    /** How far the probe got, or where it stopped. */
    enum Outcome {
        /** The handshake completed; {@link Result#chain()} holds what the server presented. */
        HANDSHAKE_DONE,
        /** Nothing listens there (connection refused). */
        REFUSED,
        /** No route, unknown host, or another network error before the greeting. */
        UNREACHABLE,
        /** A step did not finish within the timeout ({@link Result#stage()} says which). */
        TIMEOUT,
        /** The server closed the connection ({@link Result#stage()} says when). */
        CLOSED,
        /** The greeting or the EHLO reply was not a 2xx reply. */
        SMTP_REJECTED,
        /** EHLO did not list STARTTLS. */
        STARTTLS_NOT_OFFERED,
        /** STARTTLS was answered with something other than 220 (Postfix: 454 on a broken key). */
        STARTTLS_REFUSED,
        /** The TLS handshake failed (e.g. no certificate for the algorithm asked for). */
        HANDSHAKE_FAILED
    }

    /** The step a probe was at. */
    enum Stage { CONNECT, GREETING, EHLO, STARTTLS, HANDSHAKE, QUIT }

    /**
     * What one probe saw.
     *
     * @param outcome  how it ended
     * @param stage    the step it ended at
     * @param detail   the server's reply or the error, for people (empty when there is nothing to say)
     * @param chain    the certificates presented in the handshake, leaf first (empty unless completed)
     * @param protocol e.g. TLSv1.3 (empty unless completed)
     * @param cipher   e.g. TLS_AES_256_GCM_SHA384 (empty unless completed)
     * @param elapsed  how long the probe took
     */
    record Result(Outcome outcome, Stage stage, String detail, List<X509Certificate> chain, String protocol,
                  String cipher, Duration elapsed) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(stage, "stage");
            detail = detail == null ? "" : detail;
            chain = List.copyOf(chain);
            protocol = protocol == null ? "" : protocol;
            cipher = cipher == null ? "" : cipher;
        }

        public boolean completed() {
            return outcome == Outcome.HANDSHAKE_DONE;
        }
    }

    /**
     * Probes {@code host:port} offering only {@code algorithm}'s signature algorithms; never
     * throws for anything the network or the server does, and returns within about {@code timeout}.
     */
    Result probe(String host, int port, KeyAlgorithm algorithm, Duration timeout);
}
