package org.pftls.engine.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.check.Finding;

/**
 * The TLS state of an instance, as the wizard's Detect screen and {@code pftls status} show it.
 *
 * @param configDirectory  the instance
 * @param postfixVersion   the installed Postfix's mail_version, or the built-in defaults' version
 * @param postfixInstalled whether a real Postfix answered
 * @param myhostname       myhostname as Postfix computes it (or why it cannot be computed)
 * @param clientNonDefault client TLS settings that are not at their defaults (name = value)
 * @param serverNonDefault server TLS settings that are not at their defaults (name = value)
 * @param deployed         one entry per algorithm (rsa, ecdsa)
 * @param tlsRandomSource  the effective tls_random_source
 * @param server           how smtpd gets its certificates, its effective TLS level, master.cf overrides
 * @param warnings         everything an operator should fix, each with the fix
 * @param postfixPrograms  the directory of the Postfix programs pftls runs (empty: built-in defaults)
 * @param versionAdvice    the findings of {@link org.pftls.engine.version.VersionAdvice} (those that are not
 *                         INFO are in {@code warnings} too)
 */
public record Detection(Path configDirectory, String postfixVersion, boolean postfixInstalled, String myhostname,
                        List<String> clientNonDefault, List<String> serverNonDefault, List<DeployedPair> deployed,
                        String tlsRandomSource, ServerSetup server, List<String> warnings,
                        Optional<Path> postfixPrograms, List<Finding> versionAdvice) {

    public boolean clientAllDefault() {
        return clientNonDefault.isEmpty();
    }

    public boolean serverAllDefault() {
        return serverNonDefault.isEmpty();
    }

    /** The pair for an algorithm. */
    public DeployedPair pair(org.pftls.engine.crypto.KeyAlgorithm algorithm) {
        return deployed.stream().filter(p -> p.algorithm() == algorithm).findFirst().orElseThrow();
    }
}
