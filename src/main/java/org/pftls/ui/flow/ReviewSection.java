package org.pftls.ui.flow;

import java.util.List;

/**
 * One section of the Review document: what it is ({@link Kind}, which tests list per task), its
 * heading and its blocks.
 */
public record ReviewSection(Kind kind, String heading, List<ReviewBlock> blocks) {

    public ReviewSection {
        blocks = List.copyOf(blocks);
    }

    /** The kinds of section, in the order they are shown. */
    public enum Kind {
        /** The CSR, when the operator asked to see it for the new key (shown first, where they look). */
        CSR_ASKED,
        /** The equivalent command line. */
        COMMAND,
        /** Existing files deployed as they are (Deploy). */
        EXISTING_FILES,
        /** The certificate chain to deploy as a tree, and what the chain check found (Deploy). */
        CHAIN,
        /** Enable client (DANE): the resolvers' DNSSEC check, as enable-client --dane words it. */
        DANE_CHECK,
        /** Files to be created. */
        NEW_FILES,
        /** A merge's decision per parameter: a checklist of the changes, kept ones with the reason. */
        DECISIONS,
        /** main.cf as a unified diff, or that it does not change. */
        MAIN_CF,
        /** master.cf -o options that shadow main.cf, as findings. */
        MASTER_CF,
        /** The certificate of each key (subject, names, validity, key, serial, fingerprint). */
        CERTIFICATE,
        /** DANE TLSA records. */
        TLSA,
        /** DANE "current + next": the deployed and the new keys' TLSA records side by side, with the advice. */
        ROLLOVER,
        /** Warnings and remarks. */
        NOTES,
        /** The CSR of the CSR task. */
        CSR
    }
}
