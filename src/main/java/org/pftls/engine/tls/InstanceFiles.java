package org.pftls.engine.tls;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.CertificateFiles;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.crypto.LoadedKey;

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
        return InputFiles.read(instance.ports().files(), file, problem);
    }
}
