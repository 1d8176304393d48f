package org.pftls.adapters;

import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.Locale;
import java.util.Set;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * Algorithm constraints that permit only one key algorithm's signatures: the JDK's TLS client
 * offers (in signature_algorithms) and accepts only the signature schemes these permit, so the
 * server must present a certificate of that algorithm. Everything else (key exchange, ciphers,
 * keys) is left to the JDK's own constraints, which still apply.
 */
final class SignatureSchemesOf implements AlgorithmConstraints {
    private final KeyAlgorithm algorithm;

    SignatureSchemesOf(KeyAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String name, AlgorithmParameters parameters) {
        if (name == null || !primitives.contains(CryptoPrimitive.SIGNATURE)) {
            return true;
        }
        String n = name.toUpperCase(Locale.ROOT);
        boolean eddsa = n.startsWith("ED25519") || n.startsWith("ED448") || n.startsWith("EDDSA");
        boolean dsa = n.endsWith("WITHDSA") || n.equals("DSA");
        if (eddsa || dsa) {
            return false;
        }
        boolean ecdsa = n.contains("ECDSA");
        boolean rsa = n.contains("RSA");
        if (!ecdsa && !rsa) {
            return true; // a digest or other name without a key type
        }
        return algorithm == KeyAlgorithm.ECDSA ? ecdsa : rsa && !ecdsa;
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
        return true;
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String name, Key key, AlgorithmParameters parameters) {
        return permits(primitives, name, parameters);
    }
}
