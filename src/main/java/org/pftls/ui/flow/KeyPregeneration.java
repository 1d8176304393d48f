package org.pftls.ui.flow;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.KeyPairSource;
import org.pftls.engine.crypto.KeySpec;

/**
 * Makes the new keys in the background as soon as the Key step is answered, while the operator
 * types host names; Generate then takes them (waiting for the rest, if any). A changed answer
 * cancels the keys no longer wanted; a key still wanted (the same spec) is kept. For "RSA and
 * ECDSA" both are made, one after the other in the order the command line makes them (RSA first;
 * Generate makes the ECDSA key itself when it is not started yet). The keys exist only in memory.
 */
final class KeyPregeneration {
    private final KeyPairSource maker;
    private final Executor executor;
    private final Map<KeySpec, FutureTask<KeyPair>> tasks = new LinkedHashMap<>();

    /**
     * @param maker    makes one key (may take seconds: RSA 4096)
     * @param executor where it runs (a background thread; tests run it when they choose)
     */
    KeyPregeneration(KeyPairSource maker, Executor executor) {
        this.maker = maker;
        this.executor = executor;
    }

    /** Starts making a key for each of {@code wanted} that is not made or under way already; drops the others. */
    synchronized void start(List<KeySpec> wanted) {
        for (KeySpec spec : List.copyOf(tasks.keySet())) {
            if (!wanted.contains(spec) || tasks.get(spec).isCancelled()) {
                tasks.remove(spec).cancel(true);
            }
        }
        for (KeySpec spec : wanted) {
            if (!tasks.containsKey(spec)) {
                FutureTask<KeyPair> before = tasks.isEmpty() ? null : List.copyOf(tasks.values()).get(tasks.size() - 1);
                FutureTask<KeyPair> task = new FutureTask<>(() -> {
                    after(before);
                    return maker.make(spec);
                });
                tasks.put(spec, task);
                executor.execute(task);
            }
        }
    }

    /**
     * Waits for the key started before this one (running it here when nothing has started it yet):
     * the keys are made one after the other even when Generate takes one on its own thread while
     * the background thread is at the next, so they draw on the randomness in one order.
     */
    private static void after(FutureTask<KeyPair> before) throws InterruptedException {
        if (before == null) {
            return;
        }
        before.run(); // does nothing when it runs (or ran) elsewhere
        try {
            before.get();
        } catch (CancellationException | ExecutionException e) {
            // that key is not this one's business: take() reports its own failure
        }
    }

    /** Stops the keys under way (the answer changed, or the wizard ends); they are never used. */
    synchronized void cancel() {
        tasks.values().forEach(t -> t.cancel(true));
        tasks.clear();
    }

    /** Whether a key for each of {@code wanted} is ready now (Generate will not wait for them). */
    synchronized boolean ready(List<KeySpec> wanted) {
        for (KeySpec spec : wanted) {
            FutureTask<KeyPair> t = tasks.get(spec);
            if (t == null || !t.isDone() || t.isCancelled()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The engine's source of new keys: the key made in the background when the spec is one it
     * was started for (waited for; run here if it has not started yet), else a new one made now.
     */
    KeyPair take(KeySpec wanted) throws PftlsException {
        FutureTask<KeyPair> mine;
        synchronized (this) {
            mine = tasks.get(wanted);
        }
        if (mine == null) {
            return maker.make(wanted);
        }
        mine.run(); // does nothing when it runs (or ran) on the executor
        try {
            return mine.get();
        } catch (CancellationException e) {
            return maker.make(wanted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PftlsException(Kind.CANCELLED, "interrupted while the key was made", e);
        } catch (ExecutionException e) {
            synchronized (this) {
                tasks.remove(wanted, mine);
            }
            if (e.getCause() instanceof PftlsException p) {
                throw p;
            }
            throw new PftlsException(Kind.CRYPTO, "error generating new " + wanted.describe() + " private key: "
                    + e.getCause(), e.getCause());
        }
    }
}
