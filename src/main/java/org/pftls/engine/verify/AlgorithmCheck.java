package org.pftls.engine.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * What verify found for one deployed algorithm.
 *
 * @param algorithm           rsa or ecdsa
 * @param keyFile             the key file main.cf deploys
 * @param certFile            the certificate (chain) file main.cf deploys
 * @param deployedSpkiSha256  SHA-256 of the deployed key's SubjectPublicKeyInfo (hex), if it could be read
 * @param servedSpkiSha256    the same for the served certificate, if the handshake completed
 * @param match               whether the served public key is the deployed one
 * @param certificateMatch    whether the served leaf certificate is the deployed one (byte for byte)
 * @param chainMatch          whether the served chain is the deployed chain file (when both are known)
 * @param deployedChainLength certificates in the deployed file
 * @param servedChainLength   certificates served
 * @param served              the served leaf certificate, if any
 * @param protocol            e.g. TLSv1.3 (empty when no handshake)
 * @param cipher              e.g. TLS_AES_256_GCM_SHA384 (empty when no handshake)
 * @param tlsaMatch           whether the served certificate matches a TLSA 3 1 1 record computed from the deployed keys
 * @param millis              how long the probe took
 * @param findings            what is wrong, each with its fix
 */
public record AlgorithmCheck(KeyAlgorithm algorithm, Optional<Path> keyFile, Optional<Path> certFile,
                             Optional<String> deployedSpkiSha256, Optional<String> servedSpkiSha256, boolean match,
                             boolean certificateMatch, Optional<Boolean> chainMatch, int deployedChainLength,
                             int servedChainLength, Optional<CertificateSummary> served, String protocol,
                             String cipher, boolean tlsaMatch, long millis, List<Finding> findings) {
    public AlgorithmCheck {
        findings = List.copyOf(findings);
    }

    /** Whether the deployed key is served and nothing is wrong. */
    public boolean ok() {
        return match && findings.stream().noneMatch(f -> f.severity() == Severity.PROBLEM);
    }
}
