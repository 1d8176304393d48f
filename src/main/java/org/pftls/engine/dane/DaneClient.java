package org.pftls.engine.dane;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Setting;
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
 * records); only {@code none}, {@code may} and an empty level become {@code dane}.
 */
public final class DaneClient {
    private static final Set<String> REPLACED = Set.of("", "none", "may");
    private static final Set<String> KEPT = Set.of("dane", "dane-only", "encrypt", "fingerprint", "verify", "secure");

    private DaneClient() {
    }

    /** The plan; {@code notes} (from the resolver check) are shown with its messages. */
    public static Plan plan(TlsEngine engine, String randSource, List<String> notes, List<String> command)
            throws PftlsException {
        var parameters = engine.instance().parameters();
        String dnsLevel = parameters.expanded("smtp_dns_support_level").trim();
        if (dnsLevel.equals("disabled") || parameters.expanded("disable_dns_lookups").trim().equals("yes")) {
            throw new PftlsException(Kind.CONFIG, "the SMTP client does not use DNS here ("
                    + (dnsLevel.equals("disabled") ? "smtp_dns_support_level = disabled" : "disable_dns_lookups = yes")
                    + "), so it cannot use DANE; remove that setting first if this host can use DNS; nothing was"
                    + " changed");
        }
        String level = parameters.expanded("smtp_tls_security_level").trim();
        List<String[]> settings = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        if (REPLACED.contains(level)) {
            settings.add(new String[] {"smtp_tls_security_level", "dane"});
        } else {
            messages.add("smtp_tls_security_level = " + level + " is kept" + (level.equals("dane") ? "" : KEPT
                    .contains(level) ? ": it is stricter than dane for destinations without TLSA records (use a"
                    + " policy table, smtp_tls_policy_maps, to ask for dane per destination)"
                    : ": pftls does not know this level; set smtp_tls_security_level = dane yourself if you mean it"));
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
