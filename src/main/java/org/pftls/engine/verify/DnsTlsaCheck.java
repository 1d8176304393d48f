package org.pftls.engine.verify;

import java.util.List;
import org.pftls.engine.check.Finding;
import org.pftls.engine.ports.DnsLookup;

/**
 * What DNS publishes at {@code _25._tcp.HOST}, and which keys each record matches.
 *
 * @param resolver   the resolver asked
 * @param status     how the query ended
 * @param dnssec     pftls's own validation from its trust anchor
 * @param resolverAd whether the resolver set the AD bit
 * @param detail     the error or the validator's reason (may be empty)
 * @param published  the records, each with what it matches
 * @param findings   what is wrong or worth knowing
 */
public record DnsTlsaCheck(String resolver, DnsLookup.Status status, DnsLookup.Dnssec dnssec, boolean resolverAd,
                           String detail, List<Published> published, List<Finding> findings) {
    public DnsTlsaCheck {
        published = List.copyOf(published);
        findings = List.copyOf(findings);
    }

    /**
     * One published record.
     *
     * @param data    {@code U S M HEX}
     * @param usable  whether a DANE SMTP client uses it (usage 2 or 3)
     * @param matches what it matches: {@code deployed rsa}, {@code served ecdsa}, {@code staged /etc/postfix/key-...pem}
     */
    public record Published(String data, boolean usable, List<String> matches) {
        public Published {
            matches = List.copyOf(matches);
        }
    }
}
