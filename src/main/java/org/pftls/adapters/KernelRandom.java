package org.pftls.adapters;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * Randomness straight from the kernel's generator ({@code /dev/urandom}, the source OpenSSL seeds
 * from, and the one the JDK's default {@code NativePRNG} reads), opened on first use.
 *
 * <p>Why not {@code new SecureRandom()}: on JDK 17 that first constructs the JCA provider list and
 * the SUN provider, then NativePRNG mixes every read with a SHA1PRNG of its own: ~12 ms at every
 * start of a short-lived command, for no gain in quality over the kernel's output. When the device
 * cannot be opened (a chroot without /dev), the platform's default generator is used instead.
 *
 * <p>Seeds given to {@link #setSeed} are ignored: the kernel pool needs none, and a caller's seed
 * must never make the output predictable. Thread-safe.
 */
public final class KernelRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private static final Path DEVICE = Path.of("/dev/urandom");

    private final transient Spi spi;

    public KernelRandom() {
        this(DEVICE);
    }

    /** @param device the character device to read (tests give another path to exercise the fallback) */
    public KernelRandom(Path device) {
        this(new Spi(device));
    }

    private KernelRandom(Spi spi) {
        super(spi, null);
        this.spi = spi;
    }

    @Override
    public String getAlgorithm() {
        return spi.fallback() == null ? "kernel:" + spi.device : spi.fallback().getAlgorithm();
    }

    @Override
    public String toString() {
        return getAlgorithm();
    }

    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final Path device;
        private transient InputStream in;
        private transient SecureRandom fallback;
        private transient boolean opened;

        Spi(Path device) {
            this.device = device;
        }

        synchronized SecureRandom fallback() {
            open();
            return fallback;
        }

        private void open() {
            if (!opened) {
                opened = true;
                try {
                    in = new FileInputStream(device.toFile());
                } catch (IOException e) {
                    fallback = new SecureRandom();
                }
            }
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // ignored: see the class comment
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            open();
            if (fallback != null) {
                fallback.nextBytes(bytes);
                return;
            }
            try {
                int done = 0;
                while (done < bytes.length) {
                    int n = in.read(bytes, done, bytes.length - done);
                    if (n < 0) {
                        throw new IOException("end of file on " + device);
                    }
                    done += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read random bytes from " + device, e);
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            engineNextBytes(seed);
            return seed;
        }
    }
}
