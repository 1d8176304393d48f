package org.pftls.engine.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.pftls.engine.UntrustedText;

/**
 * What a person wants to see of a certificate before deploying it.
 *
 * @param subject           subject DN, RFC 2253 ({@code CN=mx.example.com}), control characters escaped
 * @param dnsNames          the subjectAltName DNS names, in order, control characters escaped
 * @param notBefore         start of validity
 * @param notAfter          end of validity
 * @param sha256Fingerprint SHA-256 of the DER certificate, {@code AA:BB:...} as {@code openssl x509 -fingerprint -sha256}
 * @param keyDescription    {@code RSA 2048 bits} or {@code ECDSA secp256r1}
 * @param serialHex         serial number in uppercase hex, as {@code openssl x509 -serial}
 */
public record CertificateSummary(String subject, List<String> dnsNames, Instant notBefore, Instant notAfter,
                                 String sha256Fingerprint, String keyDescription, String serialHex) {

    public CertificateSummary {
        dnsNames = List.copyOf(dnsNames);
    }

    /** The summary of a certificate. */
    public static CertificateSummary of(X509Certificate certificate) {
        List<String> dns = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (Integer.valueOf(2).equals(entry.get(0))) {
                        dns.add(UntrustedText.escape(String.valueOf(entry.get(1))));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable SAN is shown as none
        }
        String fingerprint;
        try {
            fingerprint = fingerprint(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            fingerprint = "";
        }
        // Subject and names come from whoever made the certificate: no terminal controls in them.
        return new CertificateSummary(UntrustedText.escape(certificate.getSubjectX500Principal().getName()), dns,
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), fingerprint,
                PublicKeys.describe(certificate.getPublicKey()), serialHex(certificate.getSerialNumber()));
    }

    /** SHA-256 of a DER certificate as {@code openssl x509 -fingerprint -sha256} shows it: {@code AA:BB:...}. */
    static String fingerprint(byte[] der) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A serial number as {@code openssl x509 -serial} shows it: uppercase hex, an even number of digits. */
    static String serialHex(BigInteger serialNumber) {
        String serial = serialNumber.toString(16).toUpperCase(Locale.ROOT);
        return serial.length() % 2 == 1 ? "0" + serial : serial;
    }
}
