package org.pftls.engine.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a server certificate's DNS names (subjectAltName) cover myhostname, as clients that
 * check names do (RFC 6125: case-insensitive, a wildcard only as the whole left-most label, for
 * exactly one label). The CommonName is not looked at: such clients ignore it when there is a SAN,
 * and certificates without one are refused by most of them.
 */
final class NameCheck {
    private NameCheck() {
    }

    static Optional<Finding> of(List<String> dnsNames, String myhostname, String path) {
        if (dnsNames.isEmpty()) {
            return Optional.of(new Finding(Severity.WARNING, "name-mismatch", "the certificate in " + path
                    + " has no DNS names (subjectAltName), so it does not name myhostname " + myhostname
                    + "; get a certificate for " + myhostname));
        }
        for (String name : dnsNames) {
            if (covers(name, myhostname)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Finding(Severity.WARNING, "name-mismatch", "the DNS names of the certificate in "
                + path + " (" + String.join(", ", dnsNames) + ") do not include myhostname " + myhostname
                + "; get a certificate for " + myhostname + ", or set myhostname to one of its names"));
    }

    static boolean covers(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }
}
