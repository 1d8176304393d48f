package org.pftls.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pftls.adapters.KernelRandom;
import org.pftls.adapters.KernelHostName;
import org.pftls.adapters.PosixFileStore;
import org.pftls.adapters.PostconfInstallation;
import org.pftls.adapters.PostfixSelection;
import org.pftls.adapters.PostlogMailLog;
import org.pftls.adapters.TestCheckpoints;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.ports.Checkpoints;
import org.pftls.engine.ports.MessageSink;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.tls.Instance;
import org.pftls.engine.tls.TlsEngine;
import org.pftls.ui.flow.WizardModel;
import org.pftls.adapters.PostfixCommandControl;

/**
 * What every subcommand shares: the streams, the environment, the chosen instance and the
 * adapters, made lazily so that quick subcommands pay only for what they use.
 */
public final class CommandContext implements MessageSink, AutoCloseable {
    static final Path POSTFIX_COMMANDS = Path.of("/usr/sbin");
    private static final String DEMO_RESOURCE = "/org/pftls/cli/demo-main.cf";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Function<CommandContext, Ports> portsFactory;
    private final PostfixSelection postfix;
    private Ports ports;
    private Path configDirectory;
    private boolean demo;
    private PostlogMailLog mailLog;

    /** The real thing: host file system, installed Postfix if any, system clock. */
    public static CommandContext system(PrintStream out, PrintStream err, Map<String, String> env) {
        Checkpoints checkpoints = TestCheckpoints.fromEnvironment(env, err, System.in); // no-op unless testing
        return new CommandContext(out, err, env, ctx -> realPorts(checkpoints, ctx));
    }

    public CommandContext(PrintStream out, PrintStream err, Map<String, String> env, Supplier<Ports> portsFactory) {
        this(out, err, env, ctx -> portsFactory.get());
    }

    private CommandContext(PrintStream out, PrintStream err, Map<String, String> env,
                           Function<CommandContext, Ports> portsFactory) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.portsFactory = portsFactory;
        this.postfix = new PostfixSelection(env);
    }

    private static Ports realPorts(Checkpoints checkpoints, CommandContext ctx) {
        SecureRandom random = new KernelRandom(); // /dev/urandom, opened on first use: see its Javadoc
        return new Ports(new PosixFileStore(random, checkpoints), ctx.postfix.installation(), new KernelHostName(),
                Clock.systemUTC(), random);
    }

    /** A program of the Postfix that answers for the instance (none for built-in answers: demo, tests). */
    private java.util.Optional<Path> program(String name) {
        return ports().postfix().programDirectory().map(d -> d.resolve(name)).filter(Files::isExecutable);
    }

    /** --postfix-bin DIR (or null): which Postfix's programs to run; see {@link PostfixSelection}. */
    void choosePostfixPrograms(String option) throws PftlsException {
        postfix.choose(option);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }

    public Ports ports() {
        if (ports == null) {
            ports = demo ? demoPorts() : portsFactory.apply(this);
        }
        return ports;
    }

    private Ports demoPorts() {
        Ports real = portsFactory.apply(this);
        return new Ports(real.files(), new BuiltinPostfix37(), real.hostNames(), real.clock(), real.random());
    }

    /** -c DIR, else $MAIL_CONFIG, else the installed Postfix's config_directory, else /etc/postfix. */
    void chooseConfigDirectory(String option) {
        if (option != null && !option.isEmpty()) {
            configDirectory = Path.of(option).toAbsolutePath().normalize();
        } else if (env.get("MAIL_CONFIG") != null && !env.get("MAIL_CONFIG").isEmpty()) {
            configDirectory = Path.of(env.get("MAIL_CONFIG")).toAbsolutePath().normalize();
        } else {
            configDirectory = null; // decided lazily: asking postconf costs a process
        }
    }

    /** Makes a throw-away instance with a Debian-like main.cf and says where it is. */
    void startDemo() throws PftlsException {
        demo = true;
        try {
            String tmp = env.get("TMPDIR");
            Path dir = tmp == null || tmp.isEmpty() ? Files.createTempDirectory("pftls-demo-")
                    : Files.createTempDirectory(Path.of(tmp), "pftls-demo-");
            try (var in = CommandContext.class.getResourceAsStream(DEMO_RESOURCE)) {
                Files.write(dir.resolve("main.cf"), in.readAllBytes());
            }
            configDirectory = dir;
            err.println("pftls: demo sandbox: " + dir + " (a throw-away Postfix configuration with the built-in"
                    + " defaults of " + BuiltinPostfix37.MODEL + "; nothing else is touched)");
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot create the demo sandbox: " + e.getMessage()
                    + "; set TMPDIR to a writable directory", e);
        }
    }

    public boolean demo() {
        return demo;
    }

    public Path configDirectory() {
        if (configDirectory == null) {
            configDirectory = ports().postfix().installed()
                    ? Path.of(ports().postfix().defaultValue("config_directory").orElse("/etc/postfix"))
                    : Path.of("/etc/postfix");
        }
        return configDirectory;
    }

    /** For subcommands that always need Postfix's defaults: see {@link PostconfInstallation#prefetchDefaults}. */
    void prefetchPostfixDefaults() {
        if (ports().postfix() instanceof PostconfInstallation postconf) {
            postconf.prefetchDefaults();
        }
    }

    public TlsEngine engine() throws PftlsException {
        return new TlsEngine(Instance.read(configDirectory(), ports()));
    }

    /** Messages go to stderr with the pftls: prefix, and to the mail log of a real instance. */
    @Override
    public void message(Level level, String text) {
        String prefix = switch (level) {
            case INFO -> "pftls: ";
            case WARNING -> "pftls: warning: ";
            case ERROR -> "pftls: error: ";
            case FATAL -> "pftls: fatal: ";
        };
        err.println(prefix + text);
        PostlogMailLog log = mailLog();
        if (log != null) {
            log.log(level, text);
        }
    }

    /** A sink that only logs to the mail log (the wizards show messages on their own screens). */
    public MessageSink mailLogOnly() {
        return (level, text) -> {
            PostlogMailLog log = mailLog();
            if (log != null) {
                log.log(level, text);
            }
        };
    }

    /** The wizard model on the chosen instance (shared by the full-screen and line-mode wizards). */
    public WizardModel wizardModel() throws PftlsException {
        Path dir = configDirectory();
        return new WizardModel(dir, () -> Instance.read(dir, ports()), mailLogOnly(),
                new PostfixCommandControl(program("postfix").orElse(POSTFIX_COMMANDS.resolve("postfix")), dir), demo);
    }

    /**
     * Starts the info logger now, in the background: before main.cf is edited (postlog waits for a
     * just-edited main.cf), and while the command does its own work.
     */
    void prepareLogging() {
        PostlogMailLog log = mailLog();
        if (log != null) {
            log.prestartInBackground(Level.INFO);
        }
    }

    private PostlogMailLog mailLog() {
        if (mailLog == null && !demo) {
            java.util.Optional<Path> postlog = program("postlog");
            if (postlog.isPresent()) {
                mailLog = new PostlogMailLog(postlog.get(), configDirectory(), "postfix/pftls");
            }
        }
        return mailLog;
    }

    void printLines(Iterable<String> lines) {
        for (String l : lines) {
            out.println(l);
        }
    }

    void printBytes(String text) {
        out.print(text);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
        err.flush();
        if (mailLog != null) {
            mailLog.close();
        }
    }

}
