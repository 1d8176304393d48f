package org.pftls.ui.screen;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Lanterna's Unix terminal, but asking stty for the size. Lanterna's own way (move the cursor to
 * 5000,5000 and wait up to 5 s for a position report) stalls over slow SSH links and can leave
 * the cursor misplaced. Ctrl-C arrives as a key (the wizard asks before quitting).
 */
final class SttyTerminal extends UnixTerminal {
    SttyTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
    }

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        String[] rowsColumns = runSTTYCommand("size").trim().split("\\s+");
        if (rowsColumns.length == 2) {
            try {
                int rows = Integer.parseInt(rowsColumns[0]);
                int columns = Integer.parseInt(rowsColumns[1]);
                if (rows > 0 && columns > 0) {
                    return new TerminalSize(columns, rows);
                }
            } catch (NumberFormatException e) {
                // fall through to Lanterna's way
            }
        }
        return super.findTerminalSize();
    }
}
