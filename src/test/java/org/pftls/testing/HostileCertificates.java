package org.pftls.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyMaker;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.crypto.PrivateKeyPem;

/**
 * A self-signed certificate whose subject and DNS name carry terminal controls (ESC sequences), as
 * someone could hand one over: pftls must show such text escaped and never break on it.
 */
public final class HostileCertificates {
    private HostileCertificates() {
    }

    /** Writes an ECDSA key (0600) and a certificate for CN={@code name}, DNS name {@code name}. */
    public static void write(Path key, Path cert, String name) throws Exception {
        KeyPair pair = new KeyMaker(new SecureRandom()).generate(KeySpec.defaultFor(KeyAlgorithm.ECDSA));
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(4242),
                Date.from(Sandbox.NOW.minus(Duration.ofDays(1))), Date.from(Sandbox.NOW.plus(Duration.ofDays(90))),
                subject, pair.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        X509Certificate c = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Files.writeString(cert, pem, StandardCharsets.US_ASCII);
        Files.writeString(key, PrivateKeyPem.encode(pair), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    }
}
