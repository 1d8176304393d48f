package org.pftls.engine.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.crypto.CertificateFiles;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.crypto.LoadedKey;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.version.VersionAdvice;

/** Reads the TLS state of an instance: never fails, reports what it cannot read as a problem. */
public final class Detector {
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private final Instance instance;
    private final KeyFileLocator locator;

    public Detector(Instance instance) {
        this.instance = instance;
        this.locator = new KeyFileLocator(instance);
    }

    public Detection detect() {
        List<String> warnings = new ArrayList<>();
        String myhostname;
        try {
            myhostname = HostNameChoice.myhostname(instance);
        } catch (PftlsException e) {
            myhostname = "(unknown)";
            warnings.add(e.getMessage());
        }
        List<DeployedPair> pairs = new ArrayList<>();
        for (KeyAlgorithm a : KeyAlgorithm.values()) {
            DeployedPair p = pair(a);
            pairs.add(p);
            warnings.addAll(p.problems());
        }
        chainFilesWarning().ifPresent(warnings::add);
        List<Finding> advice = new VersionAdvice(instance).findings();
        advice.stream().filter(f -> f.severity() != Severity.INFO).forEach(f -> warnings.add(f.text()));
        String random;
        try {
            random = instance.parameters().expanded("tls_random_source");
        } catch (PftlsException e) {
            random = "(cannot expand: " + e.getMessage() + ")";
        }
        return new Detection(instance.configDirectory(), instance.ports().postfix().mailVersion(),
                instance.ports().postfix().installed(), myhostname,
                TlsSettings.CLIENT.nonDefault(instance.parameters()),
                TlsSettings.SERVER.nonDefault(instance.parameters()), pairs, random, warnings,
                instance.ports().postfix().programDirectory(), advice);
    }

    private Optional<String> chainFilesWarning() {
        return instance.parameters().explicit("smtpd_tls_chain_files").filter(v -> !v.isEmpty())
                .map(v -> "smtpd_tls_chain_files is set and overrides smtpd_tls_cert_file and smtpd_tls_key_file;"
                        + " pftls manages only the latter: remove smtpd_tls_chain_files to use them");
    }

    private DeployedPair pair(KeyAlgorithm algorithm) {
        List<String> problems = new ArrayList<>();
        Optional<Path> keyFile = Optional.empty();
        Optional<Path> certFile = Optional.empty();
        try {
            keyFile = locator.deployedKey(algorithm);
            certFile = locator.deployedCertificate(algorithm);
        } catch (PftlsException e) {
            problems.add(e.getMessage());
        }
        FileStore files = instance.ports().files();
        Optional<String> mode = Optional.empty();
        Optional<LoadedKey> key = Optional.empty();
        if (keyFile.isPresent()) {
            Path k = keyFile.get();
            try {
                FileStore.Info info = files.info(k);
                mode = Optional.of(info.mode());
                if (info.accessibleByOthers()) {
                    problems.add("the private key " + k + " is readable by group or others (mode " + info.mode()
                            + "); fix: chmod 600 " + k);
                }
                key = Optional.of(KeyFiles.readPrivateKey(files.read(k), k.toString()));
            } catch (IOException e) {
                problems.add("cannot read the " + algorithm.postfixName() + " key file " + k + ": "
                        + IoMessages.reason(e) + "; fix " + algorithm.keyFileParameter() + " in main.cf");
            } catch (PftlsException e) {
                problems.add(e.getMessage());
            }
        }
        Optional<X509Certificate> leaf = Optional.empty();
        if (certFile.isPresent()) {
            Path c = certFile.get();
            try {
                leaf = Optional.of(CertificateFiles.readCertificates(files.read(c), c.toString()).get(0));
            } catch (IOException e) {
                problems.add("cannot read the " + algorithm.postfixName() + " certificate file " + c + ": "
                        + IoMessages.reason(e) + "; fix " + algorithm.certFileParameter() + " in main.cf");
            } catch (PftlsException e) {
                problems.add(e.getMessage());
            }
        }
        Optional<CertificateSummary> summary = leaf.map(CertificateSummary::of);
        Instant now = instance.ports().clock().instant();
        if (summary.isPresent()) {
            Instant notAfter = summary.get().notAfter();
            if (notAfter.isBefore(now)) {
                problems.add("the " + algorithm.postfixName() + " certificate " + certFile.get() + " expired on "
                        + notAfter + "; make a new one with pftls new-server-cert -a " + algorithm.postfixName());
            } else if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
                problems.add("the " + algorithm.postfixName() + " certificate " + certFile.get() + " expires on "
                        + notAfter + "; renew it soon");
            }
        }
        Optional<Boolean> matches = Optional.empty();
        if (key.isPresent() && leaf.isPresent()) {
            try {
                CertificateFiles.checkMatches(leaf.get(), key.get().keyPair(), certFile.get().toString(),
                        keyFile.get().toString());
                matches = Optional.of(true);
            } catch (PftlsException e) {
                matches = Optional.of(false);
                problems.add(e.getMessage() + " (smtpd then answers STARTTLS with \"454 TLS not available\")");
            }
        }
        if (keyFile.isPresent() != certFile.isPresent()) {
            problems.add("only one of " + algorithm.keyFileParameter() + " and " + algorithm.certFileParameter()
                    + " is set; set both (pftls deploy-server-cert certfile keyfile)");
        }
        return new DeployedPair(algorithm, keyFile, certFile, mode, key.map(LoadedKey::description), summary,
                matches, problems);
    }
}
