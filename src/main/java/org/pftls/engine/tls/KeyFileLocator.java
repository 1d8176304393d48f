package org.pftls.engine.tls;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.UntrustedText;
import org.pftls.engine.config.MainCfText;
import org.pftls.engine.config.Parameters;
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

    /** As postconf -xh shows the value (what the script sees), its bytes taken as a file name. */
    private Optional<Path> mainCfPath(String parameter) throws PftlsException {
        Parameters parameters = instance.parameters();
        return file(parameters.expanded(parameter).trim(), parameters, parameter,
                instance.ports().files().nameCharset());
    }

    /**
     * The file a Postfix daemon opens for a file parameter: the value as the daemon uses it
     * ($-expanded, not normalised as postconf prints it), its bytes taken as a file name; relative
     * names under {@code queue_directory}; empty for no value or {@code none}.
     */
    static Optional<Path> fileOf(Parameters parameters, String parameter, Charset names) throws PftlsException {
        return file(parameters.expandedAsUsed(parameter), parameters, parameter, names);
    }

    /** A file name read from a main.cf value (its bytes), relative names under queue_directory. */
    static Path valueFile(String value, Parameters parameters, String parameter, Charset names) throws PftlsException {
        Path p = path(value, parameter, names);
        return p.isAbsolute() ? p : path(parameters.expanded("queue_directory"), "queue_directory", names).resolve(p);
    }

    private static Optional<Path> file(String value, Parameters parameters, String parameter, Charset names)
            throws PftlsException {
        if (value.isBlank() || value.equals("none")) {
            return Optional.empty();
        }
        Path p = path(value, parameter, names);
        if (!p.isAbsolute()) {
            p = path(parameters.expanded("queue_directory"), "queue_directory", names).resolve(p);
        }
        return Optional.of(p);
    }

    private static Path path(String value, String parameter, Charset names) throws PftlsException {
        try {
            return Path.of(MainCfText.toText(value, names));
        } catch (CharacterCodingException | InvalidPathException e) {
            throw new PftlsException(Kind.CONFIG, parameter + " in main.cf is not a file name that this system can"
                    + " open (\"" + UntrustedText.escape(MainCfText.display(value, names)) + "\" is not valid " + names
                    + "); fix " + parameter + " in main.cf", e);
        }
    }
}
