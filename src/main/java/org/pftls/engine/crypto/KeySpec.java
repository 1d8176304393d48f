package org.pftls.engine.crypto;

import java.util.Objects;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;

/**
 * What key to make: an algorithm plus RSA modulus size or EC curve name (the {@code -a} and
 * {@code -b} options of {@code postfix tls}).
 *
 * @param algorithm the key algorithm
 * @param rsaBits   RSA modulus size in bits; 0 for ECDSA
 * @param curve     SEC curve name such as {@code secp256r1}; null for RSA
 */
public record KeySpec(KeyAlgorithm algorithm, int rsaBits, String curve) {

    /** The script's default RSA size. */
    public static final int DEFAULT_RSA_BITS = 2048;
    /** Smallest RSA size pftls makes (the script would make smaller ones). */
    public static final int MIN_RSA_BITS = 2048;
    /** Largest RSA size: OpenSSL's and the JDK's limit. */
    public static final int MAX_RSA_BITS = 16384;

    private static final String RSA_FIX = "use 2048, 3072 or 4096 (-b 2048)";

    public KeySpec {
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** The script's defaults: RSA 2048 bits, ECDSA secp256r1. */
    public static KeySpec defaultFor(KeyAlgorithm algorithm) {
        return algorithm == KeyAlgorithm.RSA
                ? new KeySpec(KeyAlgorithm.RSA, DEFAULT_RSA_BITS, null)
                : new KeySpec(KeyAlgorithm.ECDSA, 0, EcCurve.SECP256R1.curveName());
    }

    /**
     * Parses the {@code -b} value for an algorithm: null or empty gives the default; RSA sizes
     * must be whole numbers from 2048 to 16384; curves must be secp256r1 (alias prime256v1,
     * P-256), secp384r1 or secp521r1 and are normalised to their SEC name.
     */
    public static KeySpec parse(KeyAlgorithm algorithm, String bitsOrCurve) throws PftlsException {
        Objects.requireNonNull(algorithm, "algorithm");
        if (bitsOrCurve == null || bitsOrCurve.isEmpty()) {
            return defaultFor(algorithm);
        }
        if (algorithm == KeyAlgorithm.ECDSA) {
            EcCurve curve = EcCurve.fromName(bitsOrCurve).orElseThrow(() -> new PftlsException(Kind.INPUT,
                    "unsupported ECDSA curve \"" + bitsOrCurve + "\": use secp256r1, secp384r1 or secp521r1"));
            return new KeySpec(KeyAlgorithm.ECDSA, 0, curve.curveName());
        }
        if (!bitsOrCurve.matches("[0-9]{1,9}")) {
            throw new PftlsException(Kind.INPUT,
                    "RSA key size \"" + bitsOrCurve + "\" is not a number of bits: " + RSA_FIX);
        }
        int bits = Integer.parseInt(bitsOrCurve);
        if (bits < MIN_RSA_BITS) {
            throw new PftlsException(Kind.INPUT, "RSA key size " + bits + " is too small: " + RSA_FIX);
        }
        if (bits > MAX_RSA_BITS) {
            throw new PftlsException(Kind.INPUT, "RSA key size " + bits + " is too large (at most "
                    + MAX_RSA_BITS + "): " + RSA_FIX);
        }
        return new KeySpec(KeyAlgorithm.RSA, bits, null);
    }

    /** For people: {@code RSA 2048 bits} or {@code ECDSA secp384r1}. */
    public String describe() {
        return algorithm == KeyAlgorithm.RSA ? "RSA " + rsaBits + " bits" : "ECDSA " + curve;
    }
}
