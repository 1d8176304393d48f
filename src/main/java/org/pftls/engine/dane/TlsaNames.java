package org.pftls.engine.dane;

import java.util.List;
import java.util.Locale;

/** The owner names of SMTP TLSA records, and which host names can have them in the public DNS. */
public final class TlsaNames {
    /**
     * Special-use names (RFC 6761, including the example domains, RFC 6762, RFC 8375) and Postfix's
     * default mydomain: the public DNS
     * never has records there, so the system resolver is not asked about them.
     */
    private static final List<String> NOT_PUBLIC = List.of("test", "example", "invalid", "localhost", "local",
            "localdomain", "home.arpa", "example.com", "example.net", "example.org");

    private TlsaNames() {
    }

    /** {@code _25._tcp.HOST} (no trailing dot). */
    public static String smtp(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return "_25._tcp." + h;
    }

    /** Whether {@code host} can have records in the public DNS (it has a dot and no special-use suffix). */
    public static boolean publicName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || !h.contains(".")) {
            return false;
        }
        for (String suffix : NOT_PUBLIC) {
            if (h.equals(suffix) || h.endsWith("." + suffix)) {
                return false;
            }
        }
        return true;
    }
}
