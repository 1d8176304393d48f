package org.pftls.ui.screen;

import org.pftls.ui.TextWrap;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only text that may be longer (or wider) than the screen: it takes the room the step has
 * and scrolls with the arrow keys and Page Up/Down when it has the focus.
 */
final class ScrollingText extends TextBox {
    private List<String> lines = List.of();
    private int wrappedFor = Dimensions.TEXT_WIDTH - 1;
    /** Keep the end in view (text was added there) until the operator scrolls. */
    private boolean atEnd;

    ScrollingText(DisplayStyle style, List<String> lines) {
        super(new TerminalSize(Dimensions.TEXT_WIDTH, 3), "", Style.MULTI_LINE);
        setReadOnly(true);
        setLayoutData(LinearLayout.createLayoutData(LinearLayout.Alignment.Fill, LinearLayout.GrowPolicy.CanGrow));
        show(style, lines);
    }

    /** Scrolls as the key says (Up, Down, Page Up, Page Down), whatever has the focus. */
    void scroll(KeyStroke key) {
        atEnd = false;
        handleKeyStroke(key);
        invalidate();
    }

    /** Shows the beginning of the text. */
    void toTop() {
        getRenderer().setViewTopLeft(TerminalPosition.TOP_LEFT_CORNER);
        invalidate();
    }

    /** Shows the end of the text (what was just added), also once the layout has given the box its size. */
    void toEnd() {
        atEnd = true;
        showEnd();
    }

    private void showEnd() {
        int rows = Math.max(1, getSize().getRows());
        getRenderer().setViewTopLeft(new TerminalPosition(0, Math.max(0, getLineCount() - rows)));
        invalidate();
    }

    /** Replaces the text. */
    void show(DisplayStyle style, List<String> newLines) {
        List<String> shown = new ArrayList<>();
        for (String line : newLines) {
            shown.add(printable(style.text(line)));
        }
        this.lines = shown;
        render();
    }

    /** The text folded to the width the box has now (two columns are kept for the scroll bar and the caret). */
    private void render() {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            for (String part : TextWrap.fold(line, wrappedFor)) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(part);
            }
        }
        setText(text.toString());
    }

    /** Re-folds the text when the layout gives the box a new width (the terminal was resized). */
    @Override
    public synchronized TextBox setSize(TerminalSize size) {
        TextBox self = super.setSize(size);
        int width = size.getColumns() - 2;
        if (width >= 20 && width != wrappedFor) {
            wrappedFor = width;
            render();
        }
        if (atEnd) {
            showEnd();
        }
        return self;
    }

    /** Tabs expanded to 8 columns, other control characters (a CR of a CRLF main.cf) shown as '?'. */
    static String printable(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                do {
                    b.append(' ');
                } while (b.length() % 8 != 0);
            } else {
                b.append(c < 0x20 || c == 0x7f ? '?' : c);
            }
        }
        return b.toString();
    }
}
