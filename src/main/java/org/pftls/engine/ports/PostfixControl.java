package org.pftls.engine.ports;

import org.pftls.engine.PftlsException;

/** Running Postfix itself: only {@code postfix reload}, offered after a change. */
public interface PostfixControl {
    /** True when a real Postfix is there to reload (never in the demo sandbox). */
    boolean available();

    /** Runs {@code postfix -c DIR reload}; returns what it printed. */
    String reload() throws PftlsException;
}
