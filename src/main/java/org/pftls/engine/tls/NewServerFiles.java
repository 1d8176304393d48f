package org.pftls.engine.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.crypto.KeyPairSource;
import org.pftls.engine.crypto.Tlsa;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.crypto.LoadedKey;
import org.pftls.engine.crypto.PrivateKeyPem;
import org.pftls.engine.crypto.SelfSignedCertificates;
import org.pftls.engine.plan.KeyCertificate;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.UtcText;

/**
 * New key and self-signed certificate files, one pair per key spec, in memory: the script's
 * {@code key-STAMP.pem}/{@code cert-STAMP.pem} (RSA) and {@code eckey-STAMP.pem}/{@code
 * eccert-STAMP.pem} (ECDSA) in the configuration directory, all with one time stamp.
 */
final class NewServerFiles {
    /** How many following seconds to try when key-STAMP.pem is taken (two runs in one second). */
    private static final int STAMP_TRIES = 3600;

    /**
     * One new key (made, or copied from the deployed key) and its new certificate.
     *
     * @param algorithm rsa or ecdsa
     * @param key       the key file to create (mode 0600)
     * @param cert      the certificate file to create
     * @param keyPair   the key
     * @param copiedFrom the deployed key file it copies, or null for a new key
     * @param made      what the plan tells front ends about it (description, certificate, TLSA record)
     */
    record Pair(KeyAlgorithm algorithm, NewFile key, NewFile cert, KeyPair keyPair, Path copiedFrom,
                KeyCertificate made) {
        ServerDeployment.Pair deployment(Instance instance) throws PftlsException {
            return ServerDeployment.pair(instance, algorithm, key.path(), cert.path());
        }
    }

    private final Instance instance;
    private final KeyPairSource newKeys;

    /** @param newKeys where new key pairs come from (the wizard may have made one already) */
    NewServerFiles(Instance instance, KeyPairSource newKeys) {
        this.instance = instance;
        this.newKeys = newKeys;
    }

    /**
     * Makes one pair per spec; a spec whose algorithm has an entry in {@code reuse} copies that key
     * instead of making one (new-server-cert).
     */
    List<Pair> make(List<KeySpec> specs, Map<KeyAlgorithm, Path> reuse, List<String> names) throws PftlsException {
        List<KeyAlgorithm> algorithms = specs.stream().map(KeySpec::algorithm).toList();
        String stamp = freeStamp(algorithms);
        Path dir = instance.configDirectory();
        // Every key first, then the certificates: the wizard makes the keys ahead (while host names are
        // typed), so both draw on the randomness in the same order and make the same files.
        List<KeyPair> keyPairs = new ArrayList<>();
        List<String> keyPems = new ArrayList<>();
        for (KeySpec spec : specs) {
            KeyAlgorithm a = spec.algorithm();
            Path oldKey = reuse.get(a);
            if (oldKey != null) {
                LoadedKey loaded = new InstanceFiles(instance).key(oldKey);
                if (loaded.algorithm() != a) {
                    throw new PftlsException(Kind.CRYPTO, "Key algorithm '" + loaded.algorithm().postfixName()
                            + "' of '" + oldKey + "' is not '" + a.postfixName() + "'; fix " + a.keyFileParameter()
                            + " in main.cf");
                }
                keyPairs.add(loaded.keyPair());
                keyPems.add(PrivateKeyPem.encodeAsCopied(loaded));
            } else {
                KeyPair made = newKeys.make(spec);
                keyPairs.add(made);
                keyPems.add(PrivateKeyPem.encode(made));
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            KeyAlgorithm a = specs.get(i).algorithm();
            Path keyPath = dir.resolve(a.keyFilePrefix() + stamp + ".pem");
            Path certPath = dir.resolve(a.certFilePrefix() + stamp + ".pem");
            Path oldKey = reuse.get(a);
            KeyPair keyPair = keyPairs.get(i);
            SelfSignedCertificates.Issued issued = new SelfSignedCertificates(instance.ports().clock(),
                    instance.ports().random()).issue(keyPair, names);
            KeyCertificate made = new KeyCertificate(a, oldKey == null ? KeyCertificate.Origin.NEW_KEY
                    : KeyCertificate.Origin.COPIED_KEY, keyPath, certPath, issued.summary().keyDescription(),
                    issued.summary(), Tlsa.record(names.get(0), keyPair.getPublic()), keyPair);
            pairs.add(new Pair(a,
                    new NewFile(keyPath, NewFile.Role.PRIVATE_KEY, 0600,
                            keyPems.get(i).getBytes(StandardCharsets.US_ASCII)),
                    new NewFile(certPath, NewFile.Role.CERTIFICATE, 0644,
                            issued.pem().getBytes(StandardCharsets.US_ASCII)),
                    keyPair, oldKey, made));
        }
        return pairs;
    }

    /** What the plan tells front ends about the pairs. */
    static List<KeyCertificate> made(List<Pair> pairs) {
        return pairs.stream().map(Pair::made).toList();
    }

    /** The files of the pairs in creation order: each key before its certificate. */
    static List<NewFile> files(List<Pair> pairs) {
        List<NewFile> files = new ArrayList<>();
        for (Pair p : pairs) {
            files.add(p.key());
            files.add(p.cert());
        }
        return files;
    }

    /**
     * The UTC time stamp for new file names. The script fails when two keys are made in the same
     * second; pftls takes the next second whose names are all free instead.
     */
    private String freeStamp(List<KeyAlgorithm> algorithms) throws PftlsException {
        Instant now = instance.ports().clock().instant();
        Path dir = instance.configDirectory();
        for (int i = 0; i < STAMP_TRIES; i++) {
            String stamp = UtcText.fileStamp(now.plusSeconds(i));
            boolean free = true;
            for (KeyAlgorithm a : algorithms) {
                free &= !instance.ports().files().exists(dir.resolve(a.keyFilePrefix() + stamp + ".pem"))
                        && !instance.ports().files().exists(dir.resolve(a.certFilePrefix() + stamp + ".pem"));
            }
            if (free) {
                return stamp;
            }
        }
        throw new PftlsException(Kind.CONFLICT, "no free key file name in " + dir + " for the next hour;"
                + " remove old " + algorithms.get(0).keyFilePrefix() + "*.pem files");
    }
}
