package org.pftls.ui.flow;

import java.security.KeyPair;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.KeyPairSource;
import org.pftls.engine.crypto.KeySpec;

/**
 * Makes the new key in the background as soon as the Key step is answered, while the operator
 * types host names; Generate then takes it (waiting for the rest, if any). A changed answer
 * cancels the key under way; the same answer again keeps it. The key exists only in memory.
 */
final class KeyPregeneration {
    private final KeyPairSource maker;
    private final Executor executor;
    private KeySpec spec;
    private FutureTask<KeyPair> task;

    /**
     * @param maker    makes one key (may take seconds: RSA 4096)
     * @param executor where it runs (a background thread; tests run it when they choose)
     */
    KeyPregeneration(KeyPairSource maker, Executor executor) {
        this.maker = maker;
        this.executor = executor;
    }

    /** Starts making a key for {@code wanted}, unless one is made or under way for it already. */
    synchronized void start(KeySpec wanted) {
        if (task != null && Objects.equals(spec, wanted) && !task.isCancelled()) {
            return;
        }
        cancel();
        spec = wanted;
        task = new FutureTask<>(() -> maker.make(wanted));
        executor.execute(task);
    }

    /** Stops the key under way (the answer changed, or the wizard ends); it is never used. */
    synchronized void cancel() {
        if (task != null) {
            task.cancel(true);
        }
        task = null;
        spec = null;
    }

    /** Whether a key for {@code wanted} is ready now (Generate will not wait for it). */
    synchronized boolean ready(KeySpec wanted) {
        return task != null && Objects.equals(spec, wanted) && task.isDone() && !task.isCancelled();
    }

    /**
     * The engine's source of new keys: the key made in the background when the spec is the one it
     * was started for (waited for; run here if it has not started yet), else a new one made now.
     */
    KeyPair take(KeySpec wanted) throws PftlsException {
        FutureTask<KeyPair> mine;
        synchronized (this) {
            mine = task != null && Objects.equals(spec, wanted) ? task : null;
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
                if (task == mine) {
                    task = null;
                    spec = null;
                }
            }
            if (e.getCause() instanceof PftlsException p) {
                throw p;
            }
            throw new PftlsException(Kind.CRYPTO, "error generating new " + wanted.describe() + " private key: "
                    + e.getCause(), e.getCause());
        }
    }
}
