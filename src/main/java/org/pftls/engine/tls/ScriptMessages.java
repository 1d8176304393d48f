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
}
