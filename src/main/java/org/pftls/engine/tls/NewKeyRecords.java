package org.pftls.engine.tls;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.CertificateFiles;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.crypto.LoadedKey;
import org.pftls.engine.crypto.Tlsa;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;

/**
 * The TLSA "3 1 1" records of the private keys a plan creates (enable-server, new-server-key,
 * new-server-cert), each for the first DNS name of the certificate made with it (the first host
 * name of the command; myhostname by default), as the wizards' Review shows them. Computed from
 * the plan's own key and certificate bytes.
 */
public final class NewKeyRecords {
    private NewKeyRecords() {
    }

    /** One record per new private key, in the plan's order (myhostname for a key without certificate). */
    public static List<TlsaRecord> of(Plan plan, Instance instance) throws PftlsException {
        boolean keys = plan.files().stream().anyMatch(f -> f.role() == NewFile.Role.PRIVATE_KEY);
        return keys ? of(plan, HostNameChoice.myhostname(instance)) : List.of();
    }

    /** One record per new private key, in the plan's order; {@code fallbackHost} when a key has no certificate. */
    public static List<TlsaRecord> of(Plan plan, String fallbackHost) throws PftlsException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (NewFile f : plan.files()) {
            if (f.role() == NewFile.Role.CERTIFICATE) {
                certificates.add(CertificateFiles.readCertificates(f.content(), f.path().toString()).get(0));
            }
        }
        List<TlsaRecord> records = new ArrayList<>();
        for (NewFile f : plan.files()) {
            if (f.role() != NewFile.Role.PRIVATE_KEY) {
                continue;
            }
            LoadedKey key = KeyFiles.readPrivateKey(f.content(), f.path().toString());
            PublicKey pub = key.keyPair().getPublic();
            String host = fallbackHost;
            for (X509Certificate c : certificates) {
                if (c.getPublicKey().equals(pub)) {
                    List<String> names = CertificateSummary.of(c).dnsNames();
                    host = names.isEmpty() ? fallbackHost : names.get(0);
                }
            }
            records.add(new TlsaRecord(f.path(), key.algorithm(), host, Tlsa.spkiSha256Hex(pub)));
        }
        return records;
    }
}
