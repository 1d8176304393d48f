package org.pftls.ui.flow;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.plan.KeyCertificate;

/**
 * The wizard, once for both front ends: which steps a task has and in which order, what Next,
 * Back and quitting do at each step (including the keep-or-discard question after Generate), and
 * the texts of progress, Review, Confirm and Done. A front end shows {@link #current()} and calls
 * back with what the operator did; the slow work (Generate, apply, reload) is handed out as jobs
 * that the front end runs where it likes and reports back. Not thread-safe: call it from the front
 * end's one thread.
 */
public final class WizardFlow {
    private final WizardModel model;
    private final KeyPregeneration keys;
    private final WizardActions actions;
    private final AfterApply after;
    private final Answers answers = new Answers();
    private StepKind current = StepKind.DETECT;
    private Prepared prepared;
    private Outcome outcome;
    /** The CSR of the new key, once the operator asked for it on the Review. */
    private String csrOfNewKey;
    private Path savedCsr;
    /** The key the saved CSR is for (null for the CSR task's deployed key). */
    private KeyPair savedCsrKey;
    /** Set when applying failed: the plan may rest on a main.cf that changed since; Back makes a new one. */
    private boolean planStale;
    /** Id of the newest Generate job; results of older ones (Back, quit) are dropped. */
    private int generation;
    private boolean hostNamesFilled;

    /**
     * @param model      the questions on the instance
     * @param background where new keys are made while the operator answers the next questions
     */
    public WizardFlow(WizardModel model, Executor background) {
        this.model = model;
        this.keys = new KeyPregeneration(model.environment().newKeys(), background);
        this.actions = new WizardActions(model, keys);
        this.after = new AfterApply(model);
    }

    public WizardModel model() {
        return model;
    }

    /** The answers so far (front ends write a step's answers here before {@link #next()}). */
    public Answers answers() {
        return answers;
    }

    /** The steps of a task, in order; before a task is chosen: Detect and Task. */
    public static List<StepKind> steps(Task task) {
        if (task == null) {
            return List.of(StepKind.DETECT, StepKind.TASK);
        }
        return switch (task) {
            case ENABLE_SERVER, NEW_KEY, NEW_CERT -> List.of(StepKind.DETECT, StepKind.TASK, StepKind.KEY,
                    StepKind.HOST_NAMES, StepKind.GENERATE, StepKind.REVIEW, StepKind.CONFIRM, StepKind.DONE);
            case ENABLE_CLIENT -> List.of(StepKind.DETECT, StepKind.TASK, StepKind.CLIENT_TLS, StepKind.GENERATE,
                    StepKind.REVIEW, StepKind.CONFIRM, StepKind.DONE);
            case DEPLOY -> List.of(StepKind.DETECT, StepKind.TASK, StepKind.FILES, StepKind.GENERATE,
                    StepKind.REVIEW, StepKind.CONFIRM, StepKind.DONE);
            case CSR -> List.of(StepKind.DETECT, StepKind.TASK, StepKind.CSR_KEY, StepKind.HOST_NAMES,
                    StepKind.GENERATE, StepKind.REVIEW, StepKind.DONE);
            case TLSA -> List.of(StepKind.DETECT, StepKind.TASK, StepKind.TLSA_HOST, StepKind.GENERATE,
                    StepKind.REVIEW, StepKind.DONE);
        };
    }

    /** The chosen task, or the default one while none is chosen (it decides the step count shown). */
    public Task task() {
        return answers.task() != null ? answers.task() : model.defaultTask();
    }

    /** The steps of the task. */
    public List<StepKind> steps() {
        return steps(task());
    }

    public StepKind current() {
        return current;
    }

    /** "Step 3 of 8: Key". */
    public String title() {
        List<StepKind> steps = steps();
        return "Step " + (steps.indexOf(current) + 1) + " of " + steps.size() + ": " + current.title();
    }

    // ---- Next and Back ----

    /** Goes on, once the front end has stored the current step's (checked) answers. */
    public void next() {
        switch (current) {
            case GENERATE, CONFIRM, DONE -> {
                return; // left by their jobs' results, and by finish()
            }
            case REVIEW -> current = prepared.task().changes() && applied().changesSomething()
                    ? StepKind.CONFIRM : StepKind.DONE;
            default -> {
                if (current == StepKind.KEY) {
                    pregenerate();
                }
                List<StepKind> steps = steps();
                current = steps.get(steps.indexOf(current) + 1);
                if (current == StepKind.HOST_NAMES && !hostNamesFilled && answers.hostNames().isEmpty()) {
                    answers.hostNames(model.defaultHostNames());
                }
                hostNamesFilled |= current == StepKind.HOST_NAMES;
            }
        }
    }

