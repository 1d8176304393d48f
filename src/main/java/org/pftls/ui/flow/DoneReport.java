package org.pftls.ui.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pftls.engine.plan.KeyCertificate;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Setting;

/**
 * What the Done step shows and what is left behind when the wizard ends. The engine's messages
 * are the script's texts (the mail log gets them unchanged); shown here, the commands they suggest
 * are pftls commands for this instance, and the script's "run postfix reload" lines give way to
 * the Done step's own reload line, which agrees with whether a reload is offered.
 */
final class DoneReport {
    /** The script's reload advice, replaced by {@link #reloadLine}. */
    private static final Set<String> RELOAD_ADVICE = Set.of("Run the command:", "  # postfix reload",
            "if you want the new settings to take effect immediately.");

    private final WizardEnvironment environment;
    private final boolean reloadPossible;
    private final boolean verifies;
    private final Optional<String> certbot;

    /**
     * @param reloadPossible whether Done offers postfix reload
     * @param verifies       whether the reload is followed by pftls verify
     * @param certbot        what to say about a certificate from certbot (reload after renewals, the hook)
     */
    DoneReport(WizardEnvironment environment, boolean reloadPossible, boolean verifies, Optional<String> certbot) {
        this.environment = environment;
        this.reloadPossible = reloadPossible;
        this.verifies = verifies;
        this.certbot = certbot;
    }

    /** A message as the wizard shows it: "postfix tls SUB" becomes "pftls [-c DIR] SUB". */
    String shown(String message) {
        return message.replace("postfix tls ", String.join(" ", environment.command()) + " ");
    }

    private List<String> shownMessages(List<String> messages) {
        return messages.stream().filter(m -> !RELOAD_ADVICE.contains(m)).map(this::shown).toList();
    }

    /** The Done step's text after a change was applied. */
    List<String> applied(Outcome outcome, Prepared prepared, Path savedCsr, List<String> afterDone) {
        List<String> lines = new ArrayList<>();
        lines.add("What changed:");
        outcome.changed().forEach(c -> lines.add("  " + c));
        List<String> replaced = replaced(prepared);
        if (!replaced.isEmpty()) {
            lines.add("");
            lines.add("What replaced what (the old files stay on disk, untouched):");
            replaced.forEach(r -> lines.add("  " + r));
        }
        List<String> messages = shownMessages(outcome.messages());
        if (!messages.isEmpty()) {
            lines.add("");
            lines.add("Messages (also logged to the mail log):");
            messages.forEach(m -> lines.add("  " + m));
        }
        List<String> next = nextSteps(outcome, prepared, savedCsr);
        if (!next.isEmpty()) {
            lines.add("");
            lines.add("Next steps:");
            next.forEach(n -> lines.add("  - " + n));
        }
        if (!afterDone.isEmpty()) {
            lines.add("");
            lines.addAll(afterDone);
        }
        return lines;
    }

    /** The reload line: what to do for Postfix to use the new main.cf, consistent with what is offered. */
    String reloadLine() {
        if (environment.demo()) {
            return "the demo sandbox has no Postfix to reload (a real instance would now need postfix reload)";
        }
        if (reloadPossible) {
            return "Postfix uses the new settings after a reload: pftls offers to run postfix reload now"
                    + (verifies ? ", then pftls verify (what the running server serves)" : "");
        }
        return "Postfix is not installed here: run postfix reload where this configuration is used";
    }

    private List<String> nextSteps(Outcome outcome, Prepared prepared, Path savedCsr) {
        List<String> next = new ArrayList<>();
        if (outcome.mainCfChanged()) {
            next.add(reloadLine());
        }
        List<KeyCertificate> keys = prepared == null ? List.of() : prepared.keys();
        boolean newKey = keys.stream().anyMatch(k -> k.origin() == KeyCertificate.Origin.NEW_KEY);
        if (newKey) {
            next.add("if you publish DANE TLSA records: publish the new record(s) shown on the Review"
                    + (outcome.mainCfChanged() ? " as soon as possible"
                    : ", wait for the old ones to expire from DNS caches, then deploy"));
        }
        for (KeyCertificate k : keys) {
            if (k.origin() != KeyCertificate.Origin.EXISTING && savedCsr == null) {
                next.add("for a CA-signed certificate: " + environment.pftls("output-server-csr -k " + k.keyFile()));
            }
            if (!outcome.mainCfChanged() && k.origin() != KeyCertificate.Origin.EXISTING) {
                next.add("to deploy it: " + environment.pftls("deploy-server-cert " + k.certificateFile() + " "
                        + k.keyFile()));
            }
        }
        certbot.ifPresent(next::add);
        if (savedCsr != null) {
            next.add("send the CSR in " + savedCsr + " to your certificate authority, then deploy the certificate"
                    + " it returns with: " + environment.pftls("deploy-server-cert CERTFILE KEYFILE"));
        }
        if (!environment.demo() && prepared != null
                && (prepared.task() == Task.ENABLE_SERVER || prepared.task() == Task.DEPLOY)) {
            next.add("check it: openssl s_client -starttls smtp -connect localhost:25 -brief");
        }
        return next;
    }

