package org.pftls.engine.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.plan.Setting;

/**
 * The main.cf settings that make smtpd serve given key and certificate files, with whichever
 * mechanism is in force: the legacy per-algorithm parameters ({@code smtpd_tls_key_file} and
 * {@code smtpd_tls_cert_file}, {@code smtpd_tls_eckey_file} and {@code smtpd_tls_eccert_file}),
 * or, when main.cf sets it on Postfix 3.4 or later, {@code smtpd_tls_chain_files} (then the
 * legacy parameters are ignored by Postfix, and pftls leaves them alone).
 */
final class ServerDeployment {
    /**
     * A key and its certificate (chain) file to deploy.
     *
     * @param algorithm rsa or ecdsa
     * @param key       the private key file
     * @param cert      the certificate chain file (may be the same file as the key)
     * @param keyValue  the key file as main.cf holds it (its bytes, one char per byte: see MainCfText)
     * @param certValue the certificate file as main.cf holds it
     */
    record Pair(KeyAlgorithm algorithm, Path key, Path cert, String keyValue, String certValue) {
    }

    /**
     * The pair for files pftls makes: main.cf must name exactly these files once Postfix has read
     * the values back ($name expanded, blanks trimmed), else the directory's name does not survive
     * main.cf.
     */
    static Pair pair(Instance instance, KeyAlgorithm algorithm, Path key, Path cert) throws PftlsException {
        DeployedFiles deployed = DeployedFiles.of(instance, algorithm, key, cert);
        if (!deployed.key().equals(key) || !deployed.cert().equals(cert)) {
            throw new PftlsException(Kind.CONFIG, "main.cf would name the new key " + key + ", but Postfix would read"
                    + " that value as " + deployed.key() + " ($name expanded, blanks trimmed): the name of "
                    + key.getParent() + " does not survive main.cf; rename the directory");
        }
        return new Pair(algorithm, key, cert, deployed.keyValue(), deployed.certValue());
    }

    /** How smtpd finds its keys and certificates. */
    enum Mechanism {
        LEGACY("smtpd_tls_cert_file, smtpd_tls_key_file, smtpd_tls_eccert_file, smtpd_tls_eckey_file"),
        CHAIN_FILES(ChainFiles.PARAMETER);

        private final String parameters;

        Mechanism(String parameters) {
            this.parameters = parameters;
        }

        String parameters() {
            return parameters;
        }
    }

    private final Instance instance;

    ServerDeployment(Instance instance) {
        this.instance = instance;
    }

    /** True when this Postfix knows smtpd_tls_chain_files (3.4 and later). */
    boolean versionHasChainFiles() {
        return atLeast(instance.ports().postfix().mailVersion(), 3, 4);
    }

    /** The mechanism smtpd uses now: chain files when main.cf sets them and Postfix knows them. */
    Mechanism inForce() throws PftlsException {
        return ChainFiles.set(instance) && versionHasChainFiles() ? Mechanism.CHAIN_FILES : Mechanism.LEGACY;
    }

    /**
     * The settings that deploy {@code pairs}; {@code toChainFiles} moves a legacy instance to
     * smtpd_tls_chain_files (refused before Postfix 3.4), keeping the other algorithm's deployed
     * files.
     */
    List<Setting> settings(List<Pair> pairs, boolean toChainFiles, String reason) throws PftlsException {
        return settings(pairs, toChainFiles, a -> reason);
    }

    /** {@link #settings(List, boolean, String)} with a reason per algorithm. */
    List<Setting> settings(List<Pair> pairs, boolean toChainFiles, Function<KeyAlgorithm, String> reasons)
            throws PftlsException {
        Mechanism mechanism = inForce();
        if (toChainFiles && !versionHasChainFiles()) {
            throw new PftlsException(Kind.INPUT, "--chain-files needs Postfix 3.4 or later (this is "
                    + instance.ports().postfix().mailVersion() + "); deploy without --chain-files");
        }
        if (mechanism == Mechanism.LEGACY && !toChainFiles) {
            return legacy(pairs, reasons);
        }
        Map<KeyAlgorithm, List<String>> replacement = new EnumMap<>(KeyAlgorithm.class);
        for (Pair p : pairs) {
            for (String v : List.of(p.keyValue(), p.certValue())) {
                if (!ChainFiles.split(v).equals(List.of(v))) {
                    throw new PftlsException(Kind.INPUT, "the file name " + v.strip() + " holds a comma or a blank,"
                            + " which smtpd_tls_chain_files takes as a separator; rename the file");
                }
            }
            replacement.put(p.algorithm(), p.key().equals(p.cert()) ? List.of(p.keyValue())
                    : List.of(p.keyValue(), p.certValue()));
        }
        String reasonTail = String.join("; ", pairs.stream().map(p -> reasons.apply(p.algorithm()))
                .filter(r -> !r.isEmpty()).toList());
        String value;
        String reason;
        if (mechanism == Mechanism.CHAIN_FILES) {
            value = ChainFiles.read(instance).replace(replacement);
            reason = "smtpd_tls_chain_files is in force (Postfix ignores " + Mechanism.LEGACY.parameters()
                    + ")" + (reasonTail.isEmpty() ? "" : ": " + reasonTail);
        } else {
            value = fromLegacy(replacement);
            reason = "--chain-files: from now on smtpd reads its keys and certificates from smtpd_tls_chain_files"
                    + " (the legacy parameters are left in main.cf, ignored by Postfix)"
                    + (reasonTail.isEmpty() ? "" : "; " + reasonTail);
        }
        Optional<String> old = instance.parameters().explicit(ChainFiles.PARAMETER);
        return List.of(Setting.set(ChainFiles.PARAMETER, old, value, reason));
    }

    private List<Setting> legacy(List<Pair> pairs, Function<KeyAlgorithm, String> reasons) {
        List<Setting> settings = new ArrayList<>();
        for (Pair p : pairs) {
            KeyAlgorithm a = p.algorithm();
            String reasonTail = reasons.apply(a);
            settings.add(Setting.set(a.keyFileParameter(), instance.parameters().explicit(a.keyFileParameter()),
                    p.keyValue(), reasonTail));
            settings.add(Setting.set(a.certFileParameter(), instance.parameters().explicit(a.certFileParameter()),
                    p.certValue(), reasonTail));
        }
        return settings;
    }

    /** The chain files list for a legacy instance: the deployed files of the other algorithms, then the new ones. */
    private String fromLegacy(Map<KeyAlgorithm, List<String>> replacement) throws PftlsException {
        KeyFileLocator locator = new KeyFileLocator(instance);
        List<String> words = new ArrayList<>();
        for (KeyAlgorithm a : KeyAlgorithm.values()) {
            if (replacement.containsKey(a)) {
                continue;
            }
            Optional<Path> key = locator.deployedKey(a);
            Optional<Path> cert = locator.deployedCertificate(a);
            if (key.isPresent() && cert.isPresent()) {
                Pair kept = pair(instance, a, key.get(), cert.get());
                words.add(kept.keyValue());
                if (!cert.get().equals(key.get())) {
                    words.add(kept.certValue());
                }
            }
        }
        replacement.values().forEach(words::addAll);
        return String.join(", ", words);
    }

    /** True when a mail_version such as {@code 3.7.11} is at least major.minor. */
    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("[^0-9]+");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }
}