    /** Starts making the keys of the answered Key step that the task makes (none: stops any under way). */
    private void pregenerate() {
        List<KeySpec> wanted = model.keysToMake(answers.task(), answers.keyChoice());
        if (wanted.isEmpty()) {
            keys.cancel();
        } else {
            keys.start(wanted);
        }
    }

    /** Whether Back goes anywhere from here. */
    public boolean canGoBack() {
        return current != StepKind.DETECT && current != StepKind.DONE;
    }

    /** Goes back to the previous question, keeping every answer; a plan made is dropped. */
    public void back() {
        if (!canGoBack()) {
            return;
        }
        List<StepKind> steps = steps();
        int i = steps.indexOf(current) - 1;
        if (current == StepKind.CONFIRM && planStale) {
            i = steps.indexOf(StepKind.GENERATE);
        }
        if (steps.get(i) == StepKind.GENERATE) {
            i--;
        }
        if (current == StepKind.GENERATE || current == StepKind.REVIEW || planStale) {
            dropPlan();
        }
        current = steps.get(i);
    }

    private void dropPlan() {
        generation++;
        prepared = null;
        csrOfNewKey = null;
        planStale = false;
    }

    // ---- Generate ----

    /** A Generate job: run {@link #work} anywhere, then report with {@link #generated} or {@link #generateFailed}. */
    public record Generation(int id, Callable<Prepared> work) { }

    /** What the Generate step says it is doing. */
    public String progressText() {
        return StepTexts.progress(answers, keys.ready(model.keysToMake(answers.task(), answers.keyChoice())));
    }

    /** The job of the Generate step, on a copy of the answers. */
    public Generation generate() {
        int id = ++generation;
        Answers snapshot = answers.copy();
        return new Generation(id, () -> actions.prepare(snapshot.task(), snapshot));
    }

    /** The Generate job finished: shows the Review; false when the job is stale (Back, quit) and was ignored. */
    public boolean generated(int id, Prepared result) {
        if (id != generation || current != StepKind.GENERATE) {
            return false;
        }
        prepared = result;
        current = StepKind.REVIEW;
        return true;
    }

    /** Whether a failed Generate job is still the one on screen (its reason is then shown there). */
    public boolean generateFailed(int id) {
        return id == generation && current == StepKind.GENERATE;
    }

    // ---- Review ----

    public Prepared prepared() {
        return prepared;
    }

    /** What Confirm applies: what Generate prepared, without the parameter changes unticked on the Review. */
    Prepared applied() {
        return actions.effective(prepared, answers.unticked(MergeReview.CHECKLIST));
    }

    /** The Review document: a merge's check boxes show what Generate prepared, the rest what will be applied. */
    public ReviewDocument review() {
        return new ReviewBuilder(model.environment().fileOwner()).build(prepared, applied(),
                answers.unticked(MergeReview.CHECKLIST), Optional.ofNullable(csrOfNewKey));
    }

    /** What the operator unticked in a checklist of the Review. */
    public Set<String> unticked(String checklist) {
        return answers.unticked(checklist);
    }

    /** Whether the Review offers the CSR (show, save): the CSR task, and plans that make a key. */
    public boolean offersCsr() {
        return prepared.task() == Task.CSR || prepared.makesKey();
    }

    /** Whether the CSR is shown on the Review already. */
    public boolean csrShown() {
        return prepared.csr().isPresent() || csrOfNewKey != null;
    }

    /** Makes the CSR for the new key (shown first on the Review from now on); the CSR task's own CSR as it is. */
    public String csr() throws PftlsException {
        if (prepared.csr().isPresent()) {
            return prepared.csr().get();
        }
        if (csrOfNewKey == null) {
            csrOfNewKey = actions.csrForNewKey(prepared, answers.hostNames()).orElseThrow(() ->
                    new PftlsException(PftlsException.Kind.INPUT, "this task makes no key to make a CSR for"));
        }
        return csrOfNewKey;
    }

    /** A file name for the CSR: {@code csr-HOST.pem}. */
    public String suggestedCsrName() {
        return "csr-" + (answers.hostNames().isEmpty() ? "server" : answers.hostNames().get(0)) + ".pem";
    }

    /** Saves the CSR to a new file (relative names in the configuration directory); never overwrites. */
    public Path saveCsr(String fileName) throws PftlsException {
        String csr = csr();
        savedCsr = actions.saveCsr(csr, fileName);
        savedCsrKey = prepared.keys().stream().filter(k -> k.origin() != KeyCertificate.Origin.EXISTING)
                .map(KeyCertificate::keyPair).findFirst().orElse(null);
        return savedCsr;
    }

