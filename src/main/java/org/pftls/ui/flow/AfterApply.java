package org.pftls.ui.flow;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.plan.KeyCertificate;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.ports.SmtpProbe;
import org.pftls.engine.tls.CertbotHook;
import org.pftls.engine.tls.Instance;
import org.pftls.engine.tls.LetsEncrypt;
import org.pftls.engine.verify.Verifier;
import org.pftls.engine.verify.VerifyHistory;
import org.pftls.engine.verify.VerifyReport;

/**
 * What the Done step offers after a change: {@code postfix reload}, then (for the server tasks)
 * {@code pftls verify} of what the running server serves; and, for a certificate from certbot's
 * {@code live/} directory, certbot's deploy hook, exactly as {@code pftls certbot-hook --install}
 * installs it. Never in the demo sandbox.
 */
final class AfterApply {
    /** Each step of a verify probe is bounded by this. */
    static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(5);
    /** smtpd processes idle at the reload serve one more session: a few tries before a mismatch counts. */
    private static final int VERIFY_TRIES = 3;
    private static final long RETRY_MILLIS = 700;
    private static final java.util.Set<String> STALE_CODES = java.util.Set.of("not-reloaded", "certificate-not-served",
            "chain-not-served", "handshake-failed");

    private final WizardModel model;
    /** What the jobs said, for the summary. */
    private final List<String> lines = new ArrayList<>();
    private boolean hookInstalled;

    AfterApply(WizardModel model) {
        this.model = model;
    }

    /** What the Done step's jobs said so far. */
    List<String> lines() {
        return lines;
    }

    /** Records a job's result for the summary. */
    void record(Reloaded r) {
        lines.addAll(r.lines());
    }

    /** Records how installing the hook went (it is not offered again once installed). */
    void hookDone(Reloaded r) {
        hookInstalled |= r.ok();
        record(r);
    }

    /** The question that offers certbot's deploy hook, when the plan deploys a certificate from live/ without one. */
    Optional<String> hookOffer(Prepared prepared) {
        if (hookInstalled) {
            return Optional.empty();
        }
        return certbotHook(prepared).filter(h -> !h.installed()).map(h -> "Install certbot's deploy hook " + h.path()
                + ", which reloads Postfix after each renewal (as pftls certbot-hook --install does)?");
    }

    /**
     * The Done step's word on a certificate from certbot: Postfix must be reloaded after each
     * renewal, and whether the deploy hook does it (or how to install it).
     */
    Optional<String> certbotNote(Prepared prepared) {
        Optional<String> name = certbotLineage(prepared);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String about = "the certificate comes from certbot (" + name.get() + "): Postfix reads it only when it starts"
                + " or reloads, so it must be reloaded after each renewal; ";
        Optional<CertbotHook> hook = certbotHook(prepared);
        if (hook.isPresent() && hook.get().installed()) {
            return Optional.of("the certificate comes from certbot (" + name.get() + "); the deploy hook "
                    + hook.get().path() + " reloads Postfix after each renewal");
        }
        return Optional.of(about + (hook.isPresent() ? "pftls offers to install certbot's deploy hook "
                + hook.get().path() + " that does it (the same as pftls certbot-hook --install)"
                : "install certbot's deploy hook that does it: " + model.environment().pftls("certbot-hook --install"
                + (model.letsEncrypt().equals(LetsEncrypt.DEFAULT) ? ""
                : " --letsencrypt-dir " + model.letsEncrypt().root()))));
    }

    /** Whether postfix reload can be run from here (a real Postfix; never the demo sandbox). */
    boolean reloadPossible() {
        return model.environment().postfix().available() && !model.demo();
    }

    /** Whether the reload is followed by verify: a task that changes what the server serves, and a probe. */
    boolean verifies(Prepared prepared) {
        return reloadPossible() && model.environment().probe().isPresent() && prepared != null
                && (prepared.task() == Task.ENABLE_SERVER || prepared.task() == Task.DEPLOY);
    }

    /** Runs postfix reload; returns what it printed. */
    String reload() throws PftlsException {
        if (!reloadPossible()) {
            throw new PftlsException(Kind.CONFIG, "there is no Postfix to reload here");
        }
        return model.environment().postfix().reload();
    }

