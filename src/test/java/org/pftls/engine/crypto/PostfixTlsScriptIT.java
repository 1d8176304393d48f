package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the real {@code postfix tls} (Debian's; fails, not skips, where it is
 * missing): keys, certificates, CSRs and TLSA records of the script versus ours for the same key.
 */
class PostfixTlsScriptIT {
    private static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    private static final List<String> NAMES = List.of("a.example", "b.example");

    @TempDir
    Path config;

    private String postfix(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(POSTFIX.toString(), "-c", config.toString(), "tls"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "postfix tls " + String.join(" ", args));
        return out;
    }

    private Path only(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(config)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, found.size(), prefix + " files: " + found);
            return found.get(0);
        }
    }

    @Test
    void sameOutputsAsTheRealScript() throws Exception {
        assertTrue(Files.isExecutable(POSTFIX), POSTFIX + " is missing: install Postfix: apt-get install postfix"
                + " (see .ci/run)");
        Files.writeString(config.resolve("main.cf"), "compatibility_level = 3.6\nmyhostname = mx.example.com\n");
        Files.writeString(config.resolve("master.cf"), "");
        postfix("new-server-key", "a.example", "b.example");
        postfix("new-server-key", "-a", "ecdsa", "-b", "secp384r1", "a.example", "b.example");

        for (String prefix : List.of("", "ec")) {
            Path keyFile = only(prefix + "key-");
            Path certFile = only(prefix + "cert-");
            LoadedKey key = TestKeys.load(keyFile);
            assertEquals(prefix.isEmpty() ? "RSA 2048 bits" : "ECDSA secp384r1", key.description());

            // The key file is exactly what we would have written for that key.
            assertEquals(TestKeys.readText(keyFile), PrivateKeyPem.encode(key.keyPair()));

            // The certificate, but for serial, dates and signature.
            Path ours = TestKeys.write(config, "ours.pem", SelfSignedCertificates.toPem(
                    new SelfSignedCertificates(TestKeys.CLOCK, TestKeys.seeded(41)).create(key.keyPair(), NAMES)));
            assertEquals(SelfSignedCertificatesTest.normalisedText(certFile), SelfSignedCertificatesTest.normalisedText(ours));
            assertTrue(PublicKeys.sameKey(CertificateFiles.readCertificates(TestKeys.read(certFile),
                    certFile.toString()).get(0).getPublicKey(), key.keyPair().getPublic()), "certificate and key match");

            // TLSA record and CSR.
            assertEquals("; " + keyFile + "\n" + Tlsa.record("mx.example.com", key.keyPair().getPublic()) + "\n",
                    postfix("output-server-tlsa", keyFile.toString()));
            String scriptCsr = postfix("output-server-csr", "-k", keyFile.toString(), "a.example", "b.example");
            String ourCsr = new CsrBuilder(TestKeys.seeded(42)).csrPem(key.keyPair(), NAMES);
            if (prefix.isEmpty()) {
                assertEquals(scriptCsr, ourCsr);
            } else {
                Path a = TestKeys.write(config, "a.csr", scriptCsr);
                Path b = TestKeys.write(config, "b.csr", ourCsr);
                assertEquals(OpenSsl.text("req", "-in", a.toString(), "-noout", "-text").replaceAll(
                                "(?s)Signature Value:.*", ""),
                        OpenSsl.text("req", "-in", b.toString(), "-noout", "-text").replaceAll("(?s)Signature Value:.*", ""));
            }
        }
        assertNull(Security.getProvider("BC"), "the Bouncy Castle provider is never registered");
        assertTrue(Files.exists(config.resolve("main.cf")));
    }
}
