package org.pftls.engine.tls;

import java.nio.file.Path;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * The script's set_keyfile: a key file argument is {@code rsa} or {@code ecdsa} (the deployed
 * key of that algorithm), {@code none} or empty (no key), an absolute path, or a path relative to
 * the configuration directory.
 *
 * <p>Deliberate difference: for {@code rsa}/{@code ecdsa} pftls uses the effective key file
 * setting, so a key_file left at its default ({@code $smtpd_tls_cert_file}, a combined key and
 * certificate file) is found, where the script ({@code postconf -nxh}) sees no key at all.
 * Relative paths in main.cf are resolved against {@code queue_directory}, where smtpd runs.
 */
final class KeyFileLocator {
    private final Instance instance;

    KeyFileLocator(Instance instance) {
        this.instance = instance;
    }

    Optional<Path> locate(String argument) throws PftlsException {
        Optional<KeyAlgorithm> algorithm = KeyAlgorithm.fromPostfixName(argument);
        if (algorithm.isPresent()) {
            return deployedKey(algorithm.get());
        }
        if (argument.isEmpty() || argument.equals("none")) {
            return Optional.empty();
        }
        return Optional.of(instance.configDirectory().resolve(argument));
    }

    /**
     * The key file main.cf deploys for the algorithm, if any: with smtpd_tls_chain_files in force,
     * the file where that key is; else the legacy key file parameter.
     */
    Optional<Path> deployedKey(KeyAlgorithm algorithm) throws PftlsException {
        if (chainFilesInForce()) {
            return ChainFiles.read(instance).entry(algorithm).map(e -> e.paths().get(0));
        }
        return mainCfPath(algorithm.keyFileParameter());
    }

    /**
     * The certificate file main.cf deploys for the algorithm, if any: with smtpd_tls_chain_files in
     * force, the last file of that key's entry (where its chain is); else the legacy parameter.
     */
    Optional<Path> deployedCertificate(KeyAlgorithm algorithm) throws PftlsException {
        if (chainFilesInForce()) {
            return ChainFiles.read(instance).entry(algorithm).map(e -> e.paths().get(e.paths().size() - 1));
        }
        return mainCfPath(algorithm.certFileParameter());
    }

    private boolean chainFilesInForce() throws PftlsException {
        return new ServerDeployment(instance).inForce() == ServerDeployment.Mechanism.CHAIN_FILES;
    }

    private Optional<Path> mainCfPath(String parameter) throws PftlsException {
        String value = instance.parameters().expanded(parameter).trim();
        if (value.isEmpty() || value.equals("none")) {
            return Optional.empty();
        }
        Path p = Path.of(value);
        if (!p.isAbsolute()) {
            p = Path.of(instance.parameters().expanded("queue_directory")).resolve(p);
        }
        return Optional.of(p);
    }
}
