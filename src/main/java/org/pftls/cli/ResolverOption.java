package org.pftls.cli;

import java.time.Duration;
import org.pftls.adapters.DnsjavaLookup;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.ports.DnsLookup;
import picocli.CommandLine.Option;

/** {@code --resolver ADDR[:PORT]}: every command that looks up DNS takes it (default: /etc/resolv.conf). */
final class ResolverOption {
    @Option(names = "--resolver", paramLabel = "ADDR[:PORT]", description = "Ask this DNS resolver (an IP address,"
            + " e.g. 127.0.0.1 or [::1]:5353) instead of the system's (/etc/resolv.conf).")
    String resolver;

    /** Whether a resolver was named. */
    boolean given() {
        return resolver != null;
    }

    /** The resolver to ask, with the timeout; fails on a bad address. dnsjava is loaded only when it is first asked. */
    DnsLookup lookup(Duration timeout, java.nio.file.Path trustAnchor) throws PftlsException {
        if (resolver != null) {
            try {
                DnsjavaLookup.parseAddress(resolver);
            } catch (IllegalArgumentException e) {
                throw new PftlsException(Kind.INPUT, "bad --resolver " + resolver + ": " + e.getMessage()
                        + "; give an IP address, optionally with a port: 127.0.0.1, 127.0.0.1:5353 or [::1]:53");
            }
        }
        String address = resolver;
        return new LazyDnsLookup(() -> DnsjavaLookup.of(address, timeout, trustAnchor));
    }
}
