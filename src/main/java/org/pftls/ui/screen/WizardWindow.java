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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.pftls.engine.PftlsException;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.Outcome;
import org.pftls.ui.flow.Prepared;
import org.pftls.ui.flow.StepKind;
import org.pftls.ui.flow.Task;
import org.pftls.ui.flow.WizardModel;

/**
 * The wizard's one window: it shows one step at a time (the step's panel is swapped in), walks the
 * model's step list forwards and back with one {@link Answers} object, runs Generate, Apply and
 * reload on the background {@link Executor} (posting results back to the GUI thread), asks before
 * quitting, and explains when the terminal is too small. It knows nothing of the real terminal:
 * tests run it on a virtual one.
 */
final class WizardWindow implements Navigator {
    private final WindowBasedTextGUI gui;
    private final WizardModel model;
    private final DisplayStyle style;
    private final Executor worker;
    private final BasicWindow window = new BasicWindow();
    private final Answers answers = new Answers();
    private final FilePicker picker;
    private final List<String> afterDone = new ArrayList<>();

    private StepKind current;
    private StepView view;
    private Panel frame;
    private Prepared prepared;
    private Outcome outcome;
    /** Id of the newest background job; results of older ones (Back, quit) are dropped. */
    private int job;
    private boolean applying;
    /** True from the start of an apply until it has finished, as seen from any thread. */
    private final AtomicBoolean applyRunning = new AtomicBoolean();
    /** The outcome of an apply, as soon as the worker has it (the GUI may be gone by then). */
    private volatile Outcome appliedInBackground;
    private boolean hostNamesFilled;
    /** Set when applying failed: the plan may rest on a main.cf that has changed since; Back makes a new one. */
    private boolean planStale;
    private boolean tooSmall;
    private Interactable focusBeforeTooSmall;
    private Path savedCsr;
    /** Set when the wizard ends by the operator's choice; null while it runs. */
    private WizardResult result;

    WizardWindow(WindowBasedTextGUI gui, WizardModel model, DisplayStyle style, Executor worker) {
        this.gui = gui;
        this.model = model;
        this.style = style;
        this.worker = worker;
        this.picker = new FilePicker(gui, model, style);
        window.setHints(Set.of(Window.Hint.FULL_SCREEN));
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window w, KeyStroke key, AtomicBoolean deliver) {
                if (isQuitKey(key)) {
                    deliver.set(false);
                    quit();
                }
            }

