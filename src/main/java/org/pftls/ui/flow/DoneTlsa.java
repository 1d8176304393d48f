package org.pftls.ui.flow;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pftls.engine.dane.TlsaNames;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.verify.DnsTlsaCheck;
import org.pftls.engine.verify.TlsaCheck;
import org.pftls.engine.verify.VerifyReport;

/**
 * The DNS part of the Done step's "Reload Postfix and verify", as {@code pftls verify --dns} makes
 * it: the TLSA records of {@code _25._tcp.$myhostname} through the wizard's resolver (the system's,
 * deploy-server-cert's short timeout), validated by pftls from the root's trust anchor. Never in
 * the demo sandbox; a name that cannot be in the public DNS is not looked up (as the deploy guard
 * does not look it up); when DNS cannot be asked, the report is verify's without {@code --dns} and
 * one line says so: the Done step never fails for DNS it could not ask.
 */
final class DoneTlsa {
    private final WizardModel model;

    DoneTlsa(WizardModel model) {
        this.model = model;
    }

    /** The report, and the line said about DNS instead of its answer (empty when it answered). */
    record Settled(VerifyReport report, Optional<String> note) { }

    /** Whether the records are looked up here. */
    boolean looksUp() {
        return !model.demo() && model.environment().dns().isPresent() && TlsaNames.publicName(host());
    }

    private String host() {
        return model.detection().myhostname();
    }

    /**
     * The resolver verify asks, answering each question once: verify is asked again while an smtpd
     * that was idle at the reload still serves the old files, and DNS need not be asked again.
     */
    Optional<DnsLookup> resolver() {
        return looksUp() ? Optional.of(new Once(model.environment().dns().get())) : Optional.empty();
    }

    /**
     * The report as the Done step shows and records it: a look-up that got no answer is left out
     * (as verify without {@code --dns} reports) and said in one line; a name that was not looked
     * up is said in one line too.
     */
    Settled settle(VerifyReport report) {
        if (model.demo() || model.environment().dns().isEmpty()) {
            return new Settled(report, Optional.empty());
        }
        TlsaCheck t = report.tlsa();
        if (t.dns().isEmpty()) {
            return new Settled(report, Optional.of("TLSA records of " + t.name() + " not looked up: " + host()
                    + " cannot have records in the public DNS"));
        }
        DnsTlsaCheck d = t.dns().get();
        if (d.status().answered() || !d.published().isEmpty()) {
            return new Settled(report, Optional.empty());
        }
        VerifyReport without = new VerifyReport(report.time(), report.target(), report.algorithms(),
                new TlsaCheck(t.name(), t.expected(), t.servedMatch(), Optional.empty()), report.findings());
        return new Settled(without, Optional.of("cannot look up the TLSA records of " + t.name() + " at "
                + d.resolver() + " (" + d.status().name().toLowerCase(Locale.ROOT) + (d.detail().isEmpty() ? ""
                : ": " + d.detail()) + "), so they were not checked; pftls verify --dns asks again"));
    }

    /** A resolver that asks each TLSA question once and answers it again from memory. */
    private static final class Once implements DnsLookup {
        private final DnsLookup dns;
        private final Map<String, TlsaAnswer> answers = new HashMap<>();

        Once(DnsLookup dns) {
            this.dns = dns;
        }

        @Override
        public String resolver() {
            return dns.resolver();
        }

        @Override
        public synchronized TlsaAnswer tlsa(String name, boolean validate) {
            return answers.computeIfAbsent(name + (validate ? " validated" : ""), k -> dns.tlsa(name, validate));
        }

        @Override
        public Reply ask(String name, String type, boolean checkingDisabled) {
            return dns.ask(name, type, checkingDisabled);
        }
    }
}
