package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Panels;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.pftls.engine.PftlsException;
import org.pftls.ui.TextWrap;
import org.pftls.ui.flow.WizardFlow;

/** Asks for a file name and saves the CSR there (a new file in the configuration directory, mode 0644). */
final class SaveCsrDialog {
    private SaveCsrDialog() {
    }

    static void open(WindowBasedTextGUI gui, WizardFlow flow, DisplayStyle style, Consumer<Path> saved) {
        BasicWindow window = new BasicWindow("Save the CSR");
        window.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
        ProblemLabel problem = new ProblemLabel(style);
        EntryField[] name = new EntryField[1];
        Runnable doSave = () -> {
            try {
                Path p = flow.saveCsr(name[0].getText());
                window.close();
                saved.accept(p);
            } catch (PftlsException e) {
                problem.problem(e.getMessage());
            }
        };
        name[0] = new EntryField(Dimensions.TEXT_WIDTH - 20, flow.suggestedCsrName(), doSave);
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label(TextWrap.block(style.text("File name (relative names are in "
                + flow.model().configDirectory() + "; an existing file is never overwritten):"),
                Dimensions.TEXT_WIDTH - 10, "")));
        panel.addComponent(name[0]);
        panel.addComponent(problem);
        panel.addComponent(Panels.horizontal(new Button("Cancel", window::close), new Button("Save", doSave)),
                LinearLayout.createLayoutData(LinearLayout.Alignment.End));
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
        gui.addWindow(window);
        window.setFocusedInteractable(name[0]);
    }
}
