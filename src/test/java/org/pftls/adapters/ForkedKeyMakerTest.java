package org.pftls.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyPairSource;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.crypto.PrivateKeyPem;

/** The wizard's key maker: a child JVM (this test's java and class path) makes the key and pipes it back. */
class ForkedKeyMakerTest {
    private static final KeyPairSource NO_FALLBACK = spec -> {
        throw new AssertionError("the child JVM failed: the key was not to be made in-process");
    };

    private static void assertWorks(KeyPair pair, String algorithm) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(pair.getPrivate());
        s.update(new byte[] {1, 2, 3});
        byte[] signature = s.sign();
        s.initVerify(pair.getPublic());
        s.update(new byte[] {1, 2, 3});
        assertTrue(s.verify(signature), "the private and the public key belong together");
    }

    @Test
    void makesRsaAndEcdsaKeysInAChildJvm() throws Exception {
        ForkedKeyMaker maker = ForkedKeyMaker.likeThisJvm(NO_FALLBACK);
        KeyPair rsa = maker.make(new KeySpec(KeyAlgorithm.RSA, 2048, null));
        assertEquals(2048, ((RSAPublicKey) rsa.getPublic()).getModulus().bitLength());
        assertWorks(rsa, "SHA256withRSA");
        assertTrue(PrivateKeyPem.encode(rsa).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        KeyPair ec = maker.make(KeySpec.parse(KeyAlgorithm.ECDSA, "secp384r1"));
        assertWorks(ec, "SHA256withECDSA");
        assertTrue(PrivateKeyPem.encode(ec).startsWith("-----BEGIN EC PARAMETERS-----\n"), "a named curve");
    }

    @Test
    void withoutAChildTheKeyIsMadeHere() throws Exception {
        KeyPair made = TestKeyPairs.ec();
        ForkedKeyMaker maker = new ForkedKeyMaker(List.of("/nonexistent/bin/java"), spec -> made);
        assertSame(made, maker.make(KeySpec.defaultFor(KeyAlgorithm.ECDSA)));
        ForkedKeyMaker failing = new ForkedKeyMaker(List.of("/bin/false"), spec -> made);
        assertSame(made, failing.make(KeySpec.defaultFor(KeyAlgorithm.ECDSA)), "a child that fails");
    }

    @Test
    void cancellingKillsTheChild() throws Exception {
        ForkedKeyMaker maker = ForkedKeyMaker.likeThisJvm(NO_FALLBACK);
        Thread[] worker = new Thread[1];
        CompletableFuture<KeyPair> result = new CompletableFuture<>();
        worker[0] = new Thread(() -> {
            try {
                result.complete(maker.make(new KeySpec(KeyAlgorithm.RSA, 16384, null))); // minutes of work
            } catch (PftlsException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        worker[0].start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (children() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, children(), "the child runs");
        worker[0].interrupt();
        ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS));
        assertEquals(PftlsException.Kind.CANCELLED, ((PftlsException) e.getCause()).kind());
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (children() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, children(), "the child was killed");
    }

    private static long children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(KeyMakerProcess.class.getName())).count();
    }

    /** An EC key pair made here. */
    private static final class TestKeyPairs {
        static KeyPair ec() throws Exception {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        }
    }
}
