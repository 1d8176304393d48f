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
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.pftls.ui.flow.WizardModel;

/**
 * A file picker rooted at the configuration directory: it lists that directory and the
 * directories below it (never above), and gives back the chosen file's name relative to the root.
 * It does not block: the choice arrives through a callback.
 */
final class FilePicker {
    private static final int ROWS = 12;

    private final WindowBasedTextGUI gui;
    private final WizardModel model;
    private final DisplayStyle style;
    private final Path root;

    FilePicker(WindowBasedTextGUI gui, WizardModel model, DisplayStyle style) {
        this.gui = gui;
        this.model = model;
        this.style = style;
        this.root = model.configDirectory();
    }

    /** Opens the picker on the root directory; {@code chosen} gets the file name when one is picked. */
    void open(String what, Consumer<String> chosen) {
        BasicWindow window = new BasicWindow(style.text("Choose the " + what));
        window.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
        Label where = new Label("");
        ActionListBox list = new ActionListBox(new TerminalSize(Dimensions.TEXT_WIDTH - 16, ROWS));
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(where);
        panel.addComponent(list);
        Button cancel = new Button("Cancel", window::close);
        panel.addComponent(cancel, LinearLayout.createLayoutData(LinearLayout.Alignment.End));
        panel.addComponent(new Label(style.text(style.upDown() + ": move   Enter: open or choose   Esc: cancel")));
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
        show(root, where, list, window, chosen);
        gui.addWindow(window);
        window.setFocusedInteractable(list);
    }

    private void show(Path dir, Label where, ActionListBox list, Window window, Consumer<String> chosen) {
        where.setText(style.text("In " + dir + ":"));
        list.clearItems();
        if (!dir.equals(root)) {
            list.addItem("../  (up)", () -> show(dir.getParent(), where, list, window, chosen));
        }
        List<Path> entries = model.listFiles(dir);
        for (Path p : entries) {
            String name = style.text(p.getFileName().toString());
            if (model.isDirectory(p)) {
                list.addItem(name + "/", () -> show(p, where, list, window, chosen));
            } else {
                list.addItem(name, () -> {
                    window.close();
                    chosen.accept(root.relativize(p).toString());
                });
            }
        }
        if (list.getItemCount() == 0) {
            list.addItem("(no files here)", () -> { });
        }
        list.setSelectedIndex(0);
    }
}