    /** The label of the Review's last button: Next, or Finish for output tasks. */
    public String reviewNext() {
        return prepared.task().changes() ? "Next" : "Finish";
    }

    // ---- Confirm ----

    /** What Confirm will write. */
    public String confirmWhat() {
        return StepTexts.confirmWhat(applied().plan().orElseThrow());
    }

    /** What Confirm reminds of before the change is made: the chain check's and the plan's warnings. */
    public List<ReviewBlock.Item> confirmWarnings() {
        return StepTexts.warnings(applied());
    }

    /** The apply button's label. */
    public String applyVerb() {
        return StepTexts.verb(prepared.task());
    }

    /** The Confirm step's job: apply the plan. Report with {@link #applied} or {@link #applyFailed}. */
    public Callable<Outcome> apply() {
        Prepared p = applied();
        return () -> actions.apply(p);
    }

    /** The change was applied: the Done step. */
    public void applied(Outcome result) {
        outcome = result;
        current = StepKind.DONE;
    }

    /**
     * Applying failed: main.cf and the files are read again, so that Back prepares a plan on what is
     * there now; returns the text to show.
     */
    public String applyFailed(String reason) {
        planStale = true;
        try {
            model.refresh();
            return reason + " (pftls has read the configuration again: go Back to prepare the change anew)";
        } catch (PftlsException e) {
            return reason + " (and reading the configuration again failed: " + e.getMessage() + ")";
        }
    }

    /** Whether the plan failed to apply (only Back, which makes a new one, or Quit remain). */
    public boolean planStale() {
        return planStale;
    }

    // ---- Done ----

    private DoneReport done() {
        Prepared p = prepared == null ? null : applied();
        return new DoneReport(model.environment(), after.reloadPossible(), after.verifies(p), after.certbotNote(p));
    }

    /** The Done step's text. */
    public List<String> doneLines() {
        return outcome == null ? done().nothingApplied(prepared, savedCsr)
                : done().applied(outcome, applied(), savedCsr, List.of());
    }

    /** Whether the Done step offers to run postfix reload (main.cf changed and there is a Postfix to reload). */
    public boolean offersReload() {
        return outcome != null && outcome.mainCfChanged() && after.reloadPossible();
    }

    /** The reload button's label: it also verifies what the server serves after a server change. */
    public String reloadLabel() {
        return after.verifies(applied()) ? "Reload Postfix and verify" : "Reload Postfix now";
    }

    /**
     * The reload job: postfix reload, then (after a server change) pftls verify; returns the lines
     * to show (Postfix's own words when the reload failed).
     */
    public Callable<Reloaded> reload() {
        return after.reloadJob(after.verifies(applied()));
    }

    /** Records a reload result for the summary. */
    public void reloaded(Reloaded r) {
        after.record(r);
    }

    /**
     * For a certificate deployed from certbot's live/ directory whose deploy hook is not installed:
     * the question that offers it (never in the demo); empty otherwise.
     */
    public Optional<String> certbotHookOffer() {
        return outcome == null || !outcome.mainCfChanged() ? Optional.empty() : after.hookOffer(applied());
    }

    /** The certbot hook job: installs it (never over another file); returns the lines to show. */
    public Callable<Reloaded> installCertbotHook() {
        return after.hookJob(after.certbotHook(applied()));
    }

    /** Records how installing the hook went (it is not offered again once installed). */
    public void certbotHookDone(Reloaded r) {
        after.hookDone(r);
    }

    /** The wizard is finished (Done, or the Review of an output task): status 0 and the summary. */
    public Ending finish() {
        keys.cancel();
        return new Ending(0, done().summary(outcome, prepared == null ? null : applied(), savedCsr, after.lines()));
    }

    /** Whether a change was applied (the status is then 0 even if the front end stops early). */
    public Optional<Ending> appliedEnding() {
        return outcome == null ? Optional.empty() : Optional.of(finish());
    }

    // ---- quitting ----

    private Quitting quitting() {
        return new Quitting(model, actions, prepared, savedCsr, savedCsrKey);
    }

    /** The question to ask before quitting here; after Generate, the keep-or-discard question. */
    public QuitQuestion quitQuestion() {
        return quitting().question();
    }

    /**
     * Quits as chosen; empty for {@link QuitQuestion.Choice#CONTINUE}. Keeping the files may fail
     * (the reason is thrown: the wizard then goes on).
     */
    public Optional<Ending> quit(QuitQuestion.Choice choice) throws PftlsException {
        if (!choice.quits()) {
            return Optional.empty();
        }
        generation++;
        keys.cancel();
        return Optional.of(quitting().quit(choice));
    }
}
