package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.tls.Detector;
import org.pftls.engine.tls.Instance;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;
import org.pftls.ui.DetectionReport;

/**
 * Issue #13, finding 7: text from outside (the history file, certificate fields, file names)
 * reaches root's terminal with its control characters escaped: an ESC or BEL in a certificate
 * subject or a history line could retitle the window, clear the screen or fake output.
 */
class TerminalEscapesTest {
    private static final String NASTY = "ev\u001b]0;pwned\u0007il\u001b[2J\u009b1m\u202e";

    @TempDir
    Path dir;

    private static boolean clean(String text) {
        return text.chars().noneMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || c == 0x202e);
    }

    @Test
    void historyLinesAreEscaped() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        assertEquals(0, s.run("enable-client").status());
        String line = "time=2026-11-25T12:00:01Z\top=enable-client\tfile=%2Ftmp%2Fx%1B%5B2J.pem\tset=myorigin=a%1B%5D0%3Bx%07"
                + "\targ=pftls\targ=%1B%5B31mred\n";
        Files.writeString(dir.resolve("pftls-history.log"), line, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Run r = s.run("history");
        assertEquals(0, r.status(), r.err());
        assertTrue(clean(r.out()), r.out());
        assertTrue(r.out().contains("created: /tmp/x\\x1b[2J.pem"), r.out());
        assertTrue(r.out().contains("myorigin='a\\x1b]0;x\\x07'"), r.out());
    }

    @Test
    void certificateFieldsAreEscapedInStatusAndTheDetectScreen() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        X500Name name = new X500Name("CN=mail.example.org,O=" + NASTY.replace(";", "\\;"));
        var cert = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(Sandbox.NOW.minusSeconds(3600)),
                Date.from(Sandbox.NOW.plusSeconds(86400L * 365)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        write(dir.resolve("c.pem"), "CERTIFICATE", cert.getEncoded());
        write(dir.resolve("k.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
        Files.setPosixFilePermissions(dir.resolve("k.pem"), java.nio.file.attribute.PosixFilePermissions
                .fromString("rw-------"));
        assertEquals(0, s.run("deploy-server-cert", "c.pem", "k.pem").status());

        Run r = s.run("status");
        assertTrue(clean(r.out()), r.out());
        assertTrue(r.out().contains("\\x1b]0"), r.out());
        for (String line : DetectionReport.lines(new Detector(Instance.read(dir, s.ports())).detect())) {
            assertTrue(clean(line), "what the wizards' Detect step shows: " + line);
        }
        var summary = org.pftls.engine.crypto.CertificateSummary.of((java.security.cert.X509Certificate)
                java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                        new java.io.ByteArrayInputStream(cert.getEncoded())));
        assertTrue(clean(summary.subject()), "the summary the wizards' Review shows: " + summary.subject());
    }

    @Test
    void fileNamesInMessagesAreEscaped() {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Run r = s.run("deploy-server-cert", "x\u001b[2J.pem", "k\u0007.pem");
        assertEquals(1, r.status());
        assertTrue(clean(r.err()), r.err());
        assertTrue(r.err().contains("k\\x07.pem"), r.err());
    }

    private static void write(Path p, String type, byte[] der) throws Exception {
        try (PemWriter w = new PemWriter(Files.newBufferedWriter(p, StandardCharsets.US_ASCII))) {
            w.writeObject(new PemObject(type, der));
        }
    }
}
