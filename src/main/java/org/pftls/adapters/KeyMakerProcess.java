package org.pftls.adapters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyMaker;
import org.pftls.engine.crypto.KeySpec;

/**
 * The child process of {@link ForkedKeyMaker}: {@code KeyMakerProcess rsa BITS} or
 * {@code KeyMakerProcess ecdsa CURVE} makes one key pair from {@code /dev/urandom} and writes the
 * private key (PKCS#8) and the public key (SubjectPublicKeyInfo) to standard output, Base64, one
 * line each. Exit status 0, or 1 with the reason on standard error.
 */
public final class KeyMakerProcess {
    private KeyMakerProcess() {
    }

    /** The arguments for a spec. */
    static List<String> arguments(KeySpec spec) {
        return List.of(spec.algorithm().postfixName(),
                spec.algorithm() == KeyAlgorithm.RSA ? Integer.toString(spec.rsaBits()) : spec.curve());
    }

    public static void main(String[] args) {
        try {
            if (args.length != 2) {
                throw new IllegalArgumentException("usage: KeyMakerProcess rsa BITS | ecdsa CURVE");
            }
            KeyAlgorithm algorithm = KeyAlgorithm.fromPostfixName(args[0])
                    .orElseThrow(() -> new IllegalArgumentException("unknown algorithm " + args[0]));
            KeyPair pair = new KeyMaker(new KernelRandom()).generate(KeySpec.parse(algorithm, args[1]));
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
            out.println(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            out.println(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            out.flush();
            System.exit(out.checkError() ? 1 : 0);
        } catch (PftlsException | RuntimeException e) {
            System.err.println("pftls: key maker: " + e.getMessage());
            System.exit(1);
        }
    }
}
