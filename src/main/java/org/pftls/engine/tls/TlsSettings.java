package org.pftls.engine.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.config.Parameters;

/**
 * The parameter lists postfix-tls-script checks before it dares to change anything: when any of
 * them is set (non-empty) in main.cf, the client or server is not "all default". Deliberate
 * difference: the server list also holds {@code smtpd_tls_chain_files} (Postfix 3.4+), which the
 * script does not look at: when it is set, smtpd ignores the certificate parameters that
 * enable-server would write.
 */
public enum TlsSettings {
    CLIENT("client", List.of("smtp_use_tls", "smtp_enforce_tls", "smtp_tls_enforce_peername",
            "smtp_tls_security_level", "smtp_tls_cert_file", "smtp_tls_dcert_file", "smtp_tls_eccert_file")),
    SERVER("server", List.of("smtpd_use_tls", "smtpd_enforce_tls", "smtpd_tls_security_level",
            "smtpd_tls_cert_file", "smtpd_tls_dcert_file", "smtpd_tls_eccert_file", "smtpd_tls_chain_files"));

    private final String side;
    private final List<String> names;

    TlsSettings(String side, List<String> names) {
        this.side = side;
        this.names = names;
    }

    public String side() {
        return side;
    }

    public List<String> names() {
        return names;
    }

    /** The parameters of this list that main.cf sets to a non-empty value, as name = value. */
    public List<String> nonDefault(Parameters parameters) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            Optional<String> v = parameters.explicit(name);
            if (v.isPresent() && !v.get().isEmpty()) {
                found.add(name + " = " + v.get());
            }
        }
        return found;
    }

    public boolean allDefault(Parameters parameters) {
        for (String name : names) {
            Optional<String> v = parameters.explicit(name);
            if (v.isPresent() && !v.get().isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
