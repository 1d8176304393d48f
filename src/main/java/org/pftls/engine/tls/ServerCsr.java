package org.pftls.engine.tls;

import java.nio.file.Path;
import java.util.List;

/**
 * A certificate signing request as {@code output-server-csr} makes it.
 *
 * @param keyFile   the private key it is signed with
 * @param hostNames the names requested (the first is the CommonName)
 * @param pem       the CSR in PEM, ending with a newline
 */
public record ServerCsr(Path keyFile, List<String> hostNames, String pem) {
    public ServerCsr {
        hostNames = List.copyOf(hostNames);
    }
}
