package org.pftls.ui.screen;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Separator;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pftls.engine.PftlsException;
import org.pftls.ui.TextWrap;
import org.pftls.ui.flow.Ending;
import org.pftls.ui.flow.Outcome;
import org.pftls.ui.flow.Prepared;
import org.pftls.ui.flow.QuitQuestion;
import org.pftls.ui.flow.ReviewDocument;
import org.pftls.ui.flow.ReviewSection;
import org.pftls.ui.flow.StepKind;
import org.pftls.ui.flow.WizardFlow;

/**
 * The wizard's one window: it shows the flow's current step (the step's panel is swapped in),
 * passes Next, Back and quitting on to the {@link WizardFlow}, runs the flow's jobs (Generate,
 * apply, reload) on the background {@link Executor} and posts their results back to the GUI
 * thread, and explains when the terminal is too small. It knows nothing of the real terminal:
 * tests run it on a virtual one.
 */
final class WizardWindow implements Navigator {
    private final WindowBasedTextGUI gui;
    private final WizardFlow flow;
    private final DisplayStyle style;
    private final Executor worker;
    private final StepViews views;
    private final Label help = new Label("");
    private final BasicWindow window = new BasicWindow() {
        @Override
        public boolean handleInput(KeyStroke key) {
            boolean handled = super.handleInput(key);
            showHelp();
            return handled;
        }
    };

    private StepView view;
    private ReviewDocument lastReview;
    private Panel frame;
    private boolean applying;
    /** True from the start of an apply until it has finished, as seen from any thread. */
    private final AtomicBoolean applyRunning = new AtomicBoolean();
    /** The outcome of an apply, as soon as the worker has it (the GUI may be gone by then). */
    private volatile Outcome appliedInBackground;
    private boolean tooSmall;
    private Interactable focusBeforeTooSmall;
    /** Set when the wizard ends by the operator's choice; null while it runs. */
    private Ending ending;

    WizardWindow(WindowBasedTextGUI gui, WizardFlow flow, DisplayStyle style, Executor worker) {
        this.gui = gui;
        this.flow = flow;
        this.style = style;
        this.worker = worker;
        this.views = new StepViews(gui, flow, style, this, new Jobs(worker, gui));
        window.setHints(Set.of(Window.Hint.FULL_SCREEN));
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window w, KeyStroke key, AtomicBoolean deliver) {
                if (isQuitKey(key)) {
                    deliver.set(false);
                    quit();
                } else if (scrolls(key)) {
                    deliver.set(false);
                }
            }

