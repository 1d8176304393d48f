package org.pftls.ui.screen;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.function.Consumer;
import org.pftls.ui.flow.FileBrowser;

/**
 * A file-name field: line editing, and Tab completion as in line mode (relative to the
 * configuration directory): Tab completes a unique name, or as much as all candidates share and
 * lists them; a Tab that has nothing more to complete (or on an empty field) moves on.
 */
final class FileField extends EntryField {
    private final FileBrowser browser;
    private final Consumer<List<String>> showCandidates;
    private String listedFor;

    /**
     * @param showCandidates shows the candidates of an ambiguous completion (an empty list clears them)
     */
    FileField(int width, String text, Runnable onEnter, FileBrowser browser, Consumer<List<String>> showCandidates) {
        super(width, text, onEnter);
        this.browser = browser;
        this.showCandidates = showCandidates;
    }

    @Override
    public synchronized Result handleKeyStroke(KeyStroke key) {
        if (key.getKeyType() != KeyType.Tab) {
            return super.handleKeyStroke(key);
        }
        String typed = getText();
        List<String> candidates = typed.isEmpty() ? List.of() : browser.complete(typed);
        String target = candidates.size() == 1 ? candidates.get(0) : FileBrowser.commonPrefix(candidates);
        if (target.length() > typed.length()) {
            setText(target);
            setCaretPosition(target.length());
            showCandidates.accept(candidates.size() > 1 ? candidates : List.of());
            listedFor = candidates.size() > 1 ? target : null;
            return Result.HANDLED;
        }
        if (candidates.size() > 1 && !typed.equals(listedFor)) {
            showCandidates.accept(candidates);
            listedFor = typed;
            return Result.HANDLED;
        }
        showCandidates.accept(List.of());
        listedFor = null;
        return Result.MOVE_FOCUS_NEXT;
    }
}
