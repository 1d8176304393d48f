package org.pftls.ui.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;

/**
 * The keys made ahead are made one after the other, in the order asked, whoever runs them: the
 * wizard's files equal the command line's only when both draw on the randomness in one order.
 */
class KeyPregenerationTest {
    private static final KeySpec RSA = KeySpec.defaultFor(KeyAlgorithm.RSA);
    private static final KeySpec EC = KeySpec.defaultFor(KeyAlgorithm.ECDSA);

    @Test
    void theNextKeyWaitsWhileGenerateMakesTheFirstOnItsOwnThread() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch rsaStarted = new CountDownLatch(1);
        CountDownLatch rsaMayEnd = new CountDownLatch(1);
        KeyPair any = KeyPairGenerator.getInstance("EC").generateKeyPair();
        List<Runnable> queued = new ArrayList<>();
        KeyPregeneration keys = new KeyPregeneration(spec -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            events.add("start " + spec.algorithm());
            if (spec.equals(RSA)) {
                rsaStarted.countDown();
                await(rsaMayEnd);
            }
            events.add("end " + spec.algorithm());
            running.decrementAndGet();
            return any;
        }, queued::add);

        keys.start(List.of(RSA, EC));
        // Generate takes the RSA key before the background thread has begun: it makes it itself.
        AtomicReference<KeyPair> taken = new AtomicReference<>();
        Thread generate = new Thread(() -> taken.set(takeQuietly(keys, RSA)));
        generate.start();
        assertTrue(rsaStarted.await(10, TimeUnit.SECONDS));
        // Now the background thread runs its queue: the RSA key (already under way), then ECDSA.
        Thread background = new Thread(() -> queued.forEach(Runnable::run));
        background.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (background.getState() != Thread.State.WAITING && background.isAlive() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertEquals(List.of("start RSA"), List.copyOf(events), "the ECDSA key waits for the RSA key");
        rsaMayEnd.countDown();
        generate.join(10_000);
        background.join(10_000);

        assertNotNull(taken.get());
        assertEquals(List.of("start RSA", "end RSA", "start ECDSA", "end ECDSA"), List.copyOf(events));
        assertEquals(1, most.get(), "never two keys at once");
        assertEquals(any, keys.take(EC), "the ECDSA key made ahead is the one taken");
        assertEquals(4, events.size(), "and it is not made again");
    }

    @Test
    void withoutABackgroundThreadGenerateMakesThemInOrder() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        KeyPair any = KeyPairGenerator.getInstance("EC").generateKeyPair();
        KeyPregeneration keys = new KeyPregeneration(spec -> {
            events.add(spec.algorithm().name());
            return any;
        }, job -> { });
        keys.start(List.of(RSA, EC));
        keys.take(EC);
        assertEquals(List.of("RSA", "ECDSA"), events, "taking the second key makes the first one before it");
        keys.take(RSA);
        assertEquals(List.of("RSA", "ECDSA"), events);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KeyPair takeQuietly(KeyPregeneration keys, KeySpec spec) {
        try {
            return keys.take(spec);
        } catch (Exception e) {
            return null;
        }
    }
}
