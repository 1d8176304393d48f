package org.pftls.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.pftls.engine.PftlsException;

/** Deterministic randomness, a fixed clock and small file helpers for the crypto tests. */
final class TestKeys {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T13:12:20.678Z"), ZoneOffset.UTC);

    private TestKeys() {
    }

    /** A DRBG that gives the same bytes for the same seed (seeded before first use). */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static KeyPair generate(KeySpec spec, long seed) {
        try {
            return new KeyMaker(seeded(seed)).generate(spec);
        } catch (PftlsException e) {
            throw new AssertionError(e);
        }
    }

    static KeyPair rsa2048(long seed) {
        return generate(KeySpec.defaultFor(KeyAlgorithm.RSA), seed);
    }

    static KeyPair ec(String curve, long seed) {
        try {
            return generate(KeySpec.parse(KeyAlgorithm.ECDSA, curve), seed);
        } catch (PftlsException e) {
            throw new AssertionError(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.US_ASCII));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            return file;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String readText(Path file) {
        return new String(read(file), StandardCharsets.US_ASCII);
    }

    static LoadedKey load(Path file) throws PftlsException {
        return KeyFiles.readPrivateKey(read(file), file.toString());
    }
}
