package org.pftls.ui.screen;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.pftls.ui.flow.Reloaded;
import org.pftls.ui.flow.WizardFlow;

/**
 * Step 8, Done: what changed, the messages, the next steps; the offer to reload Postfix (and, after
 * a server change, to verify what it serves) and, for a certificate from certbot, to install
 * certbot's deploy hook. What those jobs say is added under the text.
 */
final class DoneView implements StepView {
    private final DisplayStyle style;
    private final Panel body = new Panel(new LinearLayout());
    private final List<String> lines;
    private final ScrollingText text;
    private final ProblemLabel status;
    private final List<Button> buttons = new ArrayList<>();
    private final Button finish;
    private Button reload;
    private Button hook;

    /** The Done text and what the flow offers here (the reload, certbot's hook); the jobs run on {@code jobs}. */
    DoneView(WizardFlow flow, Jobs jobs, Runnable onFinish, DisplayStyle style) {
        this.style = style;
        this.lines = new ArrayList<>(flow.doneLines());
        this.status = new ProblemLabel(style);
        this.text = new ScrollingText(style, lines);
        body.addComponent(text);
        body.addComponent(status);
        if (flow.offersReload()) {
            String label = flow.reloadLabel();
            reload = new Button(label, () -> run(jobs, label.replace("Reload", "Reloading") + "...", flow.reload(),
                    false, flow::reloaded));
            buttons.add(reload);
        }
        if (flow.certbotHookOffer().isPresent()) {
            hook = new Button("Install certbot hook", () -> run(jobs, "Installing certbot's deploy hook...",
                    flow.installCertbotHook(), true, flow::certbotHookDone));
            buttons.add(hook);
        }
        finish = new Button("Finish", onFinish);
        buttons.add(finish);
    }

    /** Runs a job of the Done step in the background; the flow records its result, the screen shows it. */
    private void run(Jobs jobs, String working, Callable<Reloaded> job, boolean hookJob, Consumer<Reloaded> record) {
        status.setText(style.text(working));
        jobs.run(job, e -> new Reloaded(false, "failed: internal error: " + e), result -> {
            record.accept(result);
            done(result, hookJob);
        });
    }

    /**
     * Shows how a job went: its verdict under the text, everything it said at the end of the text;
     * once the hook is installed, its button is off.
     */
    void done(Reloaded result, boolean hookJob) {
        String verdict = result.report().isEmpty() ? result.line()
                : result.report().get(result.report().size() - 1).strip().replaceFirst("^OK: ", "");
        if (result.ok()) {
            status.fine(verdict);
        } else {
            status.problem(verdict);
        }
        lines.add("");
        lines.addAll(result.lines());
        text.show(style, lines);
        text.toEnd();
        if (result.ok() && hookJob && hook != null) {
            hook.setEnabled(false);
            finish.takeFocus();
        }
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public List<Button> buttons() {
        return buttons;
    }

    @Override
    public Interactable initialFocus() {
        return finish;
    }

    @Override
    public Optional<ScrollingText> scrolled() {
        return Optional.of(text);
    }

    @Override
    public String help(Interactable focused) {
        String what = focused == reload ? reload.getLabel().toLowerCase(java.util.Locale.ROOT)
                : focused == hook ? "install certbot's deploy hook" : "finish";
        return "Enter: " + what + "   Tab: other button   " + style.upDown() + "/PgUp/PgDn: scroll   Esc: finish";
    }
}
