package org.pftls.ui.flow;

import java.nio.file.Path;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyPairSource;
import org.pftls.engine.ports.MessageSink;
import org.pftls.engine.ports.PostfixControl;
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
 */
public record WizardEnvironment(Path configDirectory, InstanceReader reader, MessageSink log, PostfixControl postfix,
                                boolean demo, boolean postfixOnHost, List<String> command, String fileOwner,
                                Path letsEncryptLive, KeyPairSource newKeys) {

    public WizardEnvironment {
        command = List.copyOf(command);
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
