package org.pftls.engine.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.check.ChainLink;
import org.pftls.engine.check.Finding;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * One deployed certificate and key as {@code pftls status}, the wizard's Detect step and
 * {@code status --json} show them: every field is data, the findings included.
 *
 * @param algorithm       rsa or ecdsa (the main.cf parameters it is deployed with)
 * @param certFile        the certificate file main.cf names, as it names it
 * @param keyFile         the key file Postfix uses (main.cf's, or its default)
 * @param certificate     the server certificate: subject, DNS names, validity, fingerprint, key
 * @param issuer          the server certificate's issuer DN
 * @param selfSigned      whether the server certificate is self-issued
 * @param chainLength     how many certificates the certificate file holds, as deployed
 * @param daysUntilExpiry whole days until the server certificate ends (negative once expired)
 * @param keyType         {@code RSA} or {@code ECDSA} (of the key, else of the certificate)
 * @param keyBits         RSA modulus or EC field size
 * @param keyDescription  {@code RSA 2048 bits}, {@code ECDSA secp256r1}
 * @param keyOwner        owner of the key file
 * @param keyGroup        group of the key file
 * @param keyMode         mode of the key file, octal ({@code 0600})
 * @param certbotLineage  the certbot certificate name when the certificate is in certbot's {@code live/}
 * @param chain           each certificate of the file and the check linking it to the next
 * @param findings        every problem, warning and note, each with its fix
 */
public record CertificateReport(KeyAlgorithm algorithm, Optional<Path> certFile, Optional<Path> keyFile,
                                Optional<CertificateSummary> certificate, Optional<String> issuer, boolean selfSigned,
                                int chainLength, Optional<Long> daysUntilExpiry, Optional<String> keyType,
                                Optional<Integer> keyBits, Optional<String> keyDescription,
                                Optional<String> keyOwner, Optional<String> keyGroup, Optional<String> keyMode,
                                Optional<String> certbotLineage, List<ChainLink> chain, List<Finding> findings) {
    public CertificateReport {
        chain = List.copyOf(chain);
        findings = List.copyOf(findings);
    }
}
