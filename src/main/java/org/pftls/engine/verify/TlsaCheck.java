package org.pftls.engine.verify;

import java.util.List;
import java.util.Optional;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * The TLSA side of verify: the 3 1 1 records computed from the deployed keys, whether the served
 * certificates match them, and (with {@code --dns}) what DNS publishes.
 *
 * @param name        the owner name, {@code _25._tcp.HOST}
 * @param expected    one record per deployed key
 * @param servedMatch whether every served certificate matches one of the expected records
 * @param dns         the look-up, when asked for
 */
public record TlsaCheck(String name, List<Expected> expected, boolean servedMatch, Optional<DnsTlsaCheck> dns) {
    public TlsaCheck {
        expected = List.copyOf(expected);
    }

    /**
     * A record computed from a deployed key.
     *
     * @param algorithm rsa or ecdsa
     * @param data      {@code 3 1 1 HEX}
     */
    public record Expected(KeyAlgorithm algorithm, String data) {
        /** The record line, as output-server-tlsa prints it. */
        public String record(String name) {
            return name + ". IN TLSA " + data;
        }
    }
}
