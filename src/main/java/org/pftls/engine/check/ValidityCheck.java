package org.pftls.engine.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Validity periods: the server certificate and every intermediate must be valid now (refused
 * otherwise; {@code --force} may override it), and a warning when one ends within 30 days. A root
 * in the file only gets a warning: clients use their own copy.
 */
final class ValidityCheck {
    /** A certificate that ends sooner than this gets a warning. */
    static final Duration SOON = Duration.ofDays(30);

    private ValidityCheck() {
    }

    /**
     * @param renewal the fix for the server certificate, e.g. "renew it with: certbot renew --cert-name x"
     * @param force   what to append to a refusal that --force may override (empty when not deploying)
     */
    static List<Finding> of(List<ChainLink> links, String path, Instant now,
                            String renewal, String force) {
        List<Finding> findings = new ArrayList<>();
        for (ChainLink link : links) {
            Instant notBefore = link.notBefore();
            Instant notAfter = link.notAfter();
            String what = switch (link.role()) {
                case SERVER -> "the certificate in " + path + " (" + link.subject() + ")";
                case INTERMEDIATE -> "the intermediate certificate " + link.position() + " in " + path + " ("
                        + link.subject() + ")";
                case ROOT -> "the root certificate " + link.position() + " in " + path + " (" + link.subject() + ")";
            };
            String fix = link.role() == ChainLink.Role.SERVER ? renewal
                    : "get the current chain from your CA (certbot: fullchain.pem)";
            if (link.role() == ChainLink.Role.ROOT) {
                if (notAfter.isBefore(now)) {
                    findings.add(new Finding(Severity.WARNING, "root-expired", what + " expired on " + notAfter
                            + "; remove it from the file (clients use their own copy of a root)"));
                }
                continue;
            }
            if (notAfter.isBefore(now)) {
                findings.add(new Finding(Severity.PROBLEM, "cert-expired", what + " expired on " + notAfter
                        + "; " + fix + force));
            } else if (notBefore.isAfter(now)) {
                findings.add(new Finding(Severity.PROBLEM, "cert-not-yet-valid", what + " is not valid before "
                        + notBefore + " (it is " + now + " here); check this host's clock, or wait until then"
                        + force));
            } else if (notAfter.isBefore(now.plus(SOON))) {
                long days = Duration.between(now, notAfter).toDays();
                findings.add(new Finding(Severity.WARNING, "expires-soon", what + " expires on " + notAfter
                        + ", in " + days + (days == 1 ? " day" : " days") + "; " + fix));
            }
        }
        return findings;
    }
}
