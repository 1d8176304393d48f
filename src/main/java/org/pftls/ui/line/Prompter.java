package org.pftls.ui.line;

import java.io.IOError;
import java.io.PrintWriter;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.pftls.engine.UntrustedText;

/**
 * Asks one question at a time on a JLine terminal with plain {@link LineReader} prompts (no
 * cursor movement, so it works on dumb terminals and with piped input) and prints plain lines.
 * On a terminal that does not echo what is typed (input from a pipe or a file), the answer is
 * printed after the prompt, so the transcript reads like a session.
 */
final class Prompter {
    private final Terminal terminal;
    private final boolean echo;
    private final LineReader plain;
    private final LineReader paths;
    /** Ctrl-C while no question was asked (the line reader handles it during a question). */
    private volatile boolean interrupted;

    /**
     * @param terminal      where to ask
     * @param echo          print each answer after its prompt (input is not a terminal)
     * @param pathCompleter Tab completion for file-name questions
     */
    Prompter(Terminal terminal, boolean echo, Completer pathCompleter) {
        this.terminal = terminal;
        this.echo = echo;
        this.plain = reader(terminal, null);
        this.paths = reader(terminal, pathCompleter);
        terminal.handle(Terminal.Signal.INT, signal -> interrupted = true);
    }

    private static LineReader reader(Terminal terminal, Completer completer) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.BRACKETED_PASTE, false)
                .option(LineReader.Option.AUTO_FRESH_LINE, false)
                .option(LineReader.Option.DISABLE_HIGHLIGHTER, true)
                .variable(LineReader.BELL_STYLE, "none");
        if (completer != null) {
            b.completer(completer);
        }
        return b.build();
    }

    /**
     * Asks a question; Ctrl-C counts as quit, end of input as {@link Reply.Kind#END}. A tab in the
     * answer counts as a space; other control characters are kept visible, as {@code ?}, so they
     * are refused rather than silently dropped.
     */
    Reply ask(String prompt) {
        return read(plain, prompt);
    }

    /** Asks for a file name, with Tab completion of file names. */
    Reply askPath(String prompt) {
        return read(paths, prompt);
    }

    private Reply read(LineReader reader, String prompt) {
        terminal.flush();
        try {
            String line = reader.readLine(prompt).replace('\t', ' ').replaceAll("\\p{Cntrl}", "?");
            if (echo) {
                terminal.writer().println(line);
            }
            return Reply.of(line);
        } catch (UserInterruptException e) {
            if (echo || Terminal.TYPE_DUMB.equals(terminal.getType())) {
                terminal.writer().println();
            }
            return new Reply(Reply.Kind.QUIT, "");
        } catch (EndOfFileException | IOError e) {
            // IOError: the input broke (a closed pipe, a vanished terminal): as good as its end
            terminal.writer().println();
            return new Reply(Reply.Kind.END, "");
        }
    }

    /**
     * Whether Ctrl-C was pressed since the last call while no question was being asked (for
     * example while keys were made); clears it.
     */
    boolean takeInterrupt() {
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    /** Prints one line, with terminal controls from file names or certificates escaped (e.g. ESC as \\x1b). */
    void say(String line) {
        out().println(UntrustedText.escape(line));
    }

    /** The width to wrap prose to: the terminal's, at most {@link Paragraph#WIDTH}. */
    int width() {
        return Paragraph.widthFor(terminal.getWidth());
    }

    PrintWriter out() {
        return terminal.writer();
    }

    void flush() {
        terminal.flush();
    }
}
