package org.pftls.engine.config;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.pftls.engine.PftlsException;
import org.pftls.engine.ports.HostNameSource;
import org.pftls.engine.ports.PostfixInstallation;

/**
 * The effective parameters of one Postfix instance, answering as {@code postconf -c DIR} does
 * (with {@code MAIL_CONFIG} set, as under {@code postfix tls}):
 * <ul>
 * <li>{@link #explicit} is {@code postconf -nh NAME}, {@link #explicitExpanded} is
 *     {@code postconf -nxh NAME}, {@link #expanded} is {@code postconf -xh NAME};</li>
 * <li>a value is looked up in main.cf, then among the built-in defaults; {@code config_directory}
 *     defaults to the instance's directory (postconf treats {@code MAIL_CONFIG} as a setting that
 *     main.cf can override, and {@code -n} prints it); {@code myhostname} and {@code mydomain}
 *     default as {@link MyHostname} computes them; other defaults come from
 *     {@link PostfixInstallation#defaultValue};</li>
 * <li>results are printed as postconf prints them: runs of space, tab, CR, LF collapsed to one
 *     space, none at either end;</li>
 * <li>the raw parameters of Postfix 3.7 (e.g. {@code smtpd_reject_footer}) are not expanded at the
 *     top level, like postconf (they are when referenced from another value).</li>
 * </ul>
 * Differences from postconf: names that postconf -n would omit as "unused parameter" (not
 * built-in and not referenced) are still returned by {@link #explicit}; unknown names give "".
 * Expansion warnings (undefined parameters) are collected in {@link #warnings()}.
 */
public final class Parameters {
    /** Parameters that postconf 3.7 prints unexpanded even with -x (PCF_PARAM_FLAG_RAW). */
    static final Set<String> RAW_PARAMETERS = Set.of("command_execution_directory", "default_rbl_reply",
            "forward_path", "luser_relay", "mailbox_command", "postscreen_expansion_filter",
            "postscreen_reject_footer", "smtpd_expansion_filter", "smtpd_reject_footer");

    private final MainCf mainCf;
    private final PostfixInstallation postfix;
    private final Path configDirectory;
    /** config_directory as a main.cf value: the directory name's bytes. */
    private final String configDirectoryValue;
    private final MyHostname myHostname;
    private final Expander expander;

    public Parameters(MainCf mainCf, PostfixInstallation postfix, Path configDirectory, HostNameSource hostNames) {
        this(mainCf, postfix, configDirectory, hostNames, StandardCharsets.UTF_8);
    }

    /** @param names the character set of file names: {@code config_directory}'s value is its bytes in it */
    public Parameters(MainCf mainCf, PostfixInstallation postfix, Path configDirectory, HostNameSource hostNames,
                      Charset names) {
        this.mainCf = mainCf;
        this.postfix = postfix;
        this.configDirectory = configDirectory;
        String directory;
        try {
            directory = MainCfText.fromText(configDirectory.toString(), names);
        } catch (CharacterCodingException e) {
            directory = configDirectory.toString();
        }
        this.configDirectoryValue = directory;
        this.myHostname = new MyHostname(mainCf, hostNames);
        this.expander = new Expander(this::lookup);
    }

    /** {@code postconf -nh NAME}: main.cf's value, normalised; empty when main.cf does not set it. */
    public Optional<String> explicit(String name) {
        return explicitRaw(name).map(Chars::normalize);
    }

    /** {@code postconf -nxh NAME}: main.cf's value expanded and normalised; "" when main.cf does not set it. */
    public String explicitExpanded(String name) throws PftlsException {
        Optional<String> raw = explicitRaw(name);
        return raw.isEmpty() ? "" : Chars.normalize(expandParameter(name, raw.get()));
    }

    /** {@code postconf -xh NAME}: main.cf's value or the default, expanded and normalised; "" when unknown. */
    public String expanded(String name) throws PftlsException {
        Optional<String> raw = lookupChecked(name);
        return raw.isEmpty() ? "" : Chars.normalize(expandParameter(name, raw.get()));
    }

    /**
     * The value a Postfix daemon uses: main.cf's value or the default, expanded, but not normalised
     * as postconf prints it (inner runs of blanks kept); "" when unknown. A file name is opened as
     * exactly this.
     */
    public String expandedAsUsed(String name) throws PftlsException {
        Optional<String> raw = lookupChecked(name);
        return raw.isEmpty() ? "" : expandParameter(name, raw.get());
    }

    /** The raw value postconf would use for a name: main.cf's, else the built-in default. */
    public Optional<String> raw(String name) throws PftlsException {
        return lookupChecked(name);
    }

    public MainCf mainCf() {
        return mainCf;
    }

    public Path configDirectory() {
        return configDirectory;
    }

    /** Warnings of expansions so far, e.g. {@code undefined parameter: p_undef}. */
    public List<String> warnings() {
        return expander.warnings();
    }

    private Optional<String> explicitRaw(String name) {
        Optional<String> value = mainCf.value(name);
        if (value.isEmpty() && name.equals("config_directory")) {
            return Optional.of(configDirectoryValue);
        }
        return value;
    }

    private String expandParameter(String name, String raw) throws PftlsException {
        if (RAW_PARAMETERS.contains(name)) {
            return raw;
        }
        try {
            return expander.expand(raw);
        } catch (PftlsException e) {
            throw new PftlsException(e.kind(), mainCf.displayPath() + ": parameter " + name + ": " + e.getMessage());
        } catch (DefaultFailure e) {
            throw e.exception;
        }
    }

    private Optional<String> lookupChecked(String name) throws PftlsException {
        try {
            return lookup(name);
        } catch (DefaultFailure e) {
            throw e.exception;
        }
    }

    /** Lookup order of pcf_lookup_parameter_value: main.cf, then the built-in default. */
    private Optional<String> lookup(String name) {
        Optional<String> value = explicitRaw(name);
        if (value.isPresent()) {
            return value;
        }
        try {
            switch (name) {
                case "myhostname":
                    return Optional.of(myHostname.defaultMyhostname());
                case "mydomain":
                    return Optional.of(myHostname.defaultMydomain());
                default:
                    return postfix.defaultValue(name);
            }
        } catch (PftlsException e) {
            throw new DefaultFailure(e);
        }
    }

    /** Carries a failure to compute a default through the lookup callback. */
    private static final class DefaultFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient PftlsException exception;

        DefaultFailure(PftlsException exception) {
            super(exception.getMessage(), exception, false, false);
            this.exception = exception;
        }
    }
}
