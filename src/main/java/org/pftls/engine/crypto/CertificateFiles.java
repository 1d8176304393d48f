package org.pftls.engine.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;

/**
 * Reads certificate (chain) files as Postfix needs them: the server certificate first, then its
 * issuers (checked by {@link org.pftls.engine.check.ChainCheck}).
 */
public final class CertificateFiles {
    private CertificateFiles() {
    }

    /**
     * All {@code CERTIFICATE} / {@code X509 CERTIFICATE} blocks in order; keys and other blocks are skipped.
     *
     * @throws PftlsException (CRYPTO) if there is none or one is corrupt
     */
    public static List<X509Certificate> readCertificates(byte[] pem, String displayPath) throws PftlsException {
        List<X509Certificate> certificates = new ArrayList<>();
        if (pem != null && pem.length > 0) {
            CertificateFactory factory = factory();
            try (PemBlockReader reader = new PemBlockReader(KeyFiles.reader(pem))) {
                PemObject block;
                while ((block = KeyFiles.readBlock(reader, displayPath)) != null) {
                    if (block.getType().equals("CERTIFICATE") || block.getType().equals("X509 CERTIFICATE")) {
                        certificates.add(parse(factory, block.getContent(), certificates.size() + 1, displayPath));
                    }
                }
            } catch (IOException e) {
                throw new PftlsException(Kind.IO, "cannot read " + displayPath + ": " + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            throw new PftlsException(Kind.CRYPTO, "no certificate found in file: " + displayPath
                    + ": it must hold PEM \"CERTIFICATE\" blocks, the server certificate first");
        }
        return certificates;
    }

    private static CertificateFactory factory() throws PftlsException {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new PftlsException(Kind.CRYPTO, "no X.509 support in this Java runtime: " + e.getMessage(), e);
        }
    }

    private static X509Certificate parse(CertificateFactory factory, byte[] der, int number, String path)
            throws PftlsException {
        try {
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new PftlsException(Kind.CRYPTO, "certificate " + number + " in " + path
                    + " is corrupt: restore the file from a backup or get the certificate again", e);
        }
    }
}
