package org.pftls.ui.screen;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** A one-line text field where Enter does the step's obvious next thing instead of moving the focus. */
final class EntryField extends TextBox {
    private final Runnable onEnter;

    EntryField(int width, String text, Runnable onEnter) {
        super(new TerminalSize(width, 1), text);
        this.onEnter = onEnter;
        setCaretPosition(text.length());
    }

    @Override
    public synchronized Result handleKeyStroke(KeyStroke key) {
        if (key.getKeyType() == KeyType.Enter) {
            onEnter.run();
            return Result.HANDLED;
        }
        return super.handleKeyStroke(key);
    }
}
