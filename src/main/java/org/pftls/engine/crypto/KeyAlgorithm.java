package org.pftls.engine.crypto;

import java.util.Locale;
import java.util.Optional;

/**
 * The two public key algorithms that {@code postfix tls} manages, with the names it uses for
 * them on the command line, in file names and in main.cf.
 */
public enum KeyAlgorithm {
    /** RSA: files {@code key-*.pem}/{@code cert-*.pem}, {@code smtpd_tls_key_file}/{@code smtpd_tls_cert_file}. */
    RSA("rsa", "key-", "cert-", "smtpd_tls_key_file", "smtpd_tls_cert_file"),
    /** ECDSA: files {@code eckey-*.pem}/{@code eccert-*.pem}, {@code smtpd_tls_eckey_file}/{@code smtpd_tls_eccert_file}. */
    ECDSA("ecdsa", "eckey-", "eccert-", "smtpd_tls_eckey_file", "smtpd_tls_eccert_file");

    private final String postfixName;
    private final String keyFilePrefix;
    private final String certFilePrefix;
    private final String keyFileParameter;
    private final String certFileParameter;

    KeyAlgorithm(String postfixName, String keyFilePrefix, String certFilePrefix,
                 String keyFileParameter, String certFileParameter) {
        this.postfixName = postfixName;
        this.keyFilePrefix = keyFilePrefix;
        this.certFilePrefix = certFilePrefix;
        this.keyFileParameter = keyFileParameter;
        this.certFileParameter = certFileParameter;
    }

    /** The name on the command line ({@code -a rsa}, {@code -a ecdsa}) and in {@code postconf -T public-key-algorithms}. */
    public String postfixName() {
        return postfixName;
    }

    /** Prefix of new key file names: {@code key-} or {@code eckey-}. */
    public String keyFilePrefix() {
        return keyFilePrefix;
    }

    /** Prefix of new certificate file names: {@code cert-} or {@code eccert-}. */
    public String certFilePrefix() {
        return certFilePrefix;
    }

    /** The main.cf parameter naming the deployed private key file. */
    public String keyFileParameter() {
        return keyFileParameter;
    }

    /** The main.cf parameter naming the deployed certificate (chain) file. */
    public String certFileParameter() {
        return certFileParameter;
    }

    /** The algorithm for a command-line name ({@code rsa}, {@code ecdsa}; case-sensitive as in the script). */
    public static Optional<KeyAlgorithm> fromPostfixName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.postfixName.equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toUpperCase(Locale.ROOT);
    }
}
