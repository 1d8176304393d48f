package org.pftls.ui.flow;

/**
 * What the Key step (Enable server) and the Files step (Deploy) say about smtpd_tls_chain_files:
 * on Postfix 3.4 and later they offer to deploy through it (default: no, as postfix tls does),
 * with the reason; when it is in force already they only say so.
 *
 * @param offered  whether it is a question (else a remark)
 * @param question the question (or the remark), one short line
 * @param reason   why one would, for people
 */
public record ChainFilesOffer(boolean offered, String question, String reason) {

    static ChainFilesOffer ask() {
        return new ChainFilesOffer(true, "Deploy through smtpd_tls_chain_files (Postfix 3.4+)",
                "Each key followed by its chain in one parameter (as TLS_README shows); Postfix then ignores"
                + " smtpd_tls_cert_file and the like.");
    }

    static ChainFilesOffer already() {
        return new ChainFilesOffer(false, "smtpd_tls_chain_files is in force here",
                "The new files go into it (each key, then its chain); Postfix ignores smtpd_tls_cert_file and the"
                + " like on this instance.");
    }
}
