package org.pftls.engine.check;

import java.nio.file.Path;
import java.util.Optional;
import org.pftls.engine.ports.FileStore;

/**
 * Who may read a private key file. Only its owner (mode 0600 or stricter), with one exception:
 * Debian's convention for keys that several services share, group {@code ssl-cert} with mode 0640
 * (the {@code ssl-cert} package makes its snakeoil key so), which is accepted and named. The group
 * name is the file's group as the system names it ({@link FileStore.Info#group()}).
 */
public final class KeyFileCheck {
    /** Debian's group for private keys shared by services. */
    public static final String SSL_CERT_GROUP = "ssl-cert";

    private KeyFileCheck() {
    }

    /** A finding about the key file's mode: a PROBLEM, the ssl-cert INFO, or nothing when it is private. */
    public static Optional<Finding> check(Path key, FileStore.Info info) {
        String mode = info.mode();
        if (!info.accessibleByOthers()) {
            return Optional.empty();
        }
        char group = mode.charAt(mode.length() - 2);
        char others = mode.charAt(mode.length() - 1);
        if (group == '4' && others == '0' && SSL_CERT_GROUP.equals(info.group())) {
            return Optional.of(new Finding(Severity.INFO, "key-ssl-cert-group", "the private key " + key
                    + " is readable by group " + SSL_CERT_GROUP + " (mode " + mode + "): accepted, Debian's convention"
                    + " for keys that services share (only members of " + SSL_CERT_GROUP + " can read it)"));
        }
        boolean readable = ((group - '0') & 4) != 0 || ((others - '0') & 4) != 0;
        return Optional.of(new Finding(Severity.PROBLEM, "key-readable", "the private key " + key
                + (readable ? " is readable" : " can be changed") + " by group or others (mode " + mode
                + "); fix: chmod 600 " + key));
    }
}