            @Override
            public void onResized(Window w, TerminalSize oldSize, TerminalSize newSize) {
                gui.getGUIThread().invokeLater(WizardWindow.this::checkSize);
            }
        });
        show();
        checkSize();
    }

    static boolean isQuitKey(KeyStroke key) {
        return key.getKeyType() == KeyType.Escape
                || key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'c';
    }

    /** Up, Down, Page Up and Page Down scroll the step's text, whatever has the focus. */
    private boolean scrolls(KeyStroke key) {
        KeyType t = key.getKeyType();
        if (t != KeyType.ArrowUp && t != KeyType.ArrowDown && t != KeyType.PageUp && t != KeyType.PageDown) {
            return false;
        }
        Optional<ScrollingText> text = view.scrolled();
        if (text.isEmpty() || tooSmall || window.getFocusedInteractable() == text.get()) {
            return false;
        }
        text.get().scroll(key);
        return true;
    }

    Window window() {
        return window;
    }

    /**
     * How the wizard ended: cancelled until it is finished; if the GUI stopped (the terminal went
     * away) after a change was applied, the summary of that change.
     */
    Ending result() {
        if (ending != null) {
            return ending;
        }
        Outcome late = appliedInBackground;
        if (late != null && flow.current() == StepKind.CONFIRM) {
            flow.applied(late);
        }
        return flow.appliedEnding().orElse(new Ending(1, List.of("pftls: wizard cancelled; nothing was changed.")));
    }

    /** Whether a change is being applied right now (it must be let finish before the process ends). */
    boolean applyRunning() {
        return applyRunning.get();
    }

    /** The whole text of the step's scrolled text (Detect, Review, Done), also what is scrolled away: for tests. */
    String scrolledText() {
        return view.scrolled().map(ScrollingText::getText).orElse("");
    }

    /** The kinds of the last Review's sections (for tests). */
    List<ReviewSection.Kind> reviewKinds() {
        return lastReview == null ? List.of() : lastReview.kinds();
    }

    /** The headings of the last Review's sections (for tests). */
    List<String> reviewHeadings() {
        return lastReview == null ? List.of()
                : lastReview.sections().stream().map(ReviewSection::heading).toList();
    }

    /** The step on screen (for tests and screenshots). */
    StepKind current() {
        return flow.current();
    }

    // ---- navigation ----

    @Override
    public void next() {
        if (applying || !view.commit()) {
            return;
        }
        if (flow.current() == StepKind.DONE) {
            end(flow.finish());
            return;
        }
        flow.next();
        show();
    }

    @Override
    public void back() {
        if (applying || !flow.canGoBack()) {
            return;
        }
        view.keepAnswers();
        flow.back();
        show();
    }

    @Override
    public void quit() {
        if (applying) {
            return;
        }
        if (flow.current() == StepKind.DONE) {
            end(flow.finish());
            return;
        }
        QuitQuestion q = flow.quitQuestion();
        QuitDialog.show(gui, style, q, this::quitAs);
    }

    private void quitAs(QuitQuestion.Choice choice) {
        try {
            flow.quit(choice).ifPresent(this::end);
        } catch (PftlsException e) {
            ChoiceDialog.message(gui, style, "Could not keep the files", e.getMessage());
        }
    }

    private void end(Ending e) {
        ending = e;
        window.close();
    }

    // ---- showing a step ----

    private void show() {
        if (view instanceof GenerateView g) {
            g.stopped();
        }
        view = views.create(flow.current());
        if (flow.current() == StepKind.REVIEW) {
            lastReview = flow.review();
        }
        frame = frame(view);
        window.setTitle(style.text("pftls " + style.dash() + " " + flow.title()
                + (flow.model().demo() ? "   [DEMO SANDBOX]" : "")));
        if (tooSmall) {
            focusBeforeTooSmall = view.initialFocus();
        } else {
            window.setComponent(frame);
            window.setFocusedInteractable(view.initialFocus());
        }
        showHelp();
        if (flow.current() == StepKind.GENERATE) {
            generate((GenerateView) view);
        }
    }

    private void showHelp() {
        if (view != null) {
            help.setText(style.text(view.help(window.getFocusedInteractable())));
        }
    }

    /** The step indicator: every step of the task, the current one in brackets. */
    private String indicator() {
        List<String> names = new ArrayList<>();
        for (StepKind k : flow.steps()) {
            names.add(k == flow.current() ? "[" + k.title() + "]" : k.title());
        }
        return style.text(String.join(style.stepSeparator(), names));
    }

    private Panel frame(StepView v) {
        Panel p = new Panel(new LinearLayout());
        p.addComponent(new Label(indicator()));
        if (flow.model().demo()) {
            Label demo = new Label(style.text("DEMO SANDBOX: a throw-away configuration; nothing else is touched."));
            demo.addStyle(SGR.REVERSE);
            p.addComponent(demo);
        }
        Label question = new Label(style.text(flow.current().question()));
        question.addStyle(SGR.BOLD);
        if (style.color()) {
            question.setForegroundColor(TextColor.ANSI.BLUE);
        }
        p.addComponent(question);
        p.addComponent(v.body(), LinearLayout.createLayoutData(LinearLayout.Alignment.Fill,
                LinearLayout.GrowPolicy.CanGrow));
        Panel row = new Panel(new LinearLayout(Direction.HORIZONTAL));
        for (Button b : v.buttons()) {
            row.addComponent(b);
        }
        p.addComponent(row, LinearLayout.createLayoutData(LinearLayout.Alignment.End));
        p.addComponent(new Separator(Direction.HORIZONTAL), LinearLayout.createLayoutData(LinearLayout.Alignment.Fill));
        p.addComponent(help);
        return p;
    }

    // ---- terminal size ----

    private void checkSize() {
        TerminalSize size = gui.getScreen().getTerminalSize();
        boolean small = size.getColumns() < Dimensions.MIN_COLUMNS || size.getRows() < Dimensions.MIN_ROWS;
        if (small) {
            if (!tooSmall) {
                focusBeforeTooSmall = window.getFocusedInteractable();
            }
            Panel notice = new Panel(new LinearLayout());
            int width = Math.max(10, size.getColumns() - 4);
            notice.addComponent(new Label(TextWrap.block("The terminal is " + size.getColumns() + "x"
                    + size.getRows() + "; the wizard needs at least " + Dimensions.MIN_COLUMNS + "x"
                    + Dimensions.MIN_ROWS + ". Make it larger: your answers are kept. Esc quits; pftls --plain"
                    + " works on small terminals.", width, "")));
            window.setComponent(notice);
        } else if (tooSmall) {
            window.setComponent(frame);
            window.setFocusedInteractable(focusBeforeTooSmall != null ? focusBeforeTooSmall : view.initialFocus());
        }
        tooSmall = small;
    }

    // ---- background work ----

    private void post(Runnable r) {
        gui.getGUIThread().invokeLater(r);
    }

    private void generate(GenerateView g) {
        WizardFlow.Generation job = flow.generate();
        g.started();
        worker.execute(() -> {
            String failure = null;
            Prepared made = null;
            try {
                made = job.work().call();
            } catch (PftlsException e) {
                failure = e.getMessage();
            } catch (Exception e) {
                failure = "internal error: " + e;
            }
            Prepared result = made;
            String why = failure;
            post(() -> {
                if (result != null) {
                    if (flow.generated(job.id(), result)) {
                        show();
                    }
                } else if (flow.generateFailed(job.id())) {
                    g.failed(why);
                    showHelp(); // nothing works in the background any more
                }
            });
        });
    }

    /** The Confirm step's apply button. */
    void apply(ConfirmView confirm) {
        if (applying) {
            return;
        }
        applying = true;
        confirm.applying();
        var job = flow.apply();
        applyRunning.set(true);
        worker.execute(() -> {
            Outcome done = null;
            String failure = null;
            try {
                done = job.call();
                appliedInBackground = done;
            } catch (PftlsException e) {
                failure = e.getMessage();
            } catch (Exception e) {
                failure = "internal error: " + e;
            } finally {
                applyRunning.set(false);
            }
            Outcome o = done;
            String why = failure;
            post(() -> {
                applying = false;
                if (o != null) {
                    flow.applied(o);
                    show();
                } else {
                    confirm.failed(flow.applyFailed(why));
                }
            });
        });
    }
}
