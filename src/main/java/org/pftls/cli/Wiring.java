package org.pftls.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.pftls.adapters.ForkedKeyMaker;
import org.pftls.adapters.KernelHostName;
import org.pftls.adapters.KernelRandom;
import org.pftls.adapters.PosixFileStore;
import org.pftls.adapters.PostconfInstallation;
import org.pftls.adapters.PostfixCommandControl;
import org.pftls.adapters.PostfixSelection;
import org.pftls.adapters.PostlogMailLog;
import org.pftls.engine.check.ConfigurationTrust;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyMaker;
import org.pftls.engine.crypto.KeyPairSource;
import org.pftls.engine.ports.Checkpoints;
import org.pftls.engine.ports.PostfixControl;
import org.pftls.engine.ports.Ports;

/**
 * Where the adapters are built: the one place that knows which programs and files the real ones
 * use (Postfix's commands in {@code /usr/sbin}, {@code /dev/urandom}, the host's clock and name).
 * Tests build one around their own ports.
 */
public final class Wiring {
    static final Path POSTFIX_COMMANDS = Path.of("/usr/sbin");
    /** Where certbot keeps the current certificate of each name (offered by the wizard's file picker). */
    static final Path LETS_ENCRYPT_LIVE = Path.of("/etc/letsencrypt/live");

    private final Supplier<Ports> ports;
    private final Path postfixCommands;
    /** Which Postfix's programs run (--postfix-bin, PFTLS_POSTFIX_BIN, /usr/sbin, /usr/local/sbin). */
    private final PostfixSelection selection;

    private Wiring(Supplier<Ports> ports, Path postfixCommands, PostfixSelection selection) {
        this.ports = ports;
        this.postfixCommands = postfixCommands;
        this.selection = selection;
    }

    /**
     * The real thing: the host's file system, the Postfix chosen by {@link PostfixSelection} (or the
     * built-in defaults), the system clock.
     *
     * @param checkpoints the write path's checkpoints: {@link Checkpoints#NONE} in production; the
     *                    crash tests start the launcher with a test main class that passes theirs
     * @param env         the environment (PFTLS_POSTFIX_BIN)
     */
    public static Wiring system(Checkpoints checkpoints, Map<String, String> env) {
        PostfixSelection selection = new PostfixSelection(env);
        return new Wiring(() -> realPorts(checkpoints, selection), POSTFIX_COMMANDS, selection);
    }

    /**
     * Around given ports (tests): --postfix-bin and PFTLS_POSTFIX_BIN are still checked (and refused
     * as the real wiring refuses them), but the ports answer.
     */
    public static Wiring of(Supplier<Ports> ports, Map<String, String> env) {
        return new Wiring(ports, POSTFIX_COMMANDS, new PostfixSelection(env));
    }

    private static Ports realPorts(Checkpoints checkpoints, PostfixSelection selection) {
        SecureRandom random = new KernelRandom(); // /dev/urandom, opened on first use: see its Javadoc
        return new Ports(new PosixFileStore(random, checkpoints), selection.installation(), new KernelHostName(),
                Clock.systemUTC(), random);
    }

    /** --postfix-bin DIR (or null): chooses which Postfix's programs run; refuses an unusable one. */
    void choosePostfixPrograms(String option) throws PftlsException {
        selection.choose(option);
    }

    /** A program of the Postfix that answers for the instance (none for built-in answers: demo, tests). */
    private static Optional<Path> program(Ports instancePorts, String name) {
        return instancePorts.postfix().programDirectory().map(d -> d.resolve(name)).filter(Files::isExecutable);
    }

    /** The ports for a real instance. */
    Ports ports() {
        return ports.get();
    }

    /** The ports for the demo sandbox: the real ones, but with the built-in Postfix 3.7 defaults. */
    static Ports demo(Ports real) {
        return new Ports(real.files(), new BuiltinPostfix37(), real.hostNames(), real.clock(), real.random());
    }

    /** postfix reload for the instance, with the programs of the Postfix that answers for it. */
    PostfixControl postfix(Ports instancePorts, Path configDirectory) {
        return new PostfixCommandControl(program(instancePorts, "postfix").orElse(postfixCommands.resolve("postfix")),
                configDirectory);
    }

    /** The mail log of a real instance (postlog), when Postfix is installed; empty otherwise. */
    Optional<PostlogMailLog> mailLog(Ports instancePorts, Path configDirectory) {
        Optional<Path> postlog = program(instancePorts, "postlog");
        // postlog reads main.cf without a limit: only one that only root can change, regular and small
        if (postlog.isPresent() && ConfigurationTrust.postfixMayRead(configDirectory, instancePorts.files())) {
            return Optional.of(new PostlogMailLog(postlog.get(), configDirectory, "postfix/pftls"));
        }
        return Optional.empty();
    }

    /** Whether Postfix's own commands are installed on this host (the demo says so). */
    boolean postfixOnHost() {
        return selection.programs().directory().isPresent();
    }

    /**
     * How the wizard makes new keys (as soon as the Key step is answered): RSA keys in a child JVM
     * with C2 (the wizard's own runs C1 only, and RSA key generation is BigInteger arithmetic), ECDSA
     * keys here (a few milliseconds either way).
     */
    KeyPairSource wizardKeys(Ports instancePorts) {
        KeyPairSource here = spec -> new KeyMaker(instancePorts.random()).generate(spec);
        KeyPairSource forked = ForkedKeyMaker.likeThisJvm(here);
        return spec -> (spec.algorithm() == KeyAlgorithm.RSA ? forked : here).make(spec);
    }

    /** certbot's directory of live certificates. */
    Path letsEncryptLive() {
        return LETS_ENCRYPT_LIVE;
    }
}
