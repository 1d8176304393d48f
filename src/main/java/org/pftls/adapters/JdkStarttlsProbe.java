package org.pftls.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.ports.SmtpProbe;

/**
 * The STARTTLS probe on a plain socket and the JDK's TLS: EHLO and STARTTLS spoken here, then the
 * same socket handed to an {@link SSLSocket} ({@code createSocket(socket, host, port, true)}).
 *
 * <p>Which certificate the server presents is forced per connection: JDK 17 has no
 * {@code SSLParameters.setSignatureSchemes} (JDK 19+) and its {@code jdk.tls.client.SignatureSchemes}
 * is a process-wide property read once, but the signature schemes a client offers are filtered by
 * the connection's {@link java.security.AlgorithmConstraints} ({@link SignatureSchemesOf}), so the
 * ClientHello of an RSA probe lists only RSA schemes (RSA-PSS included, which TLS 1.3 needs for an
 * RSA key) and that of an ECDSA probe only ECDSA schemes; for TLS 1.2 the cipher suites are also
 * restricted to ECDHE_RSA or ECDHE_ECDSA (and TLS 1.3's, which do not name a key type). The chain is
 * recorded by {@link ChainRecorder}, which accepts anything: the caller compares public keys.
 *
 * <p>Bounds: the connect has the timeout; every read has what is left of it as its socket
 * timeout; and a watchdog closes the socket when the time is up, so a server that trickles bytes
 * cannot stretch the probe either.
 */
public final class JdkStarttlsProbe implements SmtpProbe {
    /** Longest SMTP reply line and most lines per reply read before giving up on a server. */
    private static final int MAX_LINE = 4096;
    private static final int MAX_LINES = 200;
    private static final String EHLO_NAME = "localhost";
    /** How long to wait for the reply to QUIT: the result is known by then. */
    private static final int QUIT_WAIT_MILLIS = 500;

    @Override
    public Result probe(String host, int port, KeyAlgorithm algorithm, Duration timeout) {
        return new Attempt(host, port, algorithm, timeout).run();
    }

    /** One probe: its socket, deadline and watchdog. */
    private static final class Attempt {
        private final String host;
        private final int port;
        private final KeyAlgorithm algorithm;
        private final long started = System.nanoTime();
        private final long deadline;
        private final Socket plain = new Socket();
        private Stage stage = Stage.CONNECT;
        private volatile boolean expired;

        Attempt(String host, int port, KeyAlgorithm algorithm, Duration timeout) {
            this.host = host;
            this.port = port;
            this.algorithm = algorithm;
            this.deadline = started + Math.max(1, timeout.toNanos());
        }

        Result run() {
            Thread watchdog = new Thread(this::watch, "pftls-probe-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            try {
                return talk();
            } catch (SocketTimeoutException e) {
                return end(Outcome.TIMEOUT, "no answer within the time allowed");
            } catch (ConnectException e) {
                return end(expired ? Outcome.TIMEOUT : Outcome.REFUSED, e.getMessage());
            } catch (UnknownHostException e) {
                return end(Outcome.UNREACHABLE, "unknown host " + e.getMessage());
            } catch (SSLException e) {
                return end(expired ? Outcome.TIMEOUT : Outcome.HANDSHAKE_FAILED, message(e));
            } catch (IOException e) {
                if (expired) {
                    return end(Outcome.TIMEOUT, "no answer within the time allowed");
                }
                return end(stage == Stage.CONNECT ? Outcome.UNREACHABLE : Outcome.CLOSED, message(e));
            } finally {
                watchdog.interrupt();
                closeQuietly(plain);
            }
        }

        private Result talk() throws IOException {
            plain.connect(new InetSocketAddress(host, port), remainingMillis());
            InputStream in = plain.getInputStream();
            OutputStream out = plain.getOutputStream();
            stage = Stage.GREETING;
            Reply greeting = read(in);
            if (greeting == null) {
                return end(Outcome.CLOSED, "the server closed the connection before its greeting");
            }
            if (!greeting.positive()) {
                return end(Outcome.SMTP_REJECTED, greeting.text());
            }
            stage = Stage.EHLO;
            send(out, "EHLO " + EHLO_NAME);
            Reply ehlo = read(in);
            if (ehlo == null) {
                return end(Outcome.CLOSED, "the server closed the connection after EHLO");
            }
            if (!ehlo.positive()) {
                return end(Outcome.SMTP_REJECTED, ehlo.text());
            }
            if (!ehlo.offers("STARTTLS")) {
                quietQuit(in, out);
                return end(Outcome.STARTTLS_NOT_OFFERED, ehlo.text());
            }
            stage = Stage.STARTTLS;
            send(out, "STARTTLS");
            Reply starttls = read(in);
            if (starttls == null) {
                return end(Outcome.CLOSED, "the server closed the connection after STARTTLS");
            }
            if (starttls.code() != 220) {
                quietQuit(in, out);
                return end(Outcome.STARTTLS_REFUSED, starttls.text());
            }
            stage = Stage.HANDSHAKE;
            ChainRecorder recorder = new ChainRecorder();
            SSLSocket tls = (SSLSocket) context(recorder).getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setAlgorithmConstraints(new SignatureSchemesOf(algorithm));
            parameters.setEndpointIdentificationAlgorithm(null);
            parameters.setCipherSuites(suitesFor(algorithm, parameters.getCipherSuites()));
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(remainingMillis());
            tls.startHandshake();
            SSLSession session = tls.getSession();
            List<X509Certificate> chain = recorder.chain();
            String protocol = session.getProtocol();
            String cipher = session.getCipherSuite();
            stage = Stage.QUIT;
            quietQuit(tls.getInputStream(), tls.getOutputStream());
            closeQuietly(tls);
            return new Result(Outcome.HANDSHAKE_DONE, Stage.HANDSHAKE, "", chain, protocol, cipher, elapsed());
        }

