package org.pftls.ui.screen;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.terminal.swing.TerminalEmulatorColorConfiguration;
import com.googlecode.lanterna.terminal.swing.TerminalEmulatorPalette;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the cells of a virtual terminal into a PNG with Java2D (headless), in DejaVu Sans Mono
 * loaded by path (a missing font must fail, not silently become a proportional one), with the
 * VGA palette that Lanterna's own Swing terminal uses. Bold brightens the foreground only; the
 * cursor, when visible, is a reversed cell.
 */
final class PngRenderer {
    static final Path FONT_DIR = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final float FONT_SIZE = 16f;

    private final Font regular;
    private final Font bold;
    private final TerminalEmulatorColorConfiguration palette =
            TerminalEmulatorColorConfiguration.newInstance(TerminalEmulatorPalette.STANDARD_VGA);

    PngRenderer() {
        this.regular = load("DejaVuSansMono.ttf");
        this.bold = load("DejaVuSansMono-Bold.ttf");
    }

    private static Font load(String name) {
        File file = FONT_DIR.resolve(name).toFile();
        if (!file.isFile()) {
            throw new IllegalStateException(file + " is missing: install the Debian package fonts-dejavu-core");
        }
        try {
            Font f = Font.createFont(Font.TRUETYPE_FONT, file).deriveFont(FONT_SIZE);
            if (!f.getFamily().startsWith("DejaVu Sans Mono")) {
                throw new IllegalStateException(file + " is not DejaVu Sans Mono but " + f.getFamily());
            }
            return f;
        } catch (FontFormatException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(DefaultVirtualTerminal terminal, Path png) {
        TerminalSize size = terminal.getTerminalSize();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        FontMetrics fm = sg.getFontMetrics(regular);
        int cw = fm.charWidth('M');
        int ch = fm.getAscent() + fm.getDescent();
        sg.dispose();
        BufferedImage img = new BufferedImage(size.getColumns() * cw, size.getRows() * ch, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        var cursor = terminal.isCursorVisible() ? terminal.getCursorPosition() : null;
        for (int row = 0; row < size.getRows(); row++) {
            for (int col = 0; col < size.getColumns(); col++) {
                TextCharacter tc = terminal.getCharacter(col, row);
                Color fg = palette.toAWTColor(tc.getForegroundColor(), true, tc.isBold());
                Color bg = palette.toAWTColor(tc.getBackgroundColor(), false, false);
                boolean atCursor = cursor != null && cursor.getColumn() == col && cursor.getRow() == row;
                if (tc.isReversed() != atCursor) {
                    Color t = fg;
                    fg = bg;
                    bg = t;
                }
                int width = tc.isDoubleWidth() ? 2 * cw : cw;
                g.setColor(bg);
                g.fillRect(col * cw, row * ch, width, ch);
                g.setColor(fg);
                g.setFont(tc.isBold() ? bold : regular);
                g.drawString(tc.getCharacterString(), col * cw, row * ch + fm.getAscent());
                if (tc.isUnderlined()) {
                    g.drawLine(col * cw, row * ch + ch - 2, col * cw + width - 1, row * ch + ch - 2);
                }
                if (tc.isDoubleWidth()) {
                    col++;
                }
            }
        }
        g.dispose();
        try {
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
