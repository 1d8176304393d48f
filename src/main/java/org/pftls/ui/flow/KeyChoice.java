package org.pftls.ui.flow;

import java.util.List;
import java.util.Optional;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;

/**
 * The answer of the Key step: one key, or an RSA and an ECDSA key side by side (what the man page
 * recommends: ECDSA for the clients that support it, RSA for the rest), as {@code -a rsa,ecdsa
 * -b BITS,CURVE} asks for them.
 *
 * @param specs one spec per algorithm, RSA first
 */
public record KeyChoice(List<KeySpec> specs) {

    public KeyChoice {
        specs = List.copyOf(specs);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a key choice needs a key");
        }
    }

    public static KeyChoice of(KeySpec... specs) {
        return new KeyChoice(List.of(specs));
    }

    /** RSA of {@code bits} and ECDSA on {@code curve}, side by side. */
    public static KeyChoice both(int bits, String curve) {
        return of(new KeySpec(KeyAlgorithm.RSA, bits, null), new KeySpec(KeyAlgorithm.ECDSA, 0, curve));
    }

    /** Whether it is an RSA and an ECDSA key. */
    public boolean both() {
        return specs.size() > 1;
    }

    /** The spec of one algorithm, if chosen. */
    public Optional<KeySpec> spec(KeyAlgorithm algorithm) {
        return specs.stream().filter(s -> s.algorithm() == algorithm).findFirst();
    }

    /** "RSA 2048", "ECDSA secp384r1", "RSA 2048 and ECDSA secp256r1". */
    public String label() {
        return String.join(" and ", specs.stream().map(WizardModel::label).toList());
    }
}
