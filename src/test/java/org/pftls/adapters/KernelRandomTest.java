package org.pftls.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel generator: reads the device it is given, falls back when it cannot open it. */
class KernelRandomTest {
    @TempDir
    Path dir;

    @Test
    void readsTheDeviceItIsGiven() throws Exception {
        Path fake = dir.resolve("device");
        byte[] content = new byte[64];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Files.write(fake, content);
        KernelRandom random = new KernelRandom(fake);
        byte[] a = new byte[40];
        random.nextBytes(a);
        assertArrayEquals(Arrays.copyOfRange(content, 0, 40), a);
        random.setSeed(new byte[] {1, 2, 3}); // ignored: the next bytes still come from the device
        assertArrayEquals(Arrays.copyOfRange(content, 40, 56), random.generateSeed(16));
        assertEquals("kernel:" + fake, random.getAlgorithm());
        // The device runs dry: an error naming it, never silently weaker randomness.
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> random.nextBytes(new byte[16]));
        assertTrue(e.getMessage().contains(fake.toString()), e.getMessage());
    }

    @Test
    void theRealDeviceGivesDifferentBytesAndDrivesKeyGeneration() throws Exception {
        KernelRandom random = new KernelRandom();
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        random.nextBytes(a);
        random.nextBytes(b);
        assertFalse(Arrays.equals(a, b));
        assertEquals("kernel:/dev/urandom", random.getAlgorithm());
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, random);
        assertEquals(2048, ((RSAPublicKey) g.generateKeyPair().getPublic()).getModulus().bitLength());
    }

    @Test
    void fallsBackToThePlatformGeneratorWithoutTheDevice() {
        KernelRandom random = new KernelRandom(dir.resolve("missing"));
        byte[] a = new byte[32];
        random.nextBytes(a);
        assertNotEquals("kernel:" + dir.resolve("missing"), random.getAlgorithm());
        assertFalse(Arrays.equals(new byte[32], a));
    }
}
