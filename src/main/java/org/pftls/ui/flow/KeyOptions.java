package org.pftls.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;

/**
 * The choices of the Key step: an RSA and an ECDSA key side by side (first, and preselected where
 * a new key is made: the man page recommends both), then one RSA key of 2048, 3072 or 4096 bits or
 * one ECDSA key on one of the three interoperable curves.
 */
final class KeyOptions {
    /** The pair preselected for Enable server and New key: -a rsa,ecdsa with the default sizes. */
    static final KeyChoice DEFAULT_PAIR = KeyChoice.both(KeySpec.DEFAULT_RSA_BITS, "secp256r1");

    private KeyOptions() {
    }

    /**
     * @param reused for New certificate: whether the deployed key of an algorithm is reused (its
     *               size is then ignored)
     */
    static List<Option<KeyChoice>> of(Task task, Predicate<KeyAlgorithm> reused) {
        List<Option<KeyChoice>> options = new ArrayList<>();
        options.add(Option.of(DEFAULT_PAIR, "RSA 2048 and ECDSA secp256r1",
                "recommended: ECDSA, and RSA for the rest"));
        options.add(Option.of(KeyChoice.both(4096, "secp384r1"), "RSA 4096 and ECDSA secp384r1",
                "larger; RSA 4096 takes seconds to make"));
        for (int bits : new int[] {2048, 3072, 4096}) {
            options.add(Option.of(KeyChoice.of(new KeySpec(KeyAlgorithm.RSA, bits, null)), "RSA " + bits + " bits",
                    bits == 2048 ? "one key; every client supports it" : "slower handshakes, no real gain for SMTP"));
        }
        options.add(Option.of(KeyChoice.of(new KeySpec(KeyAlgorithm.ECDSA, 0, "secp256r1")), "ECDSA secp256r1",
                "default curve; widely supported"));
        options.add(Option.of(KeyChoice.of(new KeySpec(KeyAlgorithm.ECDSA, 0, "secp384r1")), "ECDSA secp384r1",
                "interoperable"));
        options.add(Option.of(KeyChoice.of(new KeySpec(KeyAlgorithm.ECDSA, 0, "secp521r1")), "ECDSA secp521r1",
                "interoperable"));
        if (task != Task.NEW_CERT) {
            return options;
        }
        List<Option<KeyChoice>> noted = new ArrayList<>();
        for (Option<KeyChoice> o : options) {
            List<String> kept = o.value().specs().stream().map(KeySpec::algorithm).filter(reused)
                    .map(KeyAlgorithm::postfixName).toList();
            String note = kept.isEmpty() ? o.note() : kept.size() == 1 ? "the deployed " + kept.get(0)
                    + " key is reused" : "the deployed keys are reused";
            noted.add(new Option<>(o.value(), o.label(), note, o.unavailable()));
        }
        return noted;
    }

    /** The preselected choice: both keys where new keys are made; one RSA 2048 key for a new certificate. */
    static KeyChoice defaultFor(Task task) {
        return task == Task.ENABLE_SERVER || task == Task.NEW_KEY ? DEFAULT_PAIR
                : KeyChoice.of(KeySpec.defaultFor(KeyAlgorithm.RSA));
    }
}
