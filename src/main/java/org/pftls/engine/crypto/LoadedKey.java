package org.pftls.engine.crypto;

import java.security.KeyPair;
import java.util.Objects;

/**
 * A private key read from a file, with its public key.
 *
 * @param algorithm   RSA or ECDSA
 * @param keyPair     the private key and its public key (JDK key objects)
 * @param description for people: {@code RSA 2048 bits} or {@code ECDSA secp256r1}
 */
public record LoadedKey(KeyAlgorithm algorithm, KeyPair keyPair, String description) {
    public LoadedKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(description, "description");
    }
}
