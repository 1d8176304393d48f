package org.pftls.engine.tls;

import java.nio.charset.CharacterCodingException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.config.MainCfText;

/**
 * The script's init_random_source: {@code -r} wins, then main.cf's (or the default)
 * tls_random_source, then {@code dev:/dev/urandom}. The result is a main.cf value (its bytes, one
 * char each, see {@code MainCfText}).
 */
final class RandomSource {
    private RandomSource() {
    }

    static String choose(String option, Instance instance) throws PftlsException {
        if (option != null && !option.isEmpty()) {
            check(option, instance);
            try {
                return MainCfText.fromText(option, instance.ports().files().nameCharset()); // its bytes in main.cf
            } catch (CharacterCodingException e) {
                throw new PftlsException(Kind.INPUT, "bad random source " + option + ": it cannot be written in "
                        + instance.ports().files().nameCharset() + "; use -r dev:/dev/urandom", e);
            }
        }
        String configured = instance.parameters().expanded("tls_random_source").trim();
        if (!configured.isEmpty()) {
            return configured;
        }
        if (instance.ports().files().isReadable(Path.of("/dev/urandom"))) {
            return "dev:/dev/urandom";
        }
        throw new PftlsException(Kind.CONFIG, "no default TLS random source defined and no /dev/urandom;"
                + " give one with -r dev:/path/to/device");
    }

    /** Deliberate improvement: a -r value that cannot work is refused before anything changes. */
    private static void check(String value, Instance instance) throws PftlsException {
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || value.contains(" ")) {
            throw new PftlsException(Kind.INPUT, "bad random source \"" + value.replaceAll("\\p{Cntrl}", "?")
                    + "\": it must be one word such as dev:/dev/urandom");
        }
        if (value.startsWith("dev:")) {
            Path device;
            try {
                device = Path.of(value.substring(4));
            } catch (InvalidPathException e) {
                throw new PftlsException(Kind.INPUT, "bad random source " + value + ": " + e.getReason()
                        + "; use -r dev:/dev/urandom", e);
            }
            if (!device.isAbsolute() || !instance.ports().files().exists(device)) {
                throw new PftlsException(Kind.INPUT, "bad random source " + value + ": the device "
                        + value.substring(4) + " does not exist; use -r dev:/dev/urandom");
            }
        }
    }
}
