package org.pftls.engine.crypto;

import java.security.PublicKey;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The extensions of the script's OpenSSL configs, in its order: {@code subjectKeyIdentifier = hash},
 * {@code extendedKeyUsage = serverAuth, clientAuth}, {@code subjectAltName = DNS.1, DNS.2, ...};
 * all non-critical, as OpenSSL makes them.
 */
final class ServerExtensions {
    private ServerExtensions() {
    }

    /**
     * RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING contents, as OpenSSL's "hash".
     * With the JDK's SHA-1, not Bouncy Castle's: BC's digests initialise java.util.logging (its
     * CryptoServicesRegistrar logs), which costs tens of milliseconds at every start.
     */
    static SubjectKeyIdentifier subjectKeyIdentifier(PublicKey key) {
        byte[] subjectPublicKey = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        try {
            return new SubjectKeyIdentifier(MessageDigest.getInstance("SHA-1").digest(subjectPublicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    static ExtendedKeyUsage serverAndClientAuth() {
        return new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth});
    }

    static GeneralNames dnsNames(List<String> hostNames) {
        return new GeneralNames(hostNames.stream()
                .map(name -> new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new));
    }

    /** SKI, EKU and SAN, for the CSR's extension request. */
    static Extensions forRequest(PublicKey key, List<String> hostNames) throws IOException {
        ExtensionsGenerator generator = new ExtensionsGenerator();
        generator.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyIdentifier(key));
        generator.addExtension(Extension.extendedKeyUsage, false, serverAndClientAuth());
        generator.addExtension(Extension.subjectAlternativeName, false, dnsNames(hostNames));
        return generator.generate();
    }
}