    /**
     * pftls verify against the reloaded server, with the TLSA records DNS publishes (as verify --dns,
     * see {@link DoneTlsa}), recorded in the history as the command records it; a mismatch right
     * after the reload is asked again a few times (an smtpd process that was idle at the reload
     * serves one more session with the old files).
     */
    DoneTlsa.Settled verify() throws PftlsException {
        SmtpProbe probe = model.environment().probe().orElseThrow(() -> new PftlsException(Kind.CONFIG,
                "pftls cannot verify from here"));
        Instance instance = model.instance(); // read again after the change was applied
        DoneTlsa tlsa = new DoneTlsa(model);
        Verifier.Request request = new Verifier.Request(Optional.empty(), Optional.empty(), VERIFY_TIMEOUT,
                Optional.empty(), tlsa.resolver());
        VerifyReport report = new Verifier(instance, probe).verify(request);
        for (int i = 1; i < VERIFY_TRIES && staleAfterReload(report); i++) {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            report = new Verifier(instance, probe).verify(request);
        }
        DoneTlsa.Settled settled = tlsa.settle(report);
        List<String> command = new ArrayList<>(List.of("pftls", "-c", instance.configDirectory().toString(), "verify"));
        if (settled.report().tlsa().dns().isPresent()) {
            command.add("--dns");
        }
        try {
            byte[] mainCf = instance.ports().files().read(instance.mainCfPath());
            VerifyHistory.record(instance.ports().files(), instance.configDirectory(), VerifyHistory.entry(
                    settled.report(), mainCf, command));
        } catch (IOException e) {
            // not recorded: the report is shown all the same
        }
        return settled;
    }

    /**
     * Whether what verify found may be an smtpd that was idle at the reload (a new algorithm not
     * served yet, too); what DNS publishes does not change by asking again.
     */
    private static boolean staleAfterReload(VerifyReport report) {
        List<String> server = report.problems().stream().map(f -> f.code()).filter(c -> !c.startsWith("tlsa-"))
                .toList();
        if (report.ok() || server.isEmpty() && !report.problems().isEmpty()) {
            return false; // fine, or only DNS is wrong
        }
        return server.stream().allMatch(STALE_CODES::contains);
    }

    /**
     * certbot's deploy hook for the certificate the plan deploys, when it is in certbot's
     * {@code live/} directory (never in the demo sandbox): the same hook as
     * {@code pftls certbot-hook --install}.
     */
    Optional<CertbotHook> certbotHook(Prepared prepared) {
        if (model.demo() || prepared == null) {
            return Optional.empty();
        }
        for (KeyCertificate k : prepared.keys()) {
            if (k.origin() == KeyCertificate.Origin.EXISTING
                    && model.letsEncrypt().lineage(k.certificateFile()).isPresent()) {
                return Optional.of(new CertbotHook(model.instance(), model.letsEncrypt(),
                        model.environment().pftlsCommand()));
            }
        }
        return Optional.empty();
    }

    /** certbot's name of the certificate the plan deploys ({@code live/NAME/}), if it is from there. */
    Optional<String> certbotLineage(Prepared prepared) {
        return prepared == null ? Optional.empty() : prepared.keys().stream()
                .filter(k -> k.origin() == KeyCertificate.Origin.EXISTING)
                .flatMap(k -> model.letsEncrypt().lineage(k.certificateFile()).stream()).findFirst();
    }

    /**
     * The reload job: postfix reload, then (with {@code verify}) pftls verify; what to show (Postfix's
     * own words when the reload failed).
     */
    Callable<Reloaded> reloadJob(boolean verify) {
        return () -> {
            String said;
            try {
                said = reload();
            } catch (PftlsException e) {
                return new Reloaded(false, e.getMessage());
            }
            String line = "postfix reload: done." + (said.isBlank() ? "" : " It said: " + said.replace('\n', ' '));
            if (!verify) {
                return new Reloaded(true, line);
            }
            try {
                DoneTlsa.Settled verified = verify();
                return new Reloaded(verified.report().ok(), line, VerifyLines.of(verified.report(), verified.note()));
            } catch (PftlsException e) {
                return new Reloaded(false, line, List.of("pftls verify: " + e.getMessage()));
            }
        };
    }

    /** The certbot hook job: installs it (never over another file) as certbot-hook --install does. */
    Callable<Reloaded> hookJob(Optional<CertbotHook> hook) {
        return () -> {
            try {
                CertbotHook h = hook.orElseThrow(() -> new PftlsException(Kind.INPUT,
                        "the deployed certificate is not from certbot"));
                Plan plan = h.plan();
                h.install(plan);
                return new Reloaded(true, String.join(" ", plan.messages()));
            } catch (PftlsException e) {
                return new Reloaded(false, "the certbot hook was not installed: " + e.getMessage());
            }
        };
    }
}
