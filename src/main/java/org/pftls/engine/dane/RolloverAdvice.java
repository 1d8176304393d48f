package org.pftls.engine.dane;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.tls.Instance;

/**
 * The "current + next" DANE rollover advice of new-server-key: the TLSA 3 1 1 records of the
 * deployed keys and of the new key side by side, to be published together before the new key is
 * deployed. Shown only when a key is deployed (a rollover); always after postfix tls's own lines.
 */
public final class RolloverAdvice {
    /** The first line; the block runs to the end of the messages. */
    public static final String FIRST_LINE = "DANE rollover (\"current + next\"): if you publish TLSA records,"
            + " publish all of these now, wait until the old records' TTL has passed, then deploy the new key:";

    private RolloverAdvice() {
    }

    /**
     * @param deployed the key file main.cf deploys per algorithm (unreadable ones are left out)
     * @param newKey   the new key and its file
     */
    public static List<String> lines(Instance instance, Map<KeyAlgorithm, Path> deployed, PublicKey newKey,
                                     Path newKeyFile, List<String> certificateNames) {
        return lines(instance, deployed, List.of(Map.entry(newKeyFile, newKey)), certificateNames);
    }

    /**
     * @param deployed the key file main.cf deploys per algorithm (unreadable ones are left out)
     * @param newKeys  the new keys: file and public key (one per algorithm made)
     */
    public static List<String> lines(Instance instance, Map<KeyAlgorithm, Path> deployed,
                                     List<Map.Entry<Path, PublicKey>> newKeys, List<String> certificateNames) {
        String host;
        try {
            host = DaneDeployGuard.myhostname(instance);
        } catch (PftlsException | IOException e) {
            host = certificateNames.get(0);
        }
        String name = TlsaNames.smtp(host) + ". IN TLSA ";
        List<String> current = new ArrayList<>();
        deployed.forEach((algorithm, file) -> {
            try {
                PublicKey key = KeyFiles.readPrivateKey(instance.ports().files().read(file), file.toString())
                        .keyPair().getPublic();
                current.add("  " + name + TlsaData.of(key).presentation() + " ; current " + algorithm.postfixName()
                        + ": " + file);
            } catch (IOException | PftlsException e) {
                // an unreadable deployed key has no record to keep
            }
        });
        if (current.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(FIRST_LINE);
        lines.addAll(current);
        for (Map.Entry<Path, PublicKey> next : newKeys) {
            lines.add("  " + name + TlsaData.of(next.getValue()).presentation() + " ; next: " + next.getKey());
        }
        lines.add("(pftls verify --dns shows what DNS publishes; pftls deploy-server-cert refuses a new key that no"
                + " published record matches)");
        return lines;
    }
}
