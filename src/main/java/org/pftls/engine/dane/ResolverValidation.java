package org.pftls.engine.dane;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.ports.DnsLookup.Status;

/**
 * Whether a resolver validates DNSSEC the way Postfix's DANE needs it: Postfix does not validate
 * itself, it trusts the AD bit of the resolver it asks (with RES_TRUSTAD). So each resolver is
 * asked, as Postfix asks, (1) for a signed name (Postfix's own {@code dnssec_probe}, by default
 * the root's NS records), whose answer must carry the AD bit, and (2) for a deliberately broken
 * name, which a validating resolver refuses (SERVFAIL) but answers when checking is disabled (CD):
 * that proves the refusal comes from validation. When the broken name does not answer even with
 * CD (gone from DNS, or no network), the AD bit alone decides and a note says so.
 */
public final class ResolverValidation {
    /** Postfix's dnssec_probe default. */
    public static final String DEFAULT_PROBE = "ns:.";
    /** A long-standing, deliberately mis-signed domain. */
    public static final String DEFAULT_BOGUS = "dnssec-failed.org";

    private final String probeType;
    private final String probeName;
    private final String bogusName;

    /**
     * @param probe     {@code type:name}, as Postfix's dnssec_probe (e.g. {@code ns:.})
     * @param bogusName a name whose signatures are deliberately broken (its A record is asked)
     */
    public ResolverValidation(String probe, String bogusName) throws PftlsException {
        int colon = probe.indexOf(':');
        if (colon <= 0 || colon == probe.length() - 1) {
            throw new PftlsException(Kind.USAGE, "bad DNSSEC probe " + probe + "; give TYPE:NAME, e.g. ns:. (as"
                    + " Postfix's dnssec_probe)");
        }
        this.probeType = probe.substring(0, colon).toUpperCase(Locale.ROOT);
        this.probeName = probe.substring(colon + 1);
        this.bogusName = bogusName;
    }

    /** The outcome: notes to show when it validates; fails, naming the resolver, the reason and the fix, when not. */
    public List<String> check(List<DnsLookup> resolvers) throws PftlsException {
        List<String> notes = new ArrayList<>();
        for (DnsLookup r : resolvers) {
            notes.addAll(check(r));
        }
        return notes;
    }

    private List<String> check(DnsLookup r) throws PftlsException {
        List<String> notes = new ArrayList<>();
        DnsLookup.Reply signed = r.ask(probeName, probeType, false);
        if (!signed.status().answered()) {
            throw new PftlsException(Kind.CONFIG, "cannot check whether the resolver " + r.resolver()
                    + " validates DNSSEC: no answer for " + probeType + " " + probeName + " (" + describe(signed)
                    + "); Postfix needs a working, validating resolver for DANE: check it (or name one with"
                    + " --resolver ADDR, or another signed name with --dnssec-probe TYPE:NAME); nothing was changed");
        }
        if (!signed.authenticated()) {
            throw refuse(r, "its answer for the signed " + probeType + " " + probeName + " has no AD bit");
        }
        DnsLookup.Reply bogus = r.ask(bogusName, "A", false);
        if (bogus.status() == Status.ANSWER) {
            throw refuse(r, "it answers for " + bogusName + ", whose signatures are broken on purpose, instead of"
                    + " refusing it (it passes on an AD bit it did not check)");
        }
        if (bogus.status() == Status.SERVFAIL) {
            DnsLookup.Reply unchecked = r.ask(bogusName, "A", true);
            if (unchecked.status() == Status.ANSWER) {
                notes.add("the resolver " + r.resolver() + " validates DNSSEC: AD bit for " + probeType + " "
                        + probeName + ", and " + bogusName + " (broken signatures) refused");
                return notes;
            }
        }
        notes.add("the resolver " + r.resolver() + " set the AD bit for " + probeType + " " + probeName + "; the"
                + " deliberately broken " + bogusName + " could not be used to confirm it (" + describe(bogus)
                + "; name another with --dnssec-bogus NAME)");
        return notes;
    }

    private static PftlsException refuse(DnsLookup r, String why) {
        return new PftlsException(Kind.CONFIG, "the resolver " + r.resolver() + " does not validate DNSSEC: " + why
                + "; Postfix trusts that resolver's AD bit, so DANE would find no secure TLSA record. Install a local"
                + " validating resolver (e.g. apt-get install unbound, then \"nameserver 127.0.0.1\" in"
                + " /etc/resolv.conf), or name one with --resolver ADDR; nothing was changed");
    }

    private static String describe(DnsLookup.Reply reply) {
        String s = reply.status().name().toLowerCase(Locale.ROOT);
        return reply.detail().isEmpty() ? s : s + ": " + reply.detail();
    }
}
