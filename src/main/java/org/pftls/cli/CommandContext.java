package org.pftls.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.pftls.adapters.PostconfInstallation;
import org.pftls.cli.json.JsonMessages;
import org.pftls.engine.PftlsException;
import org.pftls.engine.UntrustedText;
import org.pftls.engine.plan.ChangeService;
import org.pftls.engine.ports.Checkpoints;
import org.pftls.engine.ports.MessageSink;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.tls.Instance;
import org.pftls.engine.tls.TlsEngine;

/**
 * What every subcommand is given: the console ({@link ConsoleStreams}), the environment, the
 * chosen instance ({@link InstanceLocation}), the adapters ({@link Wiring}, made lazily so that
 * quick subcommands pay only for what they use) and the mail log ({@link MailLog}). It only
 * puts these together; each part does its own work.
 */
public final class CommandContext implements MessageSink, AutoCloseable {
    private final ConsoleStreams console;
    private final Map<String, String> env;
    private final Wiring wiring;
    private final InstanceLocation location;
    private final MailLog mailLog;
    private Ports ports;
    /** With --json: where messages go instead of stderr (they still reach the mail log); else null. */
    private JsonMessages captured;

    public CommandContext(ConsoleStreams console, Map<String, String> env, Wiring wiring) {
        this.console = console;
        this.env = env;
        this.wiring = wiring;
        this.location = new InstanceLocation(env, console.err());
        this.mailLog = new MailLog(() -> location.demo() ? java.util.Optional.empty()
                : wiring.mailLog(ports(), configDirectory()));
    }

    /** Around given ports, without a terminal and with nothing on stdin (tests). */
    public CommandContext(PrintStream out, PrintStream err, Map<String, String> env, Supplier<Ports> portsFactory) {
        this(ConsoleStreams.detached(out, err), env, Wiring.of(portsFactory, env));
    }

    /** The real adapters, production checkpoints (none), and these streams without a terminal. */
    public static CommandContext system(PrintStream out, PrintStream err, Map<String, String> env) {
        return new CommandContext(ConsoleStreams.detached(out, err), env, Wiring.system(Checkpoints.NONE, env));
    }

    public ConsoleStreams console() {
        return console;
    }

    public PrintStream out() {
        return console.out();
    }

    public PrintStream err() {
        return console.err();
    }

    public Map<String, String> env() {
        return env;
    }

    Wiring wiring() {
        return wiring;
    }

    public Ports ports() {
        if (ports == null) {
            ports = location.demo() ? Wiring.demo(wiring.ports()) : wiring.ports();
        }
        return ports;
    }

    /** --postfix-bin DIR (or null): which Postfix's programs to run; see {@link org.pftls.adapters.PostfixSelection}. */
    void choosePostfixPrograms(String option) throws PftlsException {
        wiring.choosePostfixPrograms(option);
    }

    /** -c DIR, else $MAIL_CONFIG, else the installed Postfix's config_directory, else /etc/postfix. */
    void chooseConfigDirectory(String option) {
        location.choose(option);
    }

    /** Makes a throw-away instance with a Debian-like main.cf and says where it is. */
    void startDemo() throws PftlsException {
        location.startDemo();
    }

    public boolean demo() {
        return location.demo();
    }

    public Path configDirectory() {
        return location.configDirectory(ports().postfix());
    }

    /** Whether the instance is the one pftls uses without -c (suggested commands then need no -c). */
    boolean defaultInstance() {
        return location.isDefault(ports().postfix());
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

    /** Lock, apply and log: the same service the wizards use; messages go to stderr and the mail log. */
    ChangeService changes() {
        return new ChangeService(configDirectory(), ports(), this);
    }

    /**
     * Messages go to stderr with the pftls: prefix (or, with --json, into the JSON object), and to
     * the mail log of a real instance; names and values from outside get no terminal controls through.
     */
    @Override
    public void message(Level level, String text) {
        String safe = UntrustedText.escape(text);
        if (captured != null) {
            captured.message(level, text);
        } else {
            console.message(level, safe);
        }
        mailLog.message(level, safe);
    }

    /** --json: from now on {@link #message} keeps messages in {@code into} (for the JSON object), not on stderr. */
    void captureMessages(JsonMessages into) {
        captured = into;
    }

    /** The messages kept since {@link #captureMessages}. */
    JsonMessages capturedMessages() {
        return captured;
    }

    /** A sink that only logs to the mail log (the wizards show messages on their own screens). */
    public MessageSink mailLogOnly() {
        return mailLog;
    }

    /**
     * Starts the info logger now, in the background: before main.cf is edited (postlog waits for a
     * just-edited main.cf), and while the command does its own work.
     */
    void prepareLogging() {
        mailLog.prestart();
    }

    void printLines(Iterable<String> lines) {
        console.printLines(lines);
    }

    void printBytes(String text) {
        console.printBytes(text);
    }

    @Override
    public void close() {
        console.flush();
        mailLog.close();
    }
}
