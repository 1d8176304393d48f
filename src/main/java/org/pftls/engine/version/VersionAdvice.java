package org.pftls.engine.version;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.config.Parameters;
import org.pftls.engine.ports.PostfixInstallation;
import org.pftls.engine.tls.Instance;

/**
 * Advice that depends on the installed Postfix version, as findings for Detect, {@code status} and
 * the JSON output:
 * <ul>
 * <li>deprecated {@code smtp_use_tls}/{@code smtp_enforce_tls}/{@code smtp_tls_enforce_peername} and
 *     {@code smtpd_use_tls}/{@code smtpd_enforce_tls} settings, with the
 *     {@code smtp(d)_tls_security_level} that replaces them (Postfix 3.9 and later warn about them);</li>
 * <li>on Postfix 3.11 or later at {@code compatibility_level} 3.11 or higher, an SMTP client that is
 *     already opportunistic because {@code smtp_tls_security_level} defaults to {@code may};</li>
 * <li>{@code smtpd_tls_chain_files} set for a Postfix older than 3.4, which ignores it;</li>
 * <li>a main.cf whose {@code command_directory} names other Postfix programs than the ones pftls runs.</li>
 * </ul>
 */
public final class VersionAdvice {
    private final Parameters parameters;
    private final PostfixInstallation postfix;
    private final PostfixVersion version;

    public VersionAdvice(Instance instance) {
        this.parameters = instance.parameters();
        this.postfix = instance.ports().postfix();
        this.version = PostfixVersion.of(postfix.mailVersion());
    }

    /** Everything found, in a stable order. */
    public List<Finding> findings() {
        List<Finding> found = new ArrayList<>();
        deprecated("smtp", List.of("smtp_use_tls", "smtp_enforce_tls", "smtp_tls_enforce_peername"))
                .ifPresent(found::add);
        deprecated("smtpd", List.of("smtpd_use_tls", "smtpd_enforce_tls")).ifPresent(found::add);
        if (clientOpportunisticByDefault()) {
            found.add(new Finding(Severity.INFO, "client-opportunistic-by-default", "the SMTP client already uses"
                    + " opportunistic TLS: Postfix " + version + " at compatibility_level " + compatibilityLevel()
                    + " defaults smtp_tls_security_level to may (enable-client still sets it explicitly, with"
                    + " logging and a session cache)"));
        }
        if (!chainFilesSupported(version) && version.known()
                && parameters.explicit("smtpd_tls_chain_files").filter(v -> !v.isEmpty()).isPresent()) {
            found.add(new Finding(Severity.WARNING, "chain-files-unsupported", "smtpd_tls_chain_files is set, but"
                    + " Postfix " + version + " ignores it (it exists from Postfix 3.4); use smtpd_tls_cert_file and"
                    + " smtpd_tls_key_file instead"));
        }
        commandDirectoryMismatch().ifPresent(found::add);
        return found;
    }

    /** Whether {@code smtpd_tls_chain_files} exists in this version (3.4 and later): only then is it offered. */
    public static boolean chainFilesSupported(PostfixVersion version) {
        return version.atLeast(PostfixVersion.CHAIN_FILES);
    }

    /**
     * True when the SMTP client does opportunistic TLS without a client TLS setting: Postfix 3.11
     * or later, {@code compatibility_level} 3.11 or higher, and main.cf does not set
     * {@code smtp_tls_security_level} (its default is then {@code may}, which also overrides the
     * deprecated {@code smtp_use_tls}/{@code smtp_enforce_tls}: smtp_tls_policy.c).
     */
    public boolean clientOpportunisticByDefault() {
        return version.atLeast(PostfixVersion.V3_11)
                && PostfixVersion.of(compatibilityLevel()).atLeast(PostfixVersion.V3_11)
                && parameters.explicit("smtp_tls_security_level").isEmpty();
    }

    /** The effective compatibility_level ("0" when it cannot be expanded). */
    private String compatibilityLevel() {
        try {
            String level = parameters.expanded("compatibility_level");
            return level.isEmpty() ? "0" : level;
        } catch (PftlsException e) {
            return "0";
        }
    }

