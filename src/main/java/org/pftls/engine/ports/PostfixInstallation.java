package org.pftls.engine.ports;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the installed Postfix knows that main.cf does not say: compiled-in defaults, database
 * types, key algorithms. The real adapter asks postconf (lazily, only what is needed);
 * the built-in adapter answers as Debian 12's Postfix 3.7.11 does, so the engine never needs Postfix.
 */
public interface PostfixInstallation {
    /** True when a real Postfix answered (postconf runs). */
    boolean installed();

    /** The compiled-in default of a parameter, raw (unexpanded), as {@code postconf -dh NAME}. */
    Optional<String> defaultValue(String name);

    /** {@code postconf -m} for the instance in {@code configDirectory}: supported lookup table types. */
    List<String> mapTypes(Path configDirectory);

    /** {@code postconf -T public-key-algorithms}: e.g. rsa, ecdsa, dsa. */
    Set<String> publicKeyAlgorithms();

    /** {@code postconf -dh mail_version}, e.g. 3.7.11. */
    String mailVersion();

    /** The directory of the programs that answer (postconf, postfix, postlog); empty for built-in answers. */
    default Optional<Path> programDirectory() {
        return Optional.empty();
    }
}
