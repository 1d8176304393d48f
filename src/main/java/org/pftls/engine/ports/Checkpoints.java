package org.pftls.engine.ports;

/**
 * Named points on the write path (after a temporary file is created, after it is synced, after
 * the rename, ...). Production passes {@link #NONE}; the crash test passes an implementation that
 * kills or pauses the process at a chosen point, to prove every point leaves a usable instance.
 */
@FunctionalInterface
public interface Checkpoints {
    /** Does nothing: the production behaviour. */
    Checkpoints NONE = name -> { };

    /** Called when the write path reaches the point {@code name}, e.g. {@code replace-renamed}. */
    void reached(String name);
}
