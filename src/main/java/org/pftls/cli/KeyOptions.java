package org.pftls.cli;

import java.util.Locale;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;
import picocli.CommandLine.Option;

/** {@code -a algorithm -b bits}, shared by the subcommands that make keys. */
public final class KeyOptions {
    @Option(names = "-a", paramLabel = "algorithm", description = "rsa (default) or ecdsa.")
    String algorithm;

    @Option(names = "-b", paramLabel = "bits", description = "RSA key size (default 2048), or the ECDSA curve:"
            + " secp256r1 (default), secp384r1 or secp521r1.")
    String bits;

    KeySpec spec() throws PftlsException {
        String name = algorithm == null ? "rsa" : algorithm;
        KeyAlgorithm a = KeyAlgorithm.fromPostfixName(name).orElseThrow(() -> new PftlsException(Kind.INPUT,
                "Unsupported private key algorithm: " + name.toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "?")
                        + "; use -a rsa or -a ecdsa"));
        return KeySpec.parse(a, bits);
    }
}
