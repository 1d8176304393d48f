package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import java.util.List;
import java.util.Optional;

/** Step 1, Detect: what is configured now (the same report as {@code pftls status}). */
final class DetectView implements StepView {
    private final DisplayStyle style;
    private final ScrollingText report;
    private final Button next;
    private final Button quit;

    DetectView(List<String> lines, DisplayStyle style, Navigator nav) {
        this.style = style;
        this.report = new ScrollingText(style, lines);
        this.next = new Button("Next", nav::next);
        this.quit = new Button("Quit", nav::quit);
    }

    @Override
    public Component body() {
        return report;
    }

    @Override
    public List<Button> buttons() {
        return List.of(quit, next);
    }

    @Override
    public Interactable initialFocus() {
        return next;
    }

    @Override
    public Optional<ScrollingText> scrolled() {
        return Optional.of(report);
    }

    @Override
    public String help(Interactable focused) {
        return "Enter: " + (focused == quit ? "quit" : "next") + "   Tab: other button   " + style.upDown()
                + "/PgUp/PgDn: scroll   Esc: quit";
    }
}
