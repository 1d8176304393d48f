package org.pftls.ui.flow;

/**
 * The Enable client task's question: opportunistic TLS ({@code enable-client}, with
 * {@code --merge} where the client settings are not all default) or DANE
 * ({@code enable-client --dane}, after the same check that the resolvers validate DNSSEC).
 */
public enum ClientTls {
    OPPORTUNISTIC("Opportunistic TLS"),
    DANE("DANE");

    private final String label;

    ClientTls(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
