package org.pftls.engine.tls;

import java.util.ArrayList;
import java.util.List;

/**
 * The informational texts of postfix-tls-script (Postfix 3.7), word for word, one list entry per
 * line. Suggested commands keep the script's "postfix tls" wording: both tools accept them.
 */
final class ScriptMessages {
    private ScriptMessages() {
    }

    static List<String> enableClientSuggestions(String cacheDbType) {
        List<String> lines = new ArrayList<>(List.of(
                "*** Non-default SMTP client TLS settings detected, no changes made.",
                "For opportunistic TLS in the Postfix SMTP client, the below settings",
                "are typical:",
                "  smtp_tls_security_level = may",
                "  smtp_tls_loglevel = 1"));
        if (cacheDbType != null) {
            lines.add("  smtp_tls_session_cache_database = " + cacheDbType + ":${data_directory}/smtp_scache");
        }
        return lines;
    }

    static List<String> clientDeployed() {
        return List.of(
                "Enabled opportunistic TLS in the Postfix SMTP client.",
                "Run the command:",
                "  # postfix reload",
                "if you want the new settings to take effect immediately.");
    }

    static List<String> enableServerSuggestions() {
        return List.of(
                "*** Non-default SMTP server TLS settings detected, no changes made.",
                "For opportunistic TLS in the Postfix SMTP server, the below settings",
                "are typical:",
                "  smtpd_tls_security_level = may",
                "  smtpd_tls_loglevel = 1",
                "You can use \"postfix tls new-server-cert\" to create a new certificate.",
                "Or, \"postfix tls new-server-key\" to also force a new private key.",
                "If you publish DANE TLSA records, see:",
                "  https://tools.ietf.org/html/rfc7671#section-8",
                "  https://tools.ietf.org/html/rfc7671#section-5.1",
                "  https://tools.ietf.org/html/rfc7671#section-5.2",
                "  https://community.letsencrypt.org/t/please-avoid-3-0-1-and-3-0-2-dane-tlsa-records-with-le-certificates/7022");
    }

    static List<String> created(String cert, String key) {
        return List.of(
                "New private key and self-signed certificate created. To deploy run:",
                "  # postfix tls deploy-server-cert " + cert + " " + key);
    }

    /** deploy is "enable" (enable-server) or "deploy" (deploy-server-cert). */
    static List<String> serverDeployed(String deploy) {
        List<String> lines = new ArrayList<>();
        if ("enable".equals(deploy)) {
            lines.add("Enabled opportunistic TLS in the Postfix SMTP server");
        }
        lines.addAll(List.of(
                "New TLS private key and certificate deployed.",
                "Run the command:",
                "  # postfix reload",
                "if you want the new settings to take effect immediately."));
        return lines;
    }

    /**
     * A server merge that made no new key ({@code --keep-usable}, every requested algorithm kept) but
     * changes settings: turning TLS on (pftls wording, after the script's) and the reload hint.
     */
    static List<String> settingsOnly(boolean turnedOn) {
        List<String> lines = new ArrayList<>();
        if (turnedOn) {
            lines.add("Enabled opportunistic TLS in the Postfix SMTP server");
        }
        lines.addAll(List.of(
                "Run the command:",
                "  # postfix reload",
                "if you want the new settings to take effect immediately."));
        return lines;
    }

    /** deploy-server-cert of the files main.cf already deploys (pftls addition: nothing is written). */
    static List<String> alreadyDeployed(String cert, String key) {
        return List.of(
                "The certificate in " + cert + " and the key in " + key + " are already deployed; main.cf is unchanged.",
                "If their content changed, run the command:",
                "  # postfix reload",
                "for the new content to take effect.");
    }

    static List<String> csr(String cert, String key, boolean deployed) {
        return List.of(
                "To generate a CSR run:",
                "  # postfix tls output-server-csr -k " + key + " [<hostname> ...]",
                deployed ? "Save the signed certificate chain in " + cert + "."
                        : "Save the signed certificate chain in " + cert + ", and deploy as above.");
    }

    /** When deployed, the script shifts its arguments away: the key file name is left out. */
    static List<String> tlsa(String key, boolean deployed) {
        return List.of(
                "To generate TLSA records run:",
                "  # postfix tls output-server-tlsa [-h <hostname>] " + (deployed ? "" : key));
    }

    static List<String> daneDns(boolean deployed) {
        return deployed
                ? List.of("(If you have DANE TLSA RRs, update them as soon as possible to match",
                        "the newly deployed keys).")
                : List.of("(deploy after updating the DNS and waiting for stale RRs to expire).");
    }

    /** {@link #created} for several pairs (-a rsa,ecdsa): one deploy command per pair. */
    static List<String> createdAll(List<String[]> certAndKey) {
        if (certAndKey.size() == 1) {
            return created(certAndKey.get(0)[0], certAndKey.get(0)[1]);
        }
        List<String> lines = new ArrayList<>(List.of(
                "New private keys and self-signed certificates created. To deploy run:"));
        for (String[] p : certAndKey) {
            lines.add("  # postfix tls deploy-server-cert " + p[0] + " " + p[1]);
        }
        return lines;
    }

    /** {@link #serverDeployed} for several pairs. */
    static List<String> serverDeployedAll(String deploy, int pairs) {
        List<String> lines = new ArrayList<>(serverDeployed(deploy));
        if (pairs > 1) {
            int i = lines.indexOf("New TLS private key and certificate deployed.");
            lines.set(i, "New TLS private keys and certificates deployed.");
        }
        return lines;
    }

    /** {@link #csr} for several pairs: one command per key. */
    static List<String> csrAll(List<String[]> certAndKey, boolean deployed) {
        if (certAndKey.size() == 1) {
            return csr(certAndKey.get(0)[0], certAndKey.get(0)[1], deployed);
        }
        List<String> lines = new ArrayList<>(List.of("To generate CSRs run:"));
        List<String> certs = new ArrayList<>();
        for (String[] p : certAndKey) {
            lines.add("  # postfix tls output-server-csr -k " + p[1] + " [<hostname> ...]");
            certs.add(p[0]);
        }
        String where = String.join(" and ", certs);
        lines.add(deployed ? "Save each signed certificate chain in its file: " + where + "."
                : "Save each signed certificate chain in its file: " + where + ", and deploy as above.");
        return lines;
    }

    /** {@link #tlsa} for several keys. */
    static List<String> tlsaAll(List<String> keys, boolean deployed) {
        if (keys.size() == 1) {
            return tlsa(keys.get(0), deployed);
        }
        return List.of(
                "To generate TLSA records run:",
                "  # postfix tls output-server-tlsa [-h <hostname>] " + (deployed ? "" : String.join(" ", keys)));
    }

    /** After the "no changes made" suggestions: how to change only what is missing. */
    static List<String> mergeHint(String subcommand) {
        return List.of("To change only what is missing and keep the settings above, run:",
                "  # pftls " + subcommand + " --merge --dry-run    (to see every change first; then without --dry-run)");
    }
}
