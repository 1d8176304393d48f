package org.pftls.engine.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;

/**
 * Makes the self-signed server certificate of {@code postfix tls new-server-key}, with the
 * profile of the script's {@code openssl req -x509 -days 36525} on OpenSSL 3.0:
 * version 3; random positive 159-bit serial; subject = issuer = {@code CN=<first host name>}
 * (UTF8String); valid from now (to the second) for 36525 days; extensions, all non-critical and
 * in this order, basicConstraints CA:FALSE, subjectKeyIdentifier (SHA-1 hash), extendedKeyUsage
 * serverAuth+clientAuth, subjectAltName with every host name; no authorityKeyIdentifier (OpenSSL
 * 3.0 adds none when the config's extension section does not ask for it); SHA-256 signature.
 */
public final class SelfSignedCertificates {
    /** The script's {@code -days 36525}: about 100 years. */
    public static final Duration VALIDITY = Duration.ofDays(36525);
    /** OpenSSL's random serial size ({@code SERIAL_RAND_BITS}). */
    static final int SERIAL_BITS = 159;

    private final Clock clock;
    private final SecureRandom random;

    public SelfSignedCertificates(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A certificate for the key, named for the host names (the first is the CommonName).
     *
     * @throws PftlsException INPUT for bad host names, CRYPTO if signing fails
     */
    public X509Certificate create(KeyPair key, List<String> hostNames) throws PftlsException {
        byte[] der = build(key, hostNames).der();
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new PftlsException(Kind.CRYPTO, "error generating self-signed SSL certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The same certificate as {@link #create}, as PEM text, without a round trip through the JDK's
     * certificate parser (which also starts its security event logging: milliseconds that a
     * command writing a new certificate file does not need to spend).
     */
    public String createPem(KeyPair key, List<String> hostNames) throws PftlsException {
        return Pem.encode("CERTIFICATE", build(key, hostNames).der());
    }

    /** A new certificate as PEM, and its summary as {@link CertificateSummary#of} would give it. */
    public record Issued(String pem, CertificateSummary summary) { }

    /**
     * {@link #createPem}, with the summary made from what went into the certificate: no parse (and
     * no date formatting, which would cost a short-lived command the JDK's locale data).
     */
    public Issued issue(KeyPair key, List<String> hostNames) throws PftlsException {
        Built b = build(key, hostNames);
        try {
            CertificateSummary summary = new CertificateSummary(
                    b.subject().toString(), b.names(), // one CN of a checked host name: RFC 2253 as the JDK writes it
                    b.notBefore(), b.notAfter(), CertificateSummary.fingerprint(b.der()),
                    PublicKeys.describe(key.getPublic()), CertificateSummary.serialHex(b.serial()));
            return new Issued(Pem.encode("CERTIFICATE", b.der()), summary);
        } catch (RuntimeException e) {
            throw new PftlsException(Kind.CRYPTO, "error generating self-signed SSL certificate: " + e.getMessage(), e);
        }
    }

    /** A new certificate and what went into it. */
    private record Built(byte[] der, X500Name subject, BigInteger serial, Instant notBefore, Instant notAfter,
                         List<String> names) { }

    private Built build(KeyPair key, List<String> hostNames) throws PftlsException {
        List<String> names = HostNames.validateAll(hostNames);
        if (names.isEmpty()) {
            throw new PftlsException(Kind.INPUT, "no host name for the certificate: give at least one");
        }
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.get(0)).build();
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(VALIDITY);
        BigInteger serial = serial();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial,
                    CertificateTimes.of(notBefore), CertificateTimes.of(notAfter), name, key.getPublic());
            builder.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    ServerExtensions.subjectKeyIdentifier(key.getPublic()));
            builder.addExtension(Extension.extendedKeyUsage, false, ServerExtensions.serverAndClientAuth());
            builder.addExtension(Extension.subjectAlternativeName, false, ServerExtensions.dnsNames(names));
            X509CertificateHolder holder = builder.build(Signers.sha256(key.getPrivate(), random));
            return new Built(holder.getEncoded(), name, serial, notBefore, notAfter, names);
        } catch (IOException | OperatorCreationException | RuntimeException e) {
            throw new PftlsException(Kind.CRYPTO, "error generating self-signed SSL certificate: " + e.getMessage(), e);
        }
    }

    /** PEM text of a certificate, as {@code openssl x509} writes it. */
    public static String toPem(X509Certificate certificate) throws PftlsException {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new PftlsException(Kind.CRYPTO, "cannot encode certificate: " + e.getMessage(), e);
        }
    }

    private BigInteger serial() {
        BigInteger serial;
        do {
            serial = new BigInteger(SERIAL_BITS, random);
        } while (serial.signum() == 0);
        return serial;
    }
}
