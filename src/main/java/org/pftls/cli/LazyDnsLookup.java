package org.pftls.cli;

import java.util.function.Supplier;
import org.pftls.engine.ports.DnsLookup;

/** A {@link DnsLookup} made on first use: a deploy that asks nothing never loads dnsjava. */
final class LazyDnsLookup implements DnsLookup {
    private final Supplier<DnsLookup> factory;
    private DnsLookup lookup;

    LazyDnsLookup(Supplier<DnsLookup> factory) {
        this.factory = factory;
    }

    private DnsLookup lookup() {
        if (lookup == null) {
            lookup = factory.get();
        }
        return lookup;
    }

    @Override
    public String resolver() {
        return lookup().resolver();
    }

    @Override
    public TlsaAnswer tlsa(String name, boolean validate) {
        return lookup().tlsa(name, validate);
    }

    @Override
    public Reply ask(String name, String type, boolean checkingDisabled) {
        return lookup().ask(name, type, checkingDisabled);
    }
}
