package org.pftls.engine.ports;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Everything the engine needs from the outside world, injected: tests pass a temp-dir file
 * store, a fixed clock, seeded randomness and the built-in Postfix defaults.
 */
public record Ports(FileStore files, PostfixInstallation postfix, HostNameSource hostNames, Clock clock,
                    SecureRandom random) {
}
