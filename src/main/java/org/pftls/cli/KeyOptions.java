package org.pftls.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;
import picocli.CommandLine.Option;

/** {@code -a algorithm -b bits}, shared by the subcommands that make keys. */
public final class KeyOptions {
    @Option(names = "-a", paramLabel = "algorithm", description = "rsa (default), ecdsa, or both: rsa,ecdsa"
            + " (one key and certificate of each, deployed together).")
    String algorithm;

    @Option(names = "-b", paramLabel = "bits", description = "RSA key size (default 2048), or the ECDSA curve:"
            + " secp256r1 (default), secp384r1 or secp521r1; with -a rsa,ecdsa both, e.g. 3072,secp384r1.")
    String bits;

    /** The one key spec of a single -a algorithm (the script's form); refuses a list. */
    KeySpec spec() throws PftlsException {
        List<KeySpec> specs = specs();
        if (specs.size() != 1) {
            throw new PftlsException(Kind.INPUT, "give one algorithm here: -a rsa or -a ecdsa");
        }
        return specs.get(0);
    }

    /**
     * The key specs of {@code -a} (one algorithm, or a comma-separated list of different ones),
     * RSA first. With several algorithms, each {@code -b} value goes to the algorithm it fits: a
     * number to RSA, a curve name to ECDSA; the others take their defaults.
     */
    List<KeySpec> specs() throws PftlsException {
        String names = algorithm == null ? "rsa" : algorithm;
        Map<KeyAlgorithm, String> chosen = new EnumMap<>(KeyAlgorithm.class);
        for (String name : names.split(",", -1)) {
            KeyAlgorithm a = KeyAlgorithm.fromPostfixName(name).orElseThrow(() -> new PftlsException(Kind.INPUT,
                    "Unsupported private key algorithm: " + name.toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "?")
                            + "; use -a rsa, -a ecdsa or -a rsa,ecdsa"));
            if (chosen.containsKey(a)) {
                throw new PftlsException(Kind.INPUT, "-a names " + name + " twice; name each algorithm once"
                        + " (-a rsa,ecdsa)");
            }
            chosen.put(a, null);
        }
        if (chosen.size() == 1) {
            KeyAlgorithm only = chosen.keySet().iterator().next();
            return List.of(KeySpec.parse(only, bits));
        }
        if (bits != null && !bits.isEmpty()) {
            for (String value : bits.split(",", -1)) {
                KeyAlgorithm a = value.matches("[0-9]+") ? KeyAlgorithm.RSA : KeyAlgorithm.ECDSA;
                if (chosen.get(a) != null) {
                    throw new PftlsException(Kind.INPUT, "-b " + bits + " gives two values for " + a + "; give one"
                            + " RSA size and one curve, e.g. -b 2048,secp256r1");
                }
                chosen.put(a, value);
            }
        }
        List<KeySpec> specs = new ArrayList<>();
        for (Map.Entry<KeyAlgorithm, String> e : chosen.entrySet()) {
            specs.add(KeySpec.parse(e.getKey(), e.getValue()));
        }
        return specs;
    }
}
