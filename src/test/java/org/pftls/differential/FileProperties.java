package org.pftls.differential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * The properties of a key, certificate or CSR file that must be the same whichever tool made it,
 * read with openssl (one run per file): PEM block types; the lines of {@code openssl pkey|x509|req
 * -text} (algorithm, size, curve, version, subject, issuer, extensions, signature algorithm)
 * without key material, serial numbers and dates; for certificates also the validity length in
 * days, whether the subject key identifier is the SHA-1 of the public key (RFC 5280 method 1) and
 * the number of certificates; for CSRs whether the signature verifies; for a key that is a copy of
 * a fixture key, the SHA-256 of its bytes (a copy must be byte-identical on both sides).
 */
final class FileProperties {
    private static final Pattern HEX_LINE = Pattern.compile("\\s*(?:[0-9A-Fa-f]{2}:)*[0-9A-Fa-f]{2}:?\\s*");
    private static final Pattern PUBLIC_KEY = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----\\n.*?-----END PUBLIC KEY-----\\n", Pattern.DOTALL);

    /** The file's public key in PEM (as openssl writes it; "" when it has none) and its properties. */
    record Description(String publicKey, List<String> properties) {
    }

    private final Fixtures fixtures;

    FileProperties(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    Description describe(Path file) {
        String text = PemFiles.text(file);
        List<String> p = new ArrayList<>();
        p.add("PEM blocks: " + String.join(", ", PemFiles.blocks(text)));
        String f = file.toString();
        String openssl = RequiredTools.OPENSSL.toString();
        ExternalCommand.Result r;
        switch (PemFiles.kind(file)) {
            case PRIVATE_KEY -> r = ExternalCommand.run(List.of(openssl, "pkey", "-in", f, "-passin", "pass:",
                    "-pubout", "-text"));
            case CERTIFICATE -> r = ExternalCommand.run(List.of(openssl, "x509", "-in", f, "-noout", "-subject",
                    "-issuer", "-ext", "basicConstraints,extendedKeyUsage,subjectAltName", "-pubkey", "-text"));
            case CERTIFICATE_REQUEST -> r = ExternalCommand.run(List.of(openssl, "req", "-in", f, "-noout",
                    "-subject", "-pubkey", "-text", "-verify"));
            default -> {
                p.add("not a key, certificate or CSR");
                return new Description("", p);
            }
        }
        String out = r.outText();
        Matcher key = PUBLIC_KEY.matcher(out);
        String publicKey = key.find() ? key.group() : "";
        p.add("openssl exit status " + r.status());
        p.addAll(filtered(key.replaceAll("")));
        switch (PemFiles.kind(file)) {
            case PRIVATE_KEY -> fixtures.keyName(publicKey).ifPresent(name -> p.add("copy of fixture " + name
                    + ", sha256 " + sha256(text)));
            case CERTIFICATE -> p.addAll(javaView(file));
            default -> { }
        }
        return new Description(publicKey, p);
    }

    /** {@code -text} output without hex dumps (key material, signatures, identifiers), serials and dates. */
    private static List<String> filtered(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String t = line.strip();
            if (HEX_LINE.matcher(line).matches() || t.startsWith("Not Before") || t.startsWith("Not After")) {
                continue;
            }
            lines.add(t.startsWith("Serial Number:") ? "Serial Number: (differs)" : line.stripTrailing());
        }
        return lines;
    }

    /** Validity, subject key identifier method and chain length, from the certificate itself. */
    private static List<String> javaView(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            Instant notBefore = cert.getNotBefore().toInstant();
            List<String> p = new ArrayList<>();
            p.add("certificates in file: " + PemFiles.blocks(PemFiles.text(file)).size());
            p.add("validity: " + Duration.between(notBefore, cert.getNotAfter().toInstant()).toDays() + " days");
            p.add("valid from about now: " + (Duration.between(notBefore, Instant.now()).abs().toHours() < 24));
            byte[] ski = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            if (ski == null) {
                p.add("subject key identifier: none");
            } else {
                byte[] actual = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ski).getOctets())
                        .getKeyIdentifier();
                byte[] method1 = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(cert.getPublicKey())
                        .getKeyIdentifier();
                p.add("subject key identifier: " + (Arrays.equals(actual, method1) ? "SHA-1 of the public key"
                        : "other (" + HexFormat.of().formatHex(actual) + ")"));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            return List.of("unreadable certificate: " + e.getMessage());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
