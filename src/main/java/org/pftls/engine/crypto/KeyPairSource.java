package org.pftls.engine.crypto;

import java.security.KeyPair;
import org.pftls.engine.PftlsException;

/**
 * Where new key pairs come from. The command line makes them on the spot ({@link KeyMaker}); the
 * wizard hands over a key it started making while the operator answered the next questions.
 */
@FunctionalInterface
public interface KeyPairSource {
    /** A new key pair as the spec says. */
    KeyPair make(KeySpec spec) throws PftlsException;
}
