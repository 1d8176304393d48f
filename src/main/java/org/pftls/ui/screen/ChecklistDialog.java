package org.pftls.ui.screen;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.CheckBoxList;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import java.util.List;
import java.util.Set;
import org.pftls.ui.flow.ReviewBlock;

/**
 * The check boxes of a Review checklist: Space ticks or unticks the entry under the cursor; Done
 * keeps the choice (what is unticked goes into the answers) and redraws the Review.
 */
final class ChecklistDialog {
    private ChecklistDialog() {
    }

    static void open(WindowBasedTextGUI gui, DisplayStyle style, ReviewBlock.Checklist list, Set<String> unticked,
                     Runnable changed) {
        BasicWindow window = new BasicWindow(style.text("Choose the changes"));
        window.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
        List<ReviewBlock.Entry> offered = list.offered();
        CheckBoxList<String> boxes = new CheckBoxList<>(new TerminalSize(Dimensions.TEXT_WIDTH - 12,
                Math.min(12, offered.size())));
        for (ReviewBlock.Entry e : offered) {
            boxes.addItem(style.text(e.text()), !unticked.contains(e.id()));
        }
        com.googlecode.lanterna.gui2.Panel panel = new com.googlecode.lanterna.gui2.Panel(new LinearLayout());
        panel.addComponent(boxes);
        panel.addComponent(new Button("Done", () -> {
            for (int i = 0; i < offered.size(); i++) {
                if (boxes.isChecked(i)) {
                    unticked.remove(offered.get(i).id());
                } else {
                    unticked.add(offered.get(i).id());
                }
            }
            window.close();
            changed.run();
        }), LinearLayout.createLayoutData(LinearLayout.Alignment.End));
        panel.addComponent(new Label(style.text(style.upDown() + ": move   Space: tick or untick   Tab, Enter: done")));
        window.setComponent(panel);
        gui.addWindow(window);
        window.setFocusedInteractable(boxes);
    }
}
