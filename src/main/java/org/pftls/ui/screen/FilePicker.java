package org.pftls.ui.screen;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.pftls.ui.flow.FileBrowser;
import org.pftls.ui.flow.WizardModel;

/**
 * A file picker: it opens in the directory typed in the field (else the configuration directory),
 * goes up and into directories anywhere, opens a directory typed under the list, and offers
 * certbot's live certificate directories when there are any. The chosen file comes back relative
 * to the configuration directory when it is inside it, else absolute, never resolved through
 * symbolic links. It does not block: the choice arrives through a callback.
 */
final class FilePicker {
    private static final int ROWS = 11;

    private final WindowBasedTextGUI gui;
    private final WizardModel model;
    private final DisplayStyle style;

    FilePicker(WindowBasedTextGUI gui, WizardModel model, DisplayStyle style) {
        this.gui = gui;
        this.model = model;
        this.style = style;
    }

    /** Opens the picker where {@code typed} points; {@code chosen} gets the file name when one is picked. */
    void open(String what, String typed, Consumer<String> chosen) {
        FileBrowser browser = model.files();
        BasicWindow window = new BasicWindow(style.text("Choose the " + what));
        window.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
        Label where = new Label("");
        ActionListBox list = new ActionListBox(new TerminalSize(Dimensions.TEXT_WIDTH - 16, ROWS));
        ProblemLabel problem = new ProblemLabel(style);
        Listing listing = new Listing(browser, where, list, problem, window, chosen);
        EntryField open = new EntryField(Dimensions.TEXT_WIDTH - 30, "", null) {
            @Override
            public synchronized Result handleKeyStroke(KeyStroke key) {
                if (key.getKeyType() == KeyType.Enter) {
                    listing.typed(getText());
                    setText("");
                    return Result.HANDLED;
                }
                return super.handleKeyStroke(key);
            }
        };
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(where);
        panel.addComponent(list);
        panel.addComponent(new Label("Open a directory or file (type a path, Enter):"));
        panel.addComponent(open);
        panel.addComponent(problem);
        Button cancel = new Button("Cancel", window::close);
        panel.addComponent(cancel, LinearLayout.createLayoutData(LinearLayout.Alignment.End));
        panel.addComponent(new Label(style.text(style.upDown() + ": move   Enter: open or choose   Tab: type a path"
                + "   Esc: cancel")));
        window.setComponent(panel);
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onUnhandledInput(Window w, KeyStroke key, AtomicBoolean handled) {
                if (key.getKeyType() == KeyType.Escape) {
                    window.close();
                    handled.set(true);
                }
            }
        });
        listing.show(browser.startDirectory(typed));
        gui.addWindow(window);
        window.setFocusedInteractable(list);
    }

    /** What the list shows, and what choosing an entry does. */
    private final class Listing {
        private final FileBrowser browser;
        private final Label where;
        private final ActionListBox list;
        private final ProblemLabel problem;
        private final Window window;
        private final Consumer<String> chosen;
        private Path current;

        Listing(FileBrowser browser, Label where, ActionListBox list, ProblemLabel problem, Window window,
                Consumer<String> chosen) {
            this.browser = browser;
            this.where = where;
            this.list = list;
            this.problem = problem;
            this.window = window;
            this.chosen = chosen;
        }

        void show(Path dir) {
            current = dir;
            problem.clear();
            where.setText(style.text("In " + dir + ":"));
            list.clearItems();
            if (dir.getParent() != null) {
                list.addItem("../  (up)", () -> show(dir.getParent()));
            }
            if (dir.equals(browser.configDirectory())) {
                for (FileBrowser.Entry e : browser.letsEncrypt()) {
                    list.addItem(style.text("certbot: " + e.shown()), () -> show(e.path()));
                }
            }
            for (FileBrowser.Entry e : browser.list(dir)) {
                list.addItem(style.text(e.shown()), () -> {
                    if (e.directory()) {
                        show(e.path());
                    } else {
                        choose(e.path());
                    }
                });
            }
            if (list.getItemCount() == 0) {
                list.addItem("(no files here)", () -> { });
            }
            list.setSelectedIndex(0);
        }

        /** A path typed under the list: a directory opens, a file is chosen. */
        void typed(String text) {
            if (text.isBlank()) {
                return;
            }
            Path p = current.resolve(text.trim());
            if (browser.isDirectory(p)) {
                show(p);
                list.takeFocus();
            } else if (p.getParent() != null && browser.isDirectory(p.getParent())
                    && browser.list(p.getParent()).stream().anyMatch(e -> e.path().equals(p))) {
                choose(p);
            } else {
                problem.problem(p + " is not a directory or file that can be listed here");
            }
        }

        private void choose(Path p) {
            String name = browser.nameFor(p);
            if (!FileBrowser.typable(name)) {
                problem.problem(p + " has a terminal control character in its name (shown escaped); rename it"
                        + " (mv), then choose it");
                return;
            }
            window.close();
            chosen.accept(name);
        }
    }
}
