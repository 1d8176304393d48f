package org.pftls.ui.flow;

/** What the operator wants to do: one per postfix tls subcommand that a person would choose. */
public enum Task {
    ENABLE_SERVER("Enable TLS in the SMTP server", "enable-server",
            "New key and self-signed certificate, deployed, opportunistic TLS on (smtpd_tls_security_level = may)"),
    ENABLE_CLIENT("Enable TLS in the SMTP client", "enable-client",
            "Opportunistic TLS for outgoing mail (smtp_tls_security_level = may) and a session cache, or DANE"
                    + " (smtp_tls_security_level = dane, after checking that the resolver validates DNSSEC)"),
    NEW_KEY("New key and certificate (not deployed)", "new-server-key",
            "Make a new key and self-signed certificate to deploy later, e.g. after updating TLSA records"),
    NEW_CERT("New certificate for the current key", "new-server-cert",
            "Keep the deployed key (TLSA 3 1 1 records stay valid), new self-signed certificate, e.g. new host name"),
    DEPLOY("Deploy an existing certificate and key", "deploy-server-cert",
            "Deploy a certificate (chain) and key you have, e.g. from a CA, after checking that they match"),
    CSR("Output a certificate signing request (CSR)", "output-server-csr",
            "A CSR for a deployed key, to get a certificate from a CA"),
    TLSA("Output DANE TLSA records", "output-server-tlsa",
            "The 3 1 1 TLSA records for the deployed keys, to publish in DNS");

    private final String label;
    private final String subcommand;
    private final String description;

    Task(String label, String subcommand, String description) {
        this.label = label;
        this.subcommand = subcommand;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String subcommand() {
        return subcommand;
    }

    public String description() {
        return description;
    }

    /** True for tasks that change files or main.cf (and so need the Confirm step). */
    public boolean changes() {
        return this != CSR && this != TLSA;
    }
}