    /**
     * One finding for the deprecated settings of one side that main.cf sets: the
     * {@code *_tls_security_level} that does what they do (Postfix maps them so when the security
     * level is empty), or that Postfix ignores them because the security level is set, or (3.11
     * client) defaults to {@code may}; a PROBLEM when that default silently weakens enforced TLS.
     */
    private Optional<Finding> deprecated(String side, List<String> names) {
        List<String> set = new ArrayList<>();
        for (String name : names) {
            parameters.explicit(name).filter(v -> !v.isEmpty()).ifPresent(v -> set.add(name + " = " + v));
        }
        if (set.isEmpty()) {
            return Optional.empty();
        }
        String level = side + "_tls_security_level";
        String them = set.size() == 1 ? "it" : "them";
        String subject = String.join(" and ", set) + (set.size() == 1 ? " is obsolete" : " are obsolete");
        if (version.atLeast(PostfixVersion.DEPRECATION_WARNINGS)) {
            subject += " (Postfix " + version + " logs a deprecation warning for " + them + ")";
        }
        Optional<String> explicitLevel = parameters.explicit(level);
        String replacement = replacement(side);
        Severity severity = Severity.WARNING;
        String fix;
        if (explicitLevel.isPresent() && !explicitLevel.get().isEmpty()) {
            fix = "Postfix ignores " + them + " because " + level + " = " + explicitLevel.get() + " is set: remove "
                    + them;
        } else if (explicitLevel.isEmpty() && side.equals("smtp") && clientOpportunisticByDefault()) {
            fix = "Postfix ignores " + them + ": at compatibility_level " + compatibilityLevel() + " Postfix " + version
                    + " defaults " + level + " to may";
            if (replacement != null && !replacement.equals("may")) {
                severity = Severity.PROBLEM; // enforced TLS silently became opportunistic
                fix += ", so TLS is no longer enforced: set " + level + " = " + replacement + " and remove " + them;
            } else {
                fix += ": remove " + them;
            }
        } else if (replacement != null) {
            fix = "replace " + them + " with " + level + " = " + replacement;
        } else {
            fix = "remove " + them + ": " + (set.size() == 1 ? "it changes" : "they change") + " nothing";
        }
        return Optional.of(new Finding(severity, "deprecated-" + side + "-tls-settings", subject + "; " + fix));
    }

    /** The security level the deprecated settings amount to (postconf(5)), or null for none. */
    private String replacement(String side) {
        if (yes(side + "_enforce_tls")) {
            boolean peername = parameters.explicit("smtp_tls_enforce_peername")
                    .map(v -> !v.equalsIgnoreCase("no")).orElse(true);
            return side.equals("smtp") && peername ? "verify" : "encrypt";
        }
        return yes(side + "_use_tls") ? "may" : null;
    }

    private boolean yes(String name) {
        return parameters.explicit(name).map(v -> v.equalsIgnoreCase("yes")).orElse(false);
    }

    /**
     * main.cf's {@code command_directory} (set by Postfix's installer) names the programs of the
     * installation that owns the instance; pftls should run those.
     */
    private Optional<Finding> commandDirectoryMismatch() {
        Optional<Path> running = postfix.programDirectory();
        Optional<String> configured = parameters.explicit("command_directory").filter(v -> v.startsWith("/"));
        if (running.isEmpty() || configured.isEmpty()) {
            return Optional.empty();
        }
        String wanted;
        try {
            wanted = parameters.explicitExpanded("command_directory");
        } catch (PftlsException e) {
            return Optional.empty();
        }
        if (Path.of(wanted).normalize().equals(running.get())) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.WARNING, "other-postfix-programs", "main.cf sets command_directory = "
                + wanted + ", but pftls runs the Postfix programs in " + running.get() + " (Postfix " + version
                + "); if the instance belongs to the Postfix in " + wanted + ", run pftls with --postfix-bin " + wanted));
    }
}
