package org.pftls.engine.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.ChainCheck;
import org.pftls.engine.check.ChainFiles;
import org.pftls.engine.check.ChainLink;
import org.pftls.engine.check.ChainVerdict;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.ports.FileStore;

/**
 * What main.cf deploys for one algorithm, checked by the same {@link ChainCheck} as a deploy: the
 * {@link DeployedPair} with its {@link CertificateReport}. Never fails; what it cannot read is a
 * finding.
 */
final class DeployedPairReader {
    private final Instance instance;
    private final KeyFileLocator locator;
    private final LetsEncrypt letsEncrypt;

    DeployedPairReader(Instance instance, LetsEncrypt letsEncrypt) {
        this.instance = instance;
        this.locator = new KeyFileLocator(instance);
        this.letsEncrypt = letsEncrypt;
    }

    DeployedPair read(KeyAlgorithm algorithm) {
        List<Finding> findings = new ArrayList<>();
        Optional<Path> keyFile = Optional.empty();
        Optional<Path> certFile = Optional.empty();
        try {
            keyFile = locator.deployedKey(algorithm);
            certFile = locator.deployedCertificate(algorithm);
        } catch (PftlsException e) {
            findings.add(new Finding(Severity.PROBLEM, "setting-unusable", e.getMessage()));
        }
        if (keyFile.isEmpty() && certFile.isEmpty()) {
            return new DeployedPair(algorithm, keyFile, certFile, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), texts(findings), Optional.empty());
        }
        FileStore files = instance.ports().files();
        ChainFiles read = ChainFiles.read(files, certFile, keyFile);
        Instant now = instance.ports().clock().instant();
        Optional<String> lineage = certFile.flatMap(letsEncrypt::lineage);
        ChainVerdict verdict = ChainCheck.check(read, new ChainCheck.Context(now, myhostname(), false, lineage));
        findings.addAll(verdict.findings());
        findings.addAll(letsEncrypt.findings(certFile, keyFile, files, instance.configDirectory()));
        if (keyFile.isPresent() != certFile.isPresent()) {
            findings.add(new Finding(Severity.PROBLEM, "pair-incomplete", "only one of "
                    + algorithm.keyFileParameter() + " and " + algorithm.certFileParameter()
                    + " is set; set both (pftls deploy-server-cert certfile keyfile)"));
        }
        Optional<CertificateSummary> summary = verdict.certificate();
        Optional<FileStore.Info> keyInfo = read.key().flatMap(ChainFiles.FileRead::info)
                .filter(i -> read.key().get().bytes().isPresent());
        Optional<String> keyDescription = keyReadable(verdict) ? verdict.key().map(ChainVerdict.KeyInfo::description)
                : Optional.empty();
        CertificateReport report = new CertificateReport(algorithm, certFile, keyFile, summary,
                verdict.chain().stream().findFirst().map(ChainLink::issuer),
                !verdict.chain().isEmpty() && verdict.chain().get(0).issuer().equals(verdict.chain().get(0).subject()),
                verdict.chain().size(),
                summary.map(s -> Duration.between(now, s.notAfter()).toDays()),
                verdict.key().flatMap(ChainVerdict.KeyInfo::algorithm).map(KeyAlgorithm::name),
                verdict.key().map(ChainVerdict.KeyInfo::bits),
                verdict.key().map(ChainVerdict.KeyInfo::description),
                keyInfo.map(FileStore.Info::owner), keyInfo.map(FileStore.Info::group), keyInfo.map(FileStore.Info::mode),
                lineage, verdict.chain(), findings);
        return new DeployedPair(algorithm, keyFile, certFile, keyInfo.map(FileStore.Info::mode), keyDescription,
                summary, verdict.keyMatches(), texts(findings), Optional.of(report));
    }

    /** Problems and warnings, each one line with its fix (notes are not problems). */
    private static List<String> texts(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Severity.INFO).map(Finding::text).toList();
    }

    private static boolean keyReadable(ChainVerdict verdict) {
        return verdict.findings().stream().noneMatch(f -> f.code().equals("key-unreadable")
                || f.code().equals("key-unusable"));
    }

    private Optional<String> myhostname() {
        try {
            return Optional.of(HostNameChoice.myhostname(instance)).filter(h -> !h.isEmpty());
        } catch (PftlsException e) {
            return Optional.empty();
        }
    }
}
