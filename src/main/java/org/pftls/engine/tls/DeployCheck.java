package org.pftls.engine.tls;

import java.nio.file.Path;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.ChainCheck;
import org.pftls.engine.check.ChainFiles;
import org.pftls.engine.check.ChainVerdict;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * The check before {@code deploy-server-cert} (and the wizard's Deploy task, which calls the same
 * methods, so both give the same verdict): {@link ChainCheck} on the files as named (relative to the
 * configuration directory, never resolved through symbolic links), certbot's layout, and whether the
 * other algorithm's deployed certificate, which stays in use, has a problem.
 */
public final class DeployCheck {
    private final Instance instance;
    private final LetsEncrypt letsEncrypt;

    public DeployCheck(Instance instance) {
        this(instance, LetsEncrypt.DEFAULT);
    }

    public DeployCheck(Instance instance, LetsEncrypt letsEncrypt) {
        this.instance = instance;
        this.letsEncrypt = letsEncrypt;
    }

    /** The file a certfile or keyfile argument names: relative names are relative to the configuration directory. */
    public Path resolve(String argument) {
        return instance.configDirectory().resolve(argument);
    }

    /** The whole verdict on deploying this certificate (chain) file and key file. */
    public ChainVerdict check(String certArgument, String keyArgument) {
        Path cert = resolve(certArgument);
        Path key = resolve(keyArgument);
        ChainVerdict verdict = verdict(Optional.of(cert), Optional.of(key));
        for (Finding f : letsEncrypt.findings(Optional.of(cert), Optional.of(key), instance.ports().files(),
                instance.configDirectory())) {
            verdict = verdict.with(f);
        }
        if (verdict.usable()) {
            Optional<KeyAlgorithm> deployed = verdict.key().flatMap(ChainVerdict.KeyInfo::algorithm);
            if (deployed.isPresent()) {
                Optional<Finding> other = otherAlgorithm(deployed.get());
                if (other.isPresent()) {
                    verdict = verdict.with(other.get());
                }
            }
        }
        return verdict;
    }

    /** The certificate file alone (the wizard's certificate field). */
    public ChainVerdict checkCertificate(String certArgument) {
        return verdict(Optional.of(resolve(certArgument)), Optional.empty());
    }

    /** The key file alone (the wizard's key field). */
    public ChainVerdict checkKey(String keyArgument) {
        return verdict(Optional.empty(), Optional.of(resolve(keyArgument)));
    }

    private ChainVerdict verdict(Optional<Path> cert, Optional<Path> key) {
        ChainFiles files = ChainFiles.read(instance.ports().files(), cert, key);
        ChainCheck.Context context = new ChainCheck.Context(instance.ports().clock().instant(), myhostname(), true,
                cert.flatMap(letsEncrypt::lineage));
        return ChainCheck.check(files, context);
    }

    /**
     * The other algorithm's deployed certificate stays in use for the clients that choose it: a
     * warning when it has a problem (e.g. the snakeoil RSA certificate for {@code CN=vm} next to a
     * new ECDSA chain from a CA).
     */
    private Optional<Finding> otherAlgorithm(KeyAlgorithm deployed) {
        KeyAlgorithm other = deployed == KeyAlgorithm.RSA ? KeyAlgorithm.ECDSA : KeyAlgorithm.RSA;
        // Its certificate file defaults to none: when main.cf does not set it, nothing of it is in
        // use, and the defaults (postconf -d, tens of milliseconds) are not needed to know that.
        if (instance.parameters().explicit(other.certFileParameter()).filter(v -> !v.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        DeployedPair pair = new DeployedPairReader(instance, letsEncrypt).read(other);
        if (!pair.configured() || pair.problems().isEmpty()) {
            return Optional.empty();
        }
        String name = other.name();
        return Optional.of(new Finding(Severity.WARNING, "other-algorithm-problem", "the " + name + " certificate "
                + pair.certFile().map(Path::toString).orElse("(none)") + " stays in use for clients that choose "
                + name + ", and it has a problem: " + pair.problems().get(0) + " (or deploy an " + name
                + " certificate from your CA as well)"));
    }

    private Optional<String> myhostname() {
        try {
            return Optional.of(HostNameChoice.myhostname(instance)).filter(h -> !h.isEmpty());
        } catch (PftlsException e) {
            return Optional.empty();
        }
    }
}
