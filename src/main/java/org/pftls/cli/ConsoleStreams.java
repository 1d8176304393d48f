package org.pftls.cli;

import org.pftls.engine.UntrustedText;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Supplier;
import org.pftls.engine.ports.MessageSink.Level;

/**
 * The process's standard input, output and error, and its terminal (if stdin and stdout are
 * one), injected: nothing below the entry point reads {@code System.in} or asks
 * {@code System.console()}. Messages are printed here with the {@code pftls: } prefixes.
 */
public final class ConsoleStreams {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<Console> consoleLookup;
    private Optional<Console> console;

    /**
     * @param consoleLookup the terminal, or null when there is none; asked at most once, and only
     *                      when a command needs it (asking costs a little at every start)
     */
    public ConsoleStreams(InputStream in, PrintStream out, PrintStream err, Supplier<Console> consoleLookup) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.consoleLookup = consoleLookup;
    }

    /** The process's own streams and terminal. */
    public static ConsoleStreams system() {
        return new ConsoleStreams(System.in, System.out, System.err, System::console);
    }

    /** Streams without a terminal and with nothing to read (tests, the man page generator). */
    public static ConsoleStreams detached(PrintStream out, PrintStream err) {
        return new ConsoleStreams(InputStream.nullInputStream(), out, err, () -> null);
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** The terminal that stdin and stdout are, if they are one. */
    public Optional<Console> console() {
        if (console == null) {
            console = Optional.ofNullable(consoleLookup.get());
        }
        return console;
    }

    /** Whether stdin and stdout are a terminal. */
    public boolean terminal() {
        return console().isPresent();
    }

    /** A message on stderr: {@code pftls: }, {@code pftls: warning: }, ... */
    void message(Level level, String text) {
        err.println(prefix(level) + text);
    }

    static String prefix(Level level) {
        return switch (level) {
            case INFO -> "pftls: ";
            case WARNING -> "pftls: warning: ";
            case ERROR -> "pftls: error: ";
            case FATAL -> "pftls: fatal: ";
        };
    }

    void printLines(Iterable<String> lines) {
        for (String l : lines) {
            out.println(UntrustedText.escape(l)); // names and values from outside: no terminal controls
        }
    }

    void printBytes(String text) {
        out.print(text);
        out.flush();
    }

    void flush() {
        out.flush();
        err.flush();
    }
}
