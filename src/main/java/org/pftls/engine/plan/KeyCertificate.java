package org.pftls.engine.plan;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Objects;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * One key and its certificate that a plan makes (or, for a deploy, chose), as the engine knows
 * them when it makes the plan: front ends show this and never parse the files' bytes again. A
 * plan has one entry per algorithm it handles.
 *
 * @param algorithm      RSA or ECDSA
 * @param origin         whether the key is new, a copy of the deployed one, or an existing file
 * @param keyFile        where the key is (or will be)
 * @param certificateFile where the certificate (chain) is (or will be)
 * @param keyDescription for people: {@code RSA 2048 bits}, {@code ECDSA secp256r1}
 * @param certificate    the (leaf) certificate
 * @param tlsaRecord     the DANE {@code 3 1 1} record of the key, for the certificate's first DNS
 *                       name (else myhostname): {@code _25._tcp.HOST. IN TLSA 3 1 1 HEX}; empty when
 *                       neither is a usable host name
 * @param keyPair        the key itself, for what is made from it before it is written (a CSR
 *                       for the new key, on request); never printed
 */
public record KeyCertificate(KeyAlgorithm algorithm, Origin origin, Path keyFile, Path certificateFile,
                             String keyDescription, CertificateSummary certificate, String tlsaRecord,
                             KeyPair keyPair) {

    /** Where the key comes from. */
    public enum Origin {
        /** Made by this plan. */
        NEW_KEY,
        /** The deployed key, copied to a new file (new-server-cert). */
        COPIED_KEY,
        /** Files that exist already (deploy-server-cert). */
        EXISTING
    }

    public KeyCertificate {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(certificateFile, "certificateFile");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(keyPair, "keyPair");
    }

    @Override
    public String toString() {
        return "KeyCertificate[" + algorithm + " " + origin + " key " + keyFile + " certificate " + certificateFile + "]";
    }
}
