package org.pftls.ui.screen;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * A one-line text field with the usual line editing: Home/End and Ctrl-A/Ctrl-E go to the start
 * and end, Ctrl-U deletes up to the cursor, Ctrl-K from it, Ctrl-W the word before it; other
 * control keys are ignored (Lanterna's text box would insert their letter). Enter does the step's
 * obvious next thing instead of moving the focus.
 */
class EntryField extends TextBox {
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
        if (key.getKeyType() == KeyType.Character && (key.isCtrlDown() || key.isAltDown())) {
            if (key.isCtrlDown() && !key.isAltDown()) {
                edit(Character.toLowerCase(key.getCharacter()));
            }
            return Result.HANDLED;
        }
        return super.handleKeyStroke(key);
    }

    private void edit(char c) {
        String text = getText();
        int caret = Math.min(getCaretPosition().getColumn(), text.length());
        switch (c) {
            case 'a' -> setCaretPosition(0);
            case 'e' -> setCaretPosition(text.length());
            case 'u' -> replace("", text.substring(caret), 0);
            case 'k' -> replace(text.substring(0, caret), "", caret);
            case 'w' -> {
                int start = caret;
                while (start > 0 && text.charAt(start - 1) == ' ') {
                    start--;
                }
                while (start > 0 && text.charAt(start - 1) != ' ' && text.charAt(start - 1) != '/') {
                    start--;
                }
                if (start == caret && start > 0) {
                    start--; // a '/' right before the cursor goes on its own
                }
                replace(text.substring(0, start), text.substring(caret), start);
            }
            default -> {
                // not an editing key: ignored
            }
        }
    }

    /** Sets the text to {@code before + after} (the listeners see it as typed) with the caret at {@code caret}. */
    private void replace(String before, String after, int caret) {
        setText(before + after);
        setCaretPosition(caret);
    }
}
