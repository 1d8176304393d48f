package org.pftls.engine.ports;

/** The kernel's host name, as gethostname(2) returns it (no DNS lookup). */
@FunctionalInterface
public interface HostNameSource {
    String hostName();
}
