package org.pftls.engine.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * What main.cf deploys for one algorithm, and what was found in the files.
 *
 * @param algorithm      rsa or ecdsa
 * @param keyFile        the effective key file setting, if any
 * @param certFile       the certificate file setting, if any
 * @param keyMode        the key file's mode (e.g. 0600), when it could be read
 * @param keyDescription e.g. "RSA 2048 bits", when the key could be read
 * @param certificate    the leaf certificate, when it could be read
 * @param matches        whether key and certificate belong together, when both could be read
 * @param problems       what is wrong, each with the fix (the texts of the report's problems and warnings)
 * @param report         the certificate details and findings ({@code status}, Detect, JSON); empty when
 *                       nothing is deployed for the algorithm
 */
public record DeployedPair(KeyAlgorithm algorithm, Optional<Path> keyFile, Optional<Path> certFile,
                           Optional<String> keyMode, Optional<String> keyDescription,
                           Optional<CertificateSummary> certificate, Optional<Boolean> matches,
                           List<String> problems, Optional<CertificateReport> report) {

    public boolean configured() {
        return keyFile.isPresent() || certFile.isPresent();
    }
}
