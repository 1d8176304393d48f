package org.pftls.engine.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.CertificateFiles;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.crypto.LoadedKey;
import org.pftls.engine.plan.IoMessages;

/** Reading the key and certificate files an operation needs, with one-line errors that name the fix. */
final class InstanceFiles {
    private final Instance instance;

    InstanceFiles(Instance instance) {
        this.instance = instance;
    }

    LoadedKey key(Path key) throws PftlsException {
        return KeyFiles.readPrivateKey(read(key, "no private key found in file: " + key), key.toString());
    }

    List<X509Certificate> certificates(Path cert) throws PftlsException {
        return CertificateFiles.readCertificates(read(cert, "cannot read certificate file " + cert), cert.toString());
    }

    byte[] read(Path file, String problem) throws PftlsException {
        try {
            return instance.ports().files().read(file);
        } catch (IOException e) {
            String reason = IoMessages.reason(e);
            String fix = reason.equals("Permission denied") ? "run pftls as root (or as the file's owner)"
                    : "check the path";
            throw new PftlsException(Kind.CRYPTO, problem + " (" + reason + "); " + fix, e);
        }
    }
}
