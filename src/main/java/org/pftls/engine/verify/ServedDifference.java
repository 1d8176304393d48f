package org.pftls.engine.verify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pftls.engine.check.Finding;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.Instance;

/**
 * Why the server serves something other than what main.cf deploys: a master.cf {@code -o}
 * override, main.cf's smtpd_tls_chain_files, or (most often) a missing {@code postfix reload}.
 */
final class ServedDifference {
    private final Instance instance;
    private final SmtpTarget target;
    private final KeyAlgorithm algorithm;

    ServedDifference(Instance instance, SmtpTarget target, KeyAlgorithm algorithm) {
        this.instance = instance;
        this.target = target;
        this.algorithm = algorithm;
    }

    Finding keyNotServed(DeployedPair pair, String servedSpki, CertificateSummary served) {
        String what = "serves another " + upper() + " key (SPKI sha256 " + servedSpki.substring(0, 16) + "..., "
                + describe(served) + ") than main.cf deploys (" + pair.keyFile().map(Object::toString).orElse("?") + ")";
        return explain("key-not-served", what);
    }

    Finding certificateNotServed(DeployedPair pair, CertificateSummary deployed, CertificateSummary served) {
        String what = "serves the deployed " + upper() + " key with another certificate (" + describe(served)
                + ") than " + pair.certFile().map(Object::toString).orElse("?") + " (" + describe(deployed) + ")";
        return explain("certificate-not-served", what);
    }

    Finding chainNotServed(DeployedPair pair, int deployedLength, int servedLength) {
        String what = "serves the deployed " + upper() + " certificate with another chain (" + servedLength
                + " certificate(s)) than " + pair.certFile().map(Object::toString).orElse("?") + " (" + deployedLength
                + ")";
        return explain("chain-not-served", what);
    }

    private Finding explain(String code, String what) {
        String at = target.address();
        Optional<String> override = List.of(algorithm.certFileParameter(), algorithm.keyFileParameter(),
                "smtpd_tls_chain_files").stream().filter(target.overrides()::containsKey).findFirst();
        if (override.isPresent()) {
            return Finding.problem("master-cf-override", at + " " + what + ", because master.cf service "
                    + target.service().orElse("?") + " sets -o " + override.get() + "="
                    + target.overrides().get(override.get()) + ": remove that -o setting (or deploy the same files"
                    + " there), then postfix reload");
        }
        Optional<String> chainFiles = instance.parameters().explicit("smtpd_tls_chain_files").filter(v -> !v.isBlank());
        if (chainFiles.isPresent()) {
            return Finding.problem("chain-files-override", at + " " + what + ", because main.cf's"
                    + " smtpd_tls_chain_files (" + chainFiles.get() + ") overrides " + algorithm.certFileParameter()
                    + ": remove smtpd_tls_chain_files, then postfix reload");
        }
        return Finding.problem(code.equals("key-not-served") ? "not-reloaded" : code, at + " " + what
                + ": run postfix reload (if it still differs, check master.cf, and that " + at + " is this Postfix)");
    }

    private String upper() {
        return algorithm.postfixName().toUpperCase(Locale.ROOT);
    }

    private static String describe(CertificateSummary c) {
        return c.subject() + ", serial " + c.serialHex() + ", expires " + c.notAfter();
    }
}
