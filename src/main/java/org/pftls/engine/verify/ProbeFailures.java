package org.pftls.engine.verify;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.Finding;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.ports.SmtpProbe;
import org.pftls.engine.tls.Detection;
import org.pftls.engine.tls.Instance;

/** Why a probe did not get to a certificate, in one line with the fix. */
final class ProbeFailures {
    private final Instance instance;
    private final SmtpTarget target;
    private final Duration timeout;
    private final Detection detection;

    ProbeFailures(Instance instance, SmtpTarget target, Duration timeout, Detection detection) {
        this.instance = instance;
        this.target = target;
        this.timeout = timeout;
        this.detection = detection;
    }

    /** A failure before the TLS handshake: the same for every algorithm. */
    Finding explain(SmtpProbe.Result r) {
        String at = target.address();
        String detail = r.detail().isEmpty() ? "" : " (" + r.detail() + ")";
        return switch (r.outcome()) {
            case REFUSED -> Finding.problem("connection-refused", "nothing accepts connections on " + at
                    + " (connection refused, target: " + target.origin() + "): start Postfix (postfix start), or give"
                    + " the right --host/--port");
            case UNREACHABLE -> Finding.problem("unreachable", "cannot connect to " + at + detail
                    + ": give the right --host/--port");
            case TIMEOUT -> Finding.problem("timeout", at + " did not answer within " + seconds() + " s (waiting for "
                    + stage(r.stage()) + "): check that Postfix runs and is not overloaded (postfix status, the mail"
                    + " log), or allow more time with --timeout");
            case CLOSED -> Finding.problem("connection-closed", at + " closed the connection (at " + stage(r.stage())
                    + ")" + detail + "; the mail log says why");
            case SMTP_REJECTED -> Finding.problem("smtp-rejected", at + " refused the SMTP session: \"" + r.detail()
                    + "\"; the mail log says why (e.g. smtpd_client_restrictions)");
            case STARTTLS_NOT_OFFERED -> starttlsNotOffered();
            case STARTTLS_REFUSED -> Finding.problem("tls-not-available", at + " answered STARTTLS with \""
                    + r.detail() + "\": smtpd cannot load its key or certificate; " + localProblem()
                    + "then run postfix reload (the mail log names the file)");
            default -> Finding.problem("probe-failed", "the probe of " + at + " failed" + detail);
        };
    }

    /** A failed or unfinished handshake for one algorithm. */
    Finding handshake(KeyAlgorithm algorithm, SmtpProbe.Result r) {
        String alg = algorithm.postfixName();
        String upper = alg.toUpperCase(Locale.ROOT);
        if (r.outcome() == SmtpProbe.Outcome.TIMEOUT) {
            return Finding.problem("handshake-timeout", "the TLS handshake with " + target.address() + " offering "
                    + upper + " signatures did not finish in time; the mail log says why");
        }
        String override = target.overrides().containsKey(algorithm.certFileParameter())
                ? "; master.cf service " + target.service().orElse("?") + " sets -o " + algorithm.certFileParameter()
                        + "=" + target.overrides().get(algorithm.certFileParameter())
                : "";
        return Finding.problem("handshake-failed", "the TLS handshake with " + target.address() + " offering only "
                + upper + " signatures failed (" + r.detail() + "): the running smtpd has no " + upper
                + " certificate" + override + "; main.cf deploys one now, so run postfix reload");
    }

    private Finding starttlsNotOffered() {
        String at = target.address();
        String level = target.overrides().get("smtpd_tls_security_level");
        if (level != null && (level.isEmpty() || level.equals("none"))) {
            return Finding.problem("master-cf-override", at + " does not offer STARTTLS because master.cf service "
                    + target.service().orElse("?") + " sets -o smtpd_tls_security_level=" + level
                    + ": remove that -o setting from master.cf, then postfix reload");
        }
        String mainLevel = parameter("smtpd_tls_security_level");
        boolean on = !mainLevel.isEmpty() && !mainLevel.equals("none")
                || parameter("smtpd_use_tls").equals("yes") || parameter("smtpd_enforce_tls").equals("yes");
        if (on) {
            return Finding.problem("not-reloaded", at + " does not offer STARTTLS, but main.cf turns it on"
                    + " (smtpd_tls_security_level = " + mainLevel + "): run postfix reload (if it still does not,"
                    + " another server answers on " + at + ")");
        }
        return Finding.problem("starttls-off", at + " does not offer STARTTLS: TLS is off in main.cf"
                + " (smtpd_tls_security_level = " + (mainLevel.isEmpty() ? "(empty)" : mainLevel) + "); turn it on"
                + " with pftls enable-server (or set smtpd_tls_security_level = may), then postfix reload");
    }

    private String localProblem() {
        if (detection == null) {
            return "";
        }
        Optional<String> p = detection.deployed().stream().flatMap(d -> d.problems().stream()).findFirst();
        return p.map(s -> "pftls status finds: " + s + "; fix it, ").orElse("");
    }

    private String parameter(String name) {
        try {
            return instance.parameters().expanded(name).trim();
        } catch (PftlsException e) {
            return "";
        }
    }

    private String seconds() {
        double s = timeout.toMillis() / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    private static String stage(SmtpProbe.Stage stage) {
        return switch (stage) {
            case CONNECT -> "the connection";
            case GREETING -> "the greeting";
            case EHLO -> "the reply to EHLO";
            case STARTTLS -> "the reply to STARTTLS";
            case HANDSHAKE -> "the TLS handshake";
            case QUIT -> "the reply to QUIT";
        };
    }
}
