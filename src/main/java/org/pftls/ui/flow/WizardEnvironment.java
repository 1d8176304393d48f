package org.pftls.ui.flow;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyPairSource;
import org.pftls.engine.dane.DaneClient;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.ports.MessageSink;
import org.pftls.engine.ports.PostfixControl;
import org.pftls.engine.ports.SmtpProbe;
import org.pftls.engine.tls.Instance;

/**
 * What the wizard is given by the command line that starts it (tests give their own).
 *
 * @param configDirectory the instance
 * @param reader          reads the instance afresh (to start, and after a change)
 * @param log             where the messages of a change go (the mail log; the wizard shows them itself)
 * @param postfix         postfix reload
 * @param demo            whether this is the {@code --demo} sandbox
 * @param postfixOnHost   whether Postfix is installed on this host (the demo says whether its
 *                        built-in defaults stand in for it)
 * @param command         how the operator runs pftls on this instance: {@code pftls}, or
 *                        {@code pftls -c DIR} when it is not the one pftls finds by itself
 * @param fileOwner       the owner new files get (this process's user), for the Review
 * @param letsEncryptLive certbot's directory of live certificates ({@code /etc/letsencrypt/live}),
 *                        offered by the file picker when it exists
 * @param newKeys         makes new keys; the wizard starts it as soon as the Key step is answered
 * @param dns             the resolver Deploy asks for the host's TLSA records before a new key goes
 *                        live, and "Reload Postfix and verify" asks for them (as verify --dns): the
 *                        system's, with deploy-server-cert's 2 s timeout; empty: no look-up
 * @param daneResolvers   the resolvers Enable client (DANE) checks, as enable-client --dane does: each
 *                        name server of /etc/resolv.conf, with its timeout
 * @param probe           the STARTTLS probe of "Reload Postfix and verify"; empty: no verify
 * @param pftlsCommand    how a certbot deploy hook runs pftls (as {@code pftls certbot-hook --install}
 *                        writes it): the launcher's absolute path, or {@code pftls}
 */
public record WizardEnvironment(Path configDirectory, InstanceReader reader, MessageSink log, PostfixControl postfix,
                                boolean demo, boolean postfixOnHost, List<String> command, String fileOwner,
                                Path letsEncryptLive, KeyPairSource newKeys, Optional<DnsLookup> dns,
                                DaneClient.Resolvers daneResolvers, Optional<SmtpProbe> probe, String pftlsCommand) {

    public WizardEnvironment {
        command = List.copyOf(command);
    }

    /** No resolver for the DANE check: it fails, saying so (tests that do not choose DANE). */
    public static final DaneClient.Resolvers NO_RESOLVERS = () -> {
        throw new PftlsException(PftlsException.Kind.CONFIG, "there is no resolver to check here");
    };

    /** Without DNS look-ups and without the verify probe (tests that need neither). */
    public WizardEnvironment(Path configDirectory, InstanceReader reader, MessageSink log, PostfixControl postfix,
                             boolean demo, boolean postfixOnHost, List<String> command, String fileOwner,
                             Path letsEncryptLive, KeyPairSource newKeys) {
        this(configDirectory, reader, log, postfix, demo, postfixOnHost, command, fileOwner, letsEncryptLive, newKeys,
                Optional.empty(), NO_RESOLVERS, Optional.empty(), "pftls");
    }

    /** The same environment with another resolver and probe. */
    public WizardEnvironment with(Optional<DnsLookup> otherDns, Optional<SmtpProbe> otherProbe) {
        return new WizardEnvironment(configDirectory, reader, log, postfix, demo, postfixOnHost, command, fileOwner,
                letsEncryptLive, newKeys, otherDns, daneResolvers, otherProbe, pftlsCommand);
    }

    /** The same environment with other resolvers for the DANE check. */
    public WizardEnvironment withDaneResolvers(DaneClient.Resolvers others) {
        return new WizardEnvironment(configDirectory, reader, log, postfix, demo, postfixOnHost, command, fileOwner,
                letsEncryptLive, newKeys, dns, others, probe, pftlsCommand);
    }

    /** Reads the instance afresh. */
    @FunctionalInterface
    public interface InstanceReader {
        Instance read() throws PftlsException;
    }

    /** A pftls command line for this instance, e.g. {@code pftls -c /etc/postfix-out deploy-server-cert A B}. */
    public String pftls(String arguments) {
        return String.join(" ", command) + " " + arguments;
    }
}