            @Override
            public void onResized(Window w, TerminalSize oldSize, TerminalSize newSize) {
                gui.getGUIThread().invokeLater(WizardWindow.this::checkSize);
            }
        });
        show(StepKind.DETECT);
        checkSize();
    }

    static boolean isQuitKey(KeyStroke key) {
        return key.getKeyType() == KeyType.Escape
                || key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'c';
    }

    Window window() {
        return window;
    }

    /**
     * How the wizard ended: cancelled until it is finished; if the GUI stopped (the terminal went
     * away) after a change was applied, the summary of that change.
     */
    WizardResult result() {
        if (result != null) {
            return result;
        }
        if (outcome == null) {
            outcome = appliedInBackground;
        }
        return outcome != null ? new WizardResult(0, summary()) : WizardResult.cancelled();
    }

    /** Whether a change is being applied right now (it must be let finish before the process ends). */
    boolean applyRunning() {
        return applyRunning.get();
    }

    /** The step on screen (for tests and screenshots). */
    StepKind current() {
        return current;
    }

    // ---- navigation ----

    private List<StepKind> steps() {
        return model.steps(answers.task() != null ? answers.task() : model.defaultTask());
    }

    @Override
    public void next() {
        if (applying || !view.commit()) {
            return;
        }
        switch (current) {
            case REVIEW -> show(prepared.task().changes() && prepared.changesSomething()
                    ? StepKind.CONFIRM : StepKind.DONE);
            case DONE -> finish();
            default -> {
                List<StepKind> steps = steps();
                show(steps.get(steps.indexOf(current) + 1));
            }
        }
    }

    @Override
    public void back() {
        if (applying || current == StepKind.DETECT) {
            return;
        }
        view.keepAnswers();
        List<StepKind> steps = steps();
        int i = steps.indexOf(current) - 1;
        if (current == StepKind.CONFIRM && planStale) {
            i = steps.indexOf(StepKind.GENERATE);
        }
        if (steps.get(i) == StepKind.GENERATE) {
            i--;
        }
        if (current == StepKind.GENERATE || current == StepKind.REVIEW || planStale) {
            job++;
            prepared = null;
            planStale = false;
        }
        show(steps.get(i));
    }

    @Override
    public void quit() {
        if (applying) {
            return;
        }
        if (current == StepKind.DONE) {
            finish();
            return;
        }
        if (prepared != null && model.hasUnwrittenFiles(prepared)) {
            ChoiceDialog.show(gui, style, "Quit?", "The new key and certificate exist only in memory: nothing has"
                    + " been written. Keep them as files in " + model.configDirectory() + " (not deployed), or"
                    + " discard them?", List.of(
                    new ChoiceDialog.Choice("Continue", () -> { }),
                    new ChoiceDialog.Choice("Discard and quit", this::discard),
                    new ChoiceDialog.Choice("Keep the files and quit", this::keepFiles)));
        } else {
            ChoiceDialog.show(gui, style, "Quit?", "Quit the wizard? Nothing has been changed.", List.of(
                    new ChoiceDialog.Choice("Continue", () -> { }),
                    new ChoiceDialog.Choice("Quit", () -> {
                        job++;
                        result = WizardResult.cancelled();
                        window.close();
                    })));
        }
    }

    private void discard() {
        job++;
        result = new WizardResult(1, List.of("pftls: wizard cancelled; the generated key and certificate were"
                + " discarded (they had never been written); nothing was changed."));
        window.close();
    }

    private void keepFiles() {
        try {
            Outcome kept = model.keepFilesOnly(prepared);
            List<String> lines = new ArrayList<>();
            lines.add("pftls: wizard cancelled before deploying; the generated files were kept, main.cf is unchanged.");
            lines.addAll(kept.summary());
            result = new WizardResult(1, lines);
            window.close();
        } catch (PftlsException e) {
            ChoiceDialog.show(gui, style, "Could not keep the files", e.getMessage(),
                    List.of(new ChoiceDialog.Choice("OK", () -> { })));
        }
    }

    private void finish() {
        result = new WizardResult(0, summary());
        window.close();
    }

    // ---- showing a step ----

    private void show(StepKind kind) {
        if (view instanceof GenerateView g) {
            g.stopped();
        }
        current = kind;
        view = viewFor(kind);
        frame = frame(view);
        window.setTitle(title());
        if (tooSmall) {
            focusBeforeTooSmall = view.initialFocus();
        } else {
            window.setComponent(frame);
            window.setFocusedInteractable(view.initialFocus());
        }
        if (kind == StepKind.GENERATE) {
            generate((GenerateView) view);
        }
    }

    private StepView viewFor(StepKind kind) {
        return switch (kind) {
            case DETECT -> new DetectView(model.detection(), style, this);
            case TASK -> new TaskView(model.taskOptions(), model.defaultTask(), answers, style, this);
            case KEY -> new KeyView(model.keyOptions(answers.task()), model.defaultKeySpec(), answers, style, this);
            case HOST_NAMES -> {
                if (!hostNamesFilled && answers.hostNames().isEmpty()) {
                    answers.hostNames(model.defaultHostNames());
                }
                hostNamesFilled = true;
                yield new HostNamesView(model, answers, answers.task() == Task.CSR ? "The names the CSR asks for."
                        : "The names the certificate is for.", style, this);
            }
            case FILES -> new FilesView(model, picker, answers, style, this);
            case CSR_KEY -> new CsrKeyView(model.csrKeyOptions(), answers, style, this);
            case TLSA_HOST -> new TlsaHostView(model, answers, style, this);
            case GENERATE -> new GenerateView(generating(), style, this);
            case REVIEW -> new ReviewView(prepared, existing(), ReviewView.offersCsr(prepared), csrActions(), style,
                    this);
            case CONFIRM -> new ConfirmView(prepared, model.demo(), style, this, this::apply);
            case DONE -> new DoneView(doneLines(), outcome != null && outcome.reloadPossible(), this::reload,
                    this::finish, style);
        };
    }

    /** For Deploy: the certificate and key files as they are, and the certificate in them. */
    private ReviewText.Existing existing() {
        if (prepared.task() != Task.DEPLOY) {
            return ReviewText.Existing.NONE;
        }
        List<String> files = new ArrayList<>();
        model.describeFile(answers.certFile()).ifPresent(f -> files.add(f + "  (certificate)"));
        model.describeFile(answers.keyFile()).ifPresent(f -> files.add(f + "  (private key)"));
        return new ReviewText.Existing(files, model.certificateIn(answers.certFile()));
    }

    private String title() {
        List<StepKind> steps = steps();
        int n = steps.indexOf(current) + 1;
        return style.text("pftls " + style.dash() + " Step " + n + " of " + steps.size() + ": " + current.title()
                + (model.demo() ? "   [DEMO SANDBOX]" : ""));
    }

    /** The step indicator: every step of the task, the current one in brackets. */
    private String indicator() {
        List<String> names = new ArrayList<>();
        for (StepKind k : steps()) {
            names.add(k == current ? "[" + k.title() + "]" : k.title());
        }
        return style.text(String.join(style.stepSeparator(), names));
    }

    private Panel frame(StepView v) {
        Panel p = new Panel(new LinearLayout());
        p.addComponent(new Label(indicator()));
        if (model.demo()) {
            Label demo = new Label(style.text("DEMO SANDBOX: a throw-away configuration; nothing else is touched."));
            demo.addStyle(SGR.REVERSE);
            p.addComponent(demo);
        }
        Label question = new Label(style.text(current.question()));
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
        p.addComponent(new Label(style.text(v.help())));
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

    private String generating() {
        Task task = answers.task();
        String names = String.join(", ", answers.hostNames());
        return switch (task) {
            case ENABLE_SERVER, NEW_KEY -> "Making a new " + WizardModel.label(answers.keySpec())
                    + " key, a self-signed certificate for " + names + ", and the list of changes.";
            case NEW_CERT -> "Making a new self-signed certificate for " + names + " (for the deployed "
                    + answers.keySpec().algorithm().postfixName() + " key, or a new "
                    + WizardModel.label(answers.keySpec()) + " key when none is deployed).";
            case ENABLE_CLIENT -> "Working out the main.cf change for the SMTP client.";
            case DEPLOY -> "Checking that " + answers.certFile() + " and " + answers.keyFile()
                    + " match, and working out the main.cf change.";
            case CSR -> "Making the CSR for the " + answers.csrKey() + " key, for " + names + ".";
            case TLSA -> "Computing the TLSA records of the deployed keys.";
        };
    }

    private void generate(GenerateView g) {
        int id = ++job;
        Task task = answers.task();
        Answers snapshot = snapshot();
        g.started();
        worker.execute(() -> {
            Prepared made = null;
            String failure = null;
            try {
                made = model.prepare(task, snapshot);
            } catch (PftlsException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                failure = "internal error: " + e;
            }
            Prepared p = made;
            String why = failure;
            post(() -> {
                if (id != job || current != StepKind.GENERATE) {
                    return;
                }
                if (p != null) {
                    prepared = p;
                    show(StepKind.REVIEW);
                } else {
                    ((GenerateView) view).failed(why);
                }
            });
        });
    }

    private Answers snapshot() {
        Answers a = new Answers();
        a.task(answers.task());
        a.keySpec(answers.keySpec());
        a.hostNames(List.copyOf(answers.hostNames()));
        a.certFile(answers.certFile());
        a.keyFile(answers.keyFile());
        a.csrKey(answers.csrKey());
        a.tlsaHost(answers.tlsaHost());
        return a;
    }

    private void apply() {
        if (applying) {
            return;
        }
        applying = true;
        ConfirmView confirm = (ConfirmView) view;
        confirm.applying();
        Prepared p = prepared;
        applyRunning.set(true);
        worker.execute(() -> {
            Outcome done = null;
            String failure = null;
            try {
                done = model.apply(p);
                appliedInBackground = done;
            } catch (PftlsException e) {
                failure = e.getMessage() + rereadAfterFailure();
            } catch (RuntimeException e) {
                failure = "internal error: " + e + rereadAfterFailure();
            } finally {
                applyRunning.set(false);
            }
            Outcome o = done;
            String why = failure;
            post(() -> {
                applying = false;
                if (o != null) {
                    outcome = o;
                    show(StepKind.DONE);
                } else {
                    planStale = true;
                    confirm.failed(why);
                }
            });
        });
    }

    /** After a failed apply: reads main.cf and the files again, so that Back prepares a plan on what is there now. */
    private String rereadAfterFailure() {
        try {
            model.refresh();
            return " (pftls has read the configuration again: go Back to prepare the change anew)";
        } catch (PftlsException e) {
            return " (and reading the configuration again failed: " + e.getMessage() + ")";
        }
    }

    private void reload() {
        DoneView done = (DoneView) view;
        done.reloading();
        worker.execute(() -> {
            String line;
            boolean ok;
            try {
                String said = model.reload();
                line = "postfix reload: done." + (said.isBlank() ? "" : " It said: " + said.replace('\n', ' '));
                ok = true;
            } catch (PftlsException e) {
                line = "postfix reload failed: " + e.getMessage();
                ok = false;
            }
            String text = line;
            boolean success = ok;
            post(() -> {
                afterDone.add(text);
                if (view == done) {
                    done.reloaded(text, success);
                }
            });
        });
    }

    private ReviewView.CsrActions csrActions() {
        return new ReviewView.CsrActions() {
            @Override
            public String csr() {
                try {
                    return model.newKeyCsr(prepared, answers.hostNames()).orElse(null);
                } catch (PftlsException e) {
                    ChoiceDialog.show(gui, style, "No CSR", e.getMessage(),
                            List.of(new ChoiceDialog.Choice("OK", () -> { })));
                    return null;
                }
            }

            @Override
            public void save(String csr, Consumer<String> saved) {
                String host = answers.hostNames().isEmpty() ? "server" : answers.hostNames().get(0);
                SaveCsrDialog.open(gui, model, style, prepared, csr, "csr-" + host + ".pem", path -> {
                    savedCsr = path;
                    saved.accept(path.toString());
                });
            }
        };
    }

    // ---- Done and the summary ----

    private DoneText doneText() {
        return new DoneText(outcome, prepared, savedCsr, afterDone, model.demo(), model.configDirectory());
    }

    private List<String> doneLines() {
        return doneText().screen();
    }

    private List<String> summary() {
        return doneText().summary();
    }
}
