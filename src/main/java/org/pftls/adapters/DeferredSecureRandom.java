package org.pftls.adapters;

import java.security.SecureRandom;
import java.security.SecureRandomParameters;
import java.security.SecureRandomSpi;

/**
 * The platform's default {@link SecureRandom}, created on first use: making one starts the JCA
 * provider machinery (several milliseconds at start-up), which subcommands that never need
 * randomness (all-default-*, status) should not pay for. Every call goes to the one real
 * instance ({@code new SecureRandom()}), so the randomness is exactly the platform's.
 */
public final class DeferredSecureRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final transient Spi deferred;

    public DeferredSecureRandom() {
        this(new Spi());
    }

    private DeferredSecureRandom(Spi spi) {
        super(spi, null);
        this.deferred = spi;
    }

    @Override
    public String getAlgorithm() {
        return deferred.real().getAlgorithm();
    }

    /** Delegates every operation to the real generator, made when first needed. */
    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private transient SecureRandom real;

        synchronized SecureRandom real() {
            if (real == null) {
                real = new SecureRandom();
            }
            return real;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            real().setSeed(seed);
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            real().nextBytes(bytes);
        }

        @Override
        protected void engineNextBytes(byte[] bytes, SecureRandomParameters params) {
            real().nextBytes(bytes, params);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            return real().generateSeed(numBytes);
        }

        @Override
        protected void engineReseed(SecureRandomParameters params) {
            real().reseed(params);
        }

        @Override
        protected SecureRandomParameters engineGetParameters() {
            return real().getParameters();
        }

        @Override
        public String toString() {
            return real == null ? "deferred SecureRandom (not yet created)" : real.toString();
        }
    }
}
