package org.pftls.cli;

import java.io.IOException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;
import org.pftls.ui.line.JLineLogging;

/**
 * Looks at the real terminal with JLine: its type, whether terminfo describes it, whether it can
 * address the cursor, its size.
 * The probe terminal is closed before a wizard takes the terminal, so that only one owner saves
 * and restores the tty settings at a time.
 */
final class JLineTerminalProbe implements FrontEndChooser.TerminalProbe {

    @Override
    public FrontEndChooser.TerminalFacts probe() {
        try (JLineLogging quiet = JLineLogging.silence();
             Terminal t = TerminalBuilder.builder().system(true).dumb(true).build()) {
            Size size = t.getSize();
            // JLine caches the terminfo entry it loaded; when there was none it fell back to guesses.
            boolean described = t.getType().startsWith("dumb") || InfoCmp.getLoadedInfoCmp(t.getType()) != null;
            return new FrontEndChooser.TerminalFacts(t.getType(), described,
                    t.getStringCapability(Capability.cursor_address) != null, size.getColumns(), size.getRows());
        } catch (IOException | RuntimeException e) {
            return new FrontEndChooser.TerminalFacts("dumb", false, false, 0, 0);
        }
    }
}
