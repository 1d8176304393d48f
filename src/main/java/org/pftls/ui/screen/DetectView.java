package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import java.util.List;
import org.pftls.engine.tls.Detection;
import org.pftls.ui.DetectionReport;

/** Step 1, Detect: what is configured now (the same report as {@code pftls status}). */
final class DetectView implements StepView {
    private final DisplayStyle style;
    private final ScrollingText report;
    private final Button next;
    private final Button quit;

    DetectView(Detection detection, DisplayStyle style, Navigator nav) {
        this.style = style;
        this.report = new ScrollingText(style, DetectionReport.lines(detection));
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
    public String help() {
        return "Enter: next   Tab: move   " + style.upDown() + ": scroll the text   Esc: quit";
    }
}
