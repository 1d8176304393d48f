package org.pftls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyMaker;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.crypto.SelfSignedCertificates;

/**
 * An SMTP server on a loopback port, in this JVM, that behaves in one of several ways: a
 * STARTTLS server with an RSA and an ECDSA certificate (the JDK's TLS picks one by the client's
 * signature algorithms, as OpenSSL does in Postfix), or a broken one (silent, trickling, refusing
 * STARTTLS, never finishing the handshake). Serves connections until closed.
 */
public final class FakeSmtpServer implements AutoCloseable {
    public enum Behaviour { STARTTLS, SILENT, TRICKLE, NO_STARTTLS, STARTTLS_454, HANDSHAKE_NEVER }

    /** A key pair and its self-signed certificate. */
    public record Identity(KeyPair keys, X509Certificate certificate) { }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final SSLContext tls;
    private final String[] protocols;
    private final Thread thread;

    public FakeSmtpServer(Behaviour behaviour, Identity rsa, Identity ecdsa, String... protocols) throws Exception {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        this.protocols = protocols;
        this.tls = rsa == null ? null : context(rsa, ecdsa);
        this.thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public static Identity identity(KeyAlgorithm algorithm, long seed) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        KeyPair keys = new KeyMaker(random).generate(KeySpec.defaultFor(algorithm));
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        return new Identity(keys, new SelfSignedCertificates(clock, random).create(keys, List.of("fake.example")));
    }

    /** The key and (first) certificate in PEM files, e.g. those pftls deployed. */
    public static Identity fromFiles(java.nio.file.Path key, java.nio.file.Path certificate) throws Exception {
        KeyPair keys = org.pftls.engine.crypto.KeyFiles.readPrivateKey(java.nio.file.Files.readAllBytes(key),
                key.toString()).keyPair();
        X509Certificate cert = org.pftls.engine.crypto.CertificateFiles.readCertificates(
                java.nio.file.Files.readAllBytes(certificate), certificate.toString()).get(0);
        return new Identity(keys, cert);
    }

    public int port() {
        return server.getLocalPort();
    }

    private static SSLContext context(Identity rsa, Identity ecdsa) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] pw = "x".toCharArray();
        store.setKeyEntry("rsa", rsa.keys().getPrivate(), pw, new X509Certificate[] {rsa.certificate()});
        if (ecdsa != null) {
            store.setKeyEntry("ec", ecdsa.keys().getPrivate(), pw, new X509Certificate[] {ecdsa.certificate()});
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(store, pw);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s);
            } catch (IOException | RuntimeException e) {
                // the next connection
            }
        }
    }

    private void session(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        switch (behaviour) {
            case SILENT -> {
                sleep(20_000);
                return;
            }
            case TRICKLE -> {
                for (int i = 0; i < 400; i++) {
                    out.write('2');
                    out.flush();
                    sleep(50);
                }
                return;
            }
            default -> { }
        }
        write(out, "220 fake.example ESMTP\r\n");
        readLine(in);
        write(out, behaviour == Behaviour.NO_STARTTLS ? "250-fake.example\r\n250 8BITMIME\r\n"
                : "250-fake.example\r\n250-PIPELINING\r\n250 STARTTLS\r\n");
        String command = readLine(in);
        if (command.startsWith("QUIT")) {
            write(out, "221 bye\r\n");
            return;
        }
        if (behaviour == Behaviour.STARTTLS_454) {
            write(out, "454 4.7.0 TLS not available due to local problem\r\n");
            readLine(in);
            write(out, "221 bye\r\n");
            return;
        }
        write(out, "220 2.0.0 Ready to start TLS\r\n");
        if (behaviour == Behaviour.HANDSHAKE_NEVER) {
            sleep(20_000);
            return;
        }
        SSLSocket t = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), false);
        t.setUseClientMode(false);
        if (protocols.length > 0) {
            t.setEnabledProtocols(protocols);
        }
        t.startHandshake();
        String quit = readLine(t.getInputStream());
        if (quit.startsWith("QUIT")) {
            write(t.getOutputStream(), "221 2.0.0 Bye\r\n");
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.append((char) c);
        }
        return b.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
