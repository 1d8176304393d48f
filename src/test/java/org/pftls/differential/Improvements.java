package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * The deliberate improvements over {@code postfix tls} that apply across the whole matrix (README
 * "Differences from postfix tls"), each required exactly where it applies, then removed from pftls's
 * observation so that everything else must be the same:
 * <ul>
 *   <li>deploy-server-cert on an instance whose server TLS is off (no smtpd_tls_security_level, and
 *       no smtpd_use_tls/smtpd_enforce_tls = yes) also sets smtpd_tls_security_level = may and says
 *       "Enabled opportunistic TLS in the Postfix SMTP server"; with an explicit level none it
 *       changes no level but warns that the certificate is not used;</li>
 *   <li>enable-server/enable-client refusing a non-default instance name {@code --merge}.</li>
 * </ul>
 */
final class Improvements {
    static final String LEVEL_MAY = "smtpd_tls_security_level = may";
    static final String ENABLED = "Enabled opportunistic TLS in the Postfix SMTP server";
    static final List<String> MERGE_HINT_SERVER = mergeHint("enable-server");
    static final List<String> MERGE_HINT_CLIENT = mergeHint("enable-client");

    private Improvements() {
    }

    static List<String> mergeHint(String subcommand) {
        return List.of("To change only what is missing and keep the settings above, run:",
                "  # pftls " + subcommand + " --merge --dry-run    (to see every change first; then without --dry-run)");
    }

    /** {@link Expectations#same()} once the improvements that apply to {@code args} are accounted for. */
    static Expectation expect(List<String> args) {
        return around(args, Expectations.same());
    }

    /** {@code inner} once the improvements that apply to {@code args} are accounted for. */
    static Expectation around(List<String> args, Expectation inner) {
        String subcommand = args.isEmpty() ? "" : args.get(0);
        return (script, pftls) -> {
            Observation p = withoutImprovements(subcommand, script, pftls);
            inner.check(withoutEmptyLevel(script, pftls, p), p);
        };
    }

    /**
     * Where main.cf had an empty {@code smtpd_tls_security_level =} that pftls replaced by may, the
     * script's side keeps the empty line: take it out there too.
     */
    private static Observation withoutEmptyLevel(Observation script, Observation pftls, Observation adjusted) {
        if (adjusted == pftls || !script.postconf().contains("smtpd_tls_security_level =")) {
            return script;
        }
        List<String> postconf = new ArrayList<>(script.postconf());
        List<String> lines = new ArrayList<>(script.mainCfLines());
        postconf.remove("smtpd_tls_security_level =");
        lines.removeIf(l -> l.matches("smtpd_tls_security_level\\s*=\\s*"));
        return script.withMainCf(postconf, lines);
    }

    static Observation withoutImprovements(String subcommand, Observation script, Observation pftls) {
        Observation p = pftls;
        if (subcommand.equals("deploy-server-cert") && script.success()) {
            p = withoutTurningTlsOn(script, p);
        }
        if (subcommand.equals("enable-server") || subcommand.equals("enable-client")) {
            p = withoutMergeHint(subcommand, script, p);
        }
        return p;
    }

    private static Observation withoutTurningTlsOn(Observation script, Observation pftls) {
        boolean levelSet = script.postconf().stream().anyMatch(l -> l.startsWith("smtpd_tls_security_level = "));
        // postconf -n prints an empty value as "name =": that is no level
        boolean legacyOn = script.postconf().stream().anyMatch(l -> l.matches("(?i)smtpd_(use|enforce)_tls = yes"));
        if (script.postconf().contains("smtpd_tls_security_level = none")) {
            List<String> messages = new ArrayList<>(pftls.messages());
            assertTrue(messages.removeIf(m -> m.startsWith("warning: smtpd_tls_security_level = none: smtpd offers no"
                    + " STARTTLS")), "pftls warns that level none leaves the certificate unused: " + messages);
            return pftls.withMessages(messages);
        }
        if (levelSet || legacyOn) {
            return pftls;
        }
        List<String> postconf = new ArrayList<>(pftls.postconf());
        List<String> lines = new ArrayList<>(pftls.mainCfLines());
        List<String> messages = new ArrayList<>(pftls.messages());
        assertTrue(postconf.remove(LEVEL_MAY), "pftls turns server TLS on: " + pftls.postconf());
        assertTrue(lines.remove(LEVEL_MAY), "main.cf has " + LEVEL_MAY + ": " + pftls.mainCfLines());
        assertEquals(ENABLED, messages.isEmpty() ? "" : messages.get(0), "pftls says so first: " + messages);
        messages.remove(0);
        return pftls.withMainCf(postconf, lines).withMessages(messages);
    }

    private static Observation withoutMergeHint(String subcommand, Observation script, Observation pftls) {
        String side = subcommand.equals("enable-server") ? "server" : "client";
        if (!script.messages().contains("*** Non-default SMTP " + side + " TLS settings detected, no changes made.")) {
            return pftls;
        }
        List<String> hint = subcommand.equals("enable-server") ? MERGE_HINT_SERVER : MERGE_HINT_CLIENT;
        List<String> messages = new ArrayList<>(pftls.messages());
        int at = messages.size() - hint.size();
        assertTrue(at >= 0 && messages.subList(at, messages.size()).equals(hint),
                "pftls names --merge last: " + messages);
        messages.subList(at, messages.size()).clear();
        return pftls.withMessages(messages);
    }
}