        /**
         * TLS 1.3 suites (any certificate) and the TLS 1.2 suites of the algorithm only: a server that
         * picks its suite first (the JDK's) would otherwise choose ECDHE_ECDSA for an RSA probe and then
         * fail, finding no signature scheme the probe offers.
         */
        private static String[] suitesFor(KeyAlgorithm algorithm, String[] enabled) {
            String tag = algorithm == KeyAlgorithm.ECDSA ? "_ECDSA_" : "_RSA_";
            return Arrays.stream(enabled)
                    .filter(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_") || s.contains("_SCSV")
                            || s.contains(tag) && !s.startsWith("TLS_ECDH_"))
                    .toArray(String[]::new);
        }

        private static SSLContext context(ChainRecorder recorder) throws IOException {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new javax.net.ssl.TrustManager[] {recorder}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new SSLException("the Java runtime cannot make a TLS client: " + e.getMessage(), e);
            }
        }

        /** QUIT, and a short wait for the reply: a polite end that never holds the probe up. */
        private void quietQuit(InputStream in, OutputStream out) {
            try {
                send(out, "QUIT");
                read(in, QUIT_WAIT_MILLIS);
            } catch (IOException | RuntimeException e) {
                // the probe's result is already known
            }
        }

        private void send(OutputStream out, String command) throws IOException {
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** One SMTP reply (all its lines); null when the server closed the connection first. */
        private Reply read(InputStream in) throws IOException {
            return read(in, Integer.MAX_VALUE);
        }

        /** {@link #read(InputStream)}, each read waiting at most {@code capMillis}. */
        private Reply read(InputStream in, int capMillis) throws IOException {
            StringBuilder text = new StringBuilder();
            List<String> lines = new ArrayList<>();
            for (int n = 0; n < MAX_LINES; n++) {
                plain.setSoTimeout(Math.min(capMillis, remainingMillis()));
                String line = readLine(in);
                if (line == null) {
                    return null;
                }
                lines.add(line);
                if (text.length() > 0) {
                    text.append(" / ");
                }
                text.append(line);
                if (line.length() < 4 || line.charAt(3) != '-') {
                    int code = line.length() >= 3 && line.substring(0, 3).chars().allMatch(Character::isDigit)
                            ? Integer.parseInt(line.substring(0, 3)) : 0;
                    return new Reply(code, lines, text.toString());
                }
            }
            throw new IOException("the server sent a reply of more than " + MAX_LINES + " lines");
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return b.length() == 0 ? null : b.toString();
                }
                if (c == '\n') {
                    int end = b.length();
                    if (end > 0 && b.charAt(end - 1) == '\r') {
                        b.setLength(end - 1);
                    }
                    return b.toString();
                }
                if (b.length() >= MAX_LINE) {
                    throw new IOException("the server sent a line of more than " + MAX_LINE + " characters");
                }
                // only printable ASCII is kept for messages; the rest is shown as '?'
                b.append(c >= 0x20 && c < 0x7f || c == '\r' ? (char) c : '?');
            }
        }

        private int remainingMillis() throws SocketTimeoutException {
            long left = deadline - System.nanoTime();
            if (left <= 0 || expired) {
                throw new SocketTimeoutException("time is up");
            }
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
        }

        private void watch() {
            try {
                long left;
                while ((left = deadline - System.nanoTime()) > 0) {
                    Thread.sleep(Math.max(1, left / 1_000_000));
                }
                expired = true;
                closeQuietly(plain);
            } catch (InterruptedException e) {
                // the probe ended in time
            }
        }

        private Result end(Outcome outcome, String detail) {
            return new Result(outcome, stage, detail, List.of(), "", "", elapsed());
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        private static String message(Exception e) {
            String m = e.getMessage();
            return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is best effort
            }
        }
    }

    /** An SMTP reply: its code and lines. */
    private record Reply(int code, List<String> lines, String text) {
        boolean positive() {
            return code >= 200 && code < 300;
        }

        /** Whether an EHLO reply lists the keyword (each line after the first is one extension). */
        boolean offers(String keyword) {
            for (int i = 1; i < lines.size(); i++) {
                String ext = lines.get(i).length() > 4 ? lines.get(i).substring(4).trim() : "";
                String word = ext.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                if (word.equals(keyword)) {
                    return true;
                }
            }
            return false;
        }
    }
}
