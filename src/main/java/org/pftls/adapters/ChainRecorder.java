package org.pftls.adapters;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that trusts every server and records the chain it presented: the probe compares
 * public keys with the deployed ones itself. Extended, so that the JDK does not wrap it with its
 * own algorithm checks of the chain (which would refuse, e.g., an ECDSA certificate signed by an
 * RSA issuer during an ECDSA-only probe).
 */
final class ChainRecorder extends X509ExtendedTrustManager {
    private volatile List<X509Certificate> chain = List.of();

    List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
        chain = List.of(presented);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
        chain = List.of(presented);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType) {
        chain = List.of(presented);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket) {
        throw new UnsupportedOperationException("a probe is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("a probe is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType) {
        throw new UnsupportedOperationException("a probe is a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