    /**
     * Per key the plan deploys: the files it replaced in main.cf (or that it was added, none being
     * deployed); empty when nothing deployed was replaced.
     */
    static List<String> replaced(Prepared prepared) {
        if (prepared == null || prepared.plan().isEmpty() || prepared.plan().get().mainCf().isEmpty()) {
            return List.of();
        }
        Plan plan = prepared.plan().get();
        List<String> lines = new ArrayList<>();
        boolean any = false;
        for (KeyCertificate k : plan.keys()) {
            Optional<Setting> cert = decision(plan, k.algorithm().certFileParameter());
            Optional<Setting> key = decision(plan, k.algorithm().keyFileParameter());
            if (cert.isPresent() && cert.get().applied()) {
                boolean changed = cert.get().action() == Setting.Action.CHANGE;
                any |= changed;
                lines.add(k.algorithm() + ": " + k.certificateFile() + " and " + k.keyFile() + (changed ? " replace "
                        + cert.get().oldValue().orElse("") + key.flatMap(Setting::oldValue).map(o -> " and " + o)
                        .orElse("") : " added (no " + k.algorithm() + " certificate was deployed)"));
            }
        }
        Optional<Setting> chain = decision(plan, "smtpd_tls_chain_files");
        if (chain.isPresent() && chain.get().action() == Setting.Action.CHANGE) {
            any = true;
            lines.add("smtpd_tls_chain_files: " + chain.get().newValue() + " replaces " + chain.get().oldValue()
                    .orElse(""));
        }
        return any ? lines : List.of();
    }

    private static Optional<Setting> decision(Plan plan, String name) {
        return plan.decisions().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The Done step's text for an output task, or when nothing was applied. */
    List<String> nothingApplied(Prepared prepared, Path savedCsr) {
        List<String> lines = new ArrayList<>();
        lines.add(savedCsr == null ? "Nothing was changed." : "Nothing was changed except that the CSR was saved to "
                + savedCsr + ".");
        if (prepared != null && !prepared.task().changes()) {
            lines.add("");
            lines.addAll(output(prepared));
            lines.add("");
            lines.add("These lines are printed again when the wizard closes, so that you can copy them.");
            lines.add("");
            lines.add("Next steps:");
            lines.add(prepared.task() == Task.TLSA
                    ? "  - publish the records in DNS (DNSSEC-signed zone), replacing older ones for this host"
                    : "  - send the CSR to your certificate authority, then deploy the certificate it returns with: "
                    + environment.pftls("deploy-server-cert CERTFILE KEYFILE"));
        } else if (prepared != null) {
            prepared.plan().ifPresent(p -> shownMessages(p.messages()).forEach(m -> lines.add("  " + m)));
        }
        return lines;
    }

    /** What is left in the scrollback: the changes, or the output of an output task as the command line prints it. */
    List<String> summary(Outcome outcome, Prepared prepared, Path savedCsr, List<String> afterDone) {
        List<String> lines = new ArrayList<>();
        if (outcome != null) {
            lines.addAll(kept(outcome));
            shownMessages(outcome.messages()).forEach(m -> lines.add("pftls: " + m));
            List<String> next = nextSteps(outcome, prepared, savedCsr);
            if (!next.isEmpty()) {
                lines.add("Next steps:");
                next.forEach(n -> lines.add("  - " + n));
            }
            List<KeyCertificate> keys = prepared == null ? List.of() : prepared.keys();
            if (keys.stream().anyMatch(k -> !k.tlsaRecord().isEmpty())) {
                lines.add("TLSA records of the key:");
                keys.stream().filter(k -> !k.tlsaRecord().isEmpty()).forEach(k -> {
                    lines.add("  ; " + k.keyFile());
                    lines.add("  " + k.tlsaRecord());
                });
            }
        } else if (prepared != null && !prepared.task().changes()) {
            lines.addAll(output(prepared));
        } else {
            lines.add("pftls: nothing was changed.");
        }
        if (savedCsr != null) {
            lines.add("pftls: the CSR was saved to " + savedCsr);
        }
        afterDone.forEach(l -> lines.add("pftls: " + l));
        return lines;
    }

    /** "pftls: changed:" and one line per change. */
    static List<String> kept(Outcome outcome) {
        List<String> lines = new ArrayList<>();
        if (outcome.changed().isEmpty()) {
            lines.add("pftls: nothing was changed.");
        } else {
            lines.add("pftls: changed:");
            outcome.changed().forEach(c -> lines.add("  " + c));
        }
        return lines;
    }

    /** What an output task produced, exactly as the command line prints it on stdout. */
    static List<String> output(Prepared prepared) {
        if (prepared.task() == Task.CSR) {
            return prepared.csr().map(c -> c.lines().toList()).orElse(List.of());
        }
        return prepared.records();
    }
}
