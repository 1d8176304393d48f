package org.pftls.engine.check;

import java.time.Instant;

/**
 * One certificate of a chain file as a review screen shows it (a small tree: each certificate, and
 * how it is linked to the next one in the file).
 *
 * @param position       1 for the first certificate in the file
 * @param role           server certificate, intermediate or root
 * @param subject        subject DN, RFC 2253
 * @param issuer         issuer DN, RFC 2253
 * @param notBefore      start of validity
 * @param notAfter       end of validity
 * @param keyDescription {@code RSA 2048 bits}, {@code ECDSA secp256r1}, ...
 * @param link           how this certificate is linked to the next one (or, for the last, to its issuer)
 * @param linkText       the same, for people: e.g. "signed by certificate 2 (signature verified)"
 */
public record ChainLink(int position, Role role, String subject, String issuer, Instant notBefore, Instant notAfter,
                        String keyDescription, Link link, String linkText) {

    /** What a certificate is in the chain. */
    public enum Role {
        /** The first certificate: the one for the server's key. */
        SERVER,
        /** A CA certificate that is not self-issued. */
        INTERMEDIATE,
        /** A self-issued CA certificate after the first (clients use their own copy of a root). */
        ROOT
    }

    /** The check that links a certificate to the next one. */
    public enum Link {
        /** The next certificate is its issuer, and its signature was verified with the next one's key. */
        SIGNED_BY_NEXT,
        /** The next certificate is not its issuer (wrong order, or a foreign certificate). */
        NOT_ISSUED_BY_NEXT,
        /** The next certificate has its issuer's name, but the signature does not verify with its key. */
        NOT_SIGNED_BY_NEXT,
        /** The signature could not be checked (an algorithm this Java runtime does not have). */
        SIGNATURE_UNCHECKED,
        /** The last certificate, issued by itself. */
        SELF_SIGNED,
        /** The last certificate, whose issuer is not in the file (normal: clients have the root). */
        ISSUER_NOT_IN_FILE
    }
}
