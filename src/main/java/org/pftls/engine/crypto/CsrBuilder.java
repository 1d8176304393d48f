package org.pftls.engine.crypto;

import java.io.IOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;

/**
 * The certificate signing request of {@code postfix tls output-server-csr}: empty subject
 * (as {@code -subj /}), an extension request with subjectKeyIdentifier (hash), extendedKeyUsage
 * serverAuth+clientAuth and subjectAltName DNS names in order, SHA-256 signature, PEM
 * {@code CERTIFICATE REQUEST}.
 */
public final class CsrBuilder {
    private final SecureRandom random;

    /** A builder with the given randomness for the signature (the instance's port; tests: a seeded DRBG). */
    public CsrBuilder(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** PEM text of a CSR for the key and host names. */
    public String csrPem(KeyPair key, List<String> hostNames) throws PftlsException {
        List<String> names = HostNames.validateAll(hostNames);
        if (names.isEmpty()) {
            throw new PftlsException(Kind.INPUT, "no host name for the CSR: give at least one");
        }
        try {
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
                    new X500Name(new RDN[0]), key.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                            ServerExtensions.forRequest(key.getPublic(), names))
                    .build(Signers.sha256(key.getPrivate(), random));
            return Pem.encode("CERTIFICATE REQUEST", request.getEncoded());
        } catch (IOException | OperatorCreationException | RuntimeException e) {
            throw new PftlsException(Kind.CRYPTO, "error generating certificate signing request: " + e.getMessage(), e);
        }
    }
}
