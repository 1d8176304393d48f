package org.pftls.engine.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.util.io.pem.PemObject;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;

/**
 * The private keys and certificates of a PEM file in the order they appear, as smtpd reads the
 * files of {@code smtpd_tls_chain_files}: each private key is followed by its certificate chain.
 */
public final class PemSequence {
    private PemSequence() {
    }

    /**
     * One key or certificate.
     *
     * @param algorithm   for a key: its algorithm (empty for a certificate)
     * @param certificate true for a certificate
     */
    public record Item(Optional<KeyAlgorithm> algorithm, boolean certificate) {
        public boolean key() {
            return !certificate;
        }
    }

    /** The keys and certificates of {@code pem}, in order (other blocks are skipped). */
    public static List<Item> read(byte[] pem, String displayPath) throws PftlsException {
        List<Item> items = new ArrayList<>();
        try (PemBlockReader reader = new PemBlockReader(KeyFiles.reader(pem))) {
            PemObject block;
            PemObject ecParameters = null;
            while ((block = KeyFiles.readBlock(reader, displayPath)) != null) {
                switch (block.getType()) {
                    case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE" ->
                        items.add(new Item(Optional.empty(), true));
                    case "EC PARAMETERS" -> ecParameters = block;
                    case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY" -> {
                        String text = ecParameters != null && block.getType().equals("EC PRIVATE KEY")
                                ? Pem.encode(ecParameters, block) : Pem.encode(block);
                        LoadedKey key = KeyFiles.readPrivateKey(text.getBytes(StandardCharsets.US_ASCII), displayPath);
                        items.add(new Item(Optional.of(key.algorithm()), false));
                        ecParameters = null;
                    }
                    case "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY" ->
                        throw new PftlsException(Kind.CRYPTO, displayPath + " holds an encrypted or DSA private key,"
                                + " which pftls cannot manage in smtpd_tls_chain_files; use RSA or ECDSA keys"
                                + " without a passphrase");
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot read " + displayPath + ": " + e.getMessage(), e);
        }
        return items;
    }
}
