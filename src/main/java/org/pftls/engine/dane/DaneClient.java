package org.pftls.engine.dane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.config.Parameters;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Setting;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.tls.TlsEngine;
import org.pftls.engine.tls.TlsSettings;

/**
 * {@code enable-client --dane}, once {@link ResolverValidation} has passed: DANE in the SMTP client
 * ({@code smtp_tls_security_level = dane}, {@code smtp_dns_support_level = dnssec}), merged into
 * the existing settings. On an instance whose client TLS settings are all at their defaults this
 * also makes enable-client's settings (loglevel, session cache, random source). A security level
 * that is stricter than, or different in kind from, opportunistic DANE is kept: {@code dane-only}
 * (mandatory DANE), {@code encrypt}, {@code fingerprint}, {@code verify} and {@code secure} (each
 * mandatory for every destination, where {@code dane} falls back to opportunistic TLS without TLSA
 * records); only {@code none}, {@code may} and an empty level become {@code dane}. The command
 * line and the wizards' Enable client (DANE) both run {@link #checkResolvers} and then {@link #plan}.
 */
public final class DaneClient {
    private static final Set<String> REPLACED = Set.of("", "none", "may");
    private static final Set<String> KEPT = Set.of("dane", "dane-only", "encrypt", "fingerprint", "verify", "secure");

    private DaneClient() {
    }

    /**
     * The resolver check before the plan: {@link ResolverValidation} with enable-client --dane's
     * defaults, on each resolver Postfix may ask; returns the notes to show with the plan's
     * messages, or fails (nothing changed) naming the resolver, the reason and the fix.
     *
     * @param parameters main.cf (its {@code dnssec_probe})
     * @param probe      {@code --dnssec-probe TYPE:NAME}, or null: main.cf's dnssec_probe, else {@code ns:.}
     * @param bogus      {@code --dnssec-bogus NAME}, or null: {@link ResolverValidation#DEFAULT_BOGUS}
     * @param resolvers  each name server of /etc/resolv.conf, or the one named with --resolver (asked
     *                   for them once the probe is known to be well-formed)
     */
    public static List<String> checkResolvers(Parameters parameters, String probe, String bogus,
                                              Resolvers resolvers) throws PftlsException {
        String signed = probe;
        if (signed == null) {
            String configured = parameters.expanded("dnssec_probe").trim();
            signed = configured.isEmpty() ? ResolverValidation.DEFAULT_PROBE : configured;
        }
        ResolverValidation validation = new ResolverValidation(signed,
                bogus == null ? ResolverValidation.DEFAULT_BOGUS : bogus);
        List<DnsLookup> each = resolvers.each();
        if (each.isEmpty()) {
            throw new PftlsException(Kind.CONFIG, "/etc/resolv.conf names no name server; add one (a local validating"
                    + " resolver, e.g. nameserver 127.0.0.1 with unbound) or use --resolver ADDR");
        }
        List<String> notes = new ArrayList<>(validation.check(each));
        for (DnsLookup r : each) {
            if (!loopback(r.resolver())) {
                notes.add("Postfix trusts the AD bit from " + r.resolver() + ", which is not on this host: the network"
                        + " to it must be trusted (a validating resolver on this host is safer)");
            }
        }
        return notes;
    }

    /** The resolvers Postfix may ask, each on its own (the system's, a named one, or a test's stand-ins). */
    @FunctionalInterface
    public interface Resolvers {
        List<DnsLookup> each() throws PftlsException;
    }

    private static boolean loopback(String resolver) {
        return resolver.startsWith("127.") || resolver.startsWith("::1") || resolver.startsWith("[::1]");
    }

    /** Why the SMTP client cannot use DANE here (it does not use DNS), if it cannot; the plan refuses then. */
    public static Optional<String> noDns(Parameters parameters) throws PftlsException {
        String dnsLevel = parameters.expanded("smtp_dns_support_level").trim();
        if (dnsLevel.equals("disabled") || parameters.expanded("disable_dns_lookups").trim().equals("yes")) {
            return Optional.of("the SMTP client does not use DNS here ("
                    + (dnsLevel.equals("disabled") ? "smtp_dns_support_level = disabled" : "disable_dns_lookups = yes")
                    + "), so it cannot use DANE; remove that setting first if this host can use DNS");
        }
        return Optional.empty();
    }

    /**
     * What the plan says about the security level when it keeps it ({@code dane} itself, a stricter
     * one, or one pftls does not know); empty when it sets {@code dane}.
     */
    public static Optional<String> keptLevel(Parameters parameters) throws PftlsException {
        String level = parameters.expanded("smtp_tls_security_level").trim();
        if (REPLACED.contains(level)) {
            return Optional.empty();
        }
        return Optional.of("smtp_tls_security_level = " + level + " is kept" + (level.equals("dane") ? "" : KEPT
                .contains(level) ? ": it is stricter than dane for destinations without TLSA records (use a"
                + " policy table, smtp_tls_policy_maps, to ask for dane per destination)"
                : ": pftls does not know this level; set smtp_tls_security_level = dane yourself if you mean it"));
    }

    /** The plan; {@code notes} (from the resolver check) are shown with its messages. */
    public static Plan plan(TlsEngine engine, String randSource, List<String> notes, List<String> command)
            throws PftlsException {
        var parameters = engine.instance().parameters();
        Optional<String> noDns = noDns(parameters);
        if (noDns.isPresent()) {
            throw new PftlsException(Kind.CONFIG, noDns.get() + "; nothing was changed");
        }
        String dnsLevel = parameters.expanded("smtp_dns_support_level").trim();
        String level = parameters.expanded("smtp_tls_security_level").trim();
        List<String[]> settings = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        Optional<String> kept = keptLevel(parameters);
        if (kept.isEmpty()) {
            settings.add(new String[] {"smtp_tls_security_level", "dane"});
        } else {
            messages.add(kept.get());
        }
        if (!dnsLevel.equals("dnssec")) {
            settings.add(new String[] {"smtp_dns_support_level", "dnssec"});
        }
        if (!settings.isEmpty() && engine.allDefault(TlsSettings.CLIENT)) {
            // enable-client's other settings too, as enable-client would make them
            for (Setting s : engine.enableClient(randSource).mainCf().orElseThrow().settings()) {
                if (!s.name().equals("smtp_tls_security_level")) {
                    settings.add(new String[] {s.name(), s.newValue()});
                }
            }
        }
        List<String> all = new ArrayList<>(notes);
        if (settings.isEmpty()) {
            all.addAll(messages);
            all.add("DANE is already enabled in the Postfix SMTP client (smtp_tls_security_level = " + level
                    + ", smtp_dns_support_level = dnssec); nothing to change.");
            return engine.parameterChange("enable-client", List.of(), List.of(), all, command);
        }
        all.addAll(messages);
        all.add("Enabled DANE in the Postfix SMTP client: TLSA records published in DNSSEC-signed zones are now"
                + " checked; other destinations get opportunistic TLS.");
        all.add("Run the command:");
        all.add("  # postfix reload");
        all.add("if you want the new settings to take effect immediately.");
        return engine.parameterChange("enable-client", settings, List.of(), all, command);
    }
}
