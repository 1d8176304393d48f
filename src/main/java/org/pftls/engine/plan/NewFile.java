package org.pftls.engine.plan;

import java.nio.file.Path;

/**
 * A file a plan creates: never overwriting anything, created with its final mode.
 *
 * @param path    absolute final path
 * @param role    what it is, for review screens
 * @param mode    octal permission bits, 0600 for private keys
 * @param content the exact bytes
 */
public record NewFile(Path path, Role role, int mode, byte[] content) {

    /** The kinds of files pftls creates. */
    public enum Role {
        PRIVATE_KEY("private key"), CERTIFICATE("certificate"), HOOK("certbot hook");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The mode as ls shows it in octal, e.g. {@code 0600}. */
    public String modeText() {
        return String.format("%04o", mode);
    }
}
