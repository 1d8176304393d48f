package org.pftls.ui.line;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.ui.flow.Ending;
import org.pftls.ui.flow.Option;
import org.pftls.ui.flow.Outcome;
import org.pftls.ui.flow.Prepared;
import org.pftls.ui.flow.QuitQuestion;
import org.pftls.ui.flow.Reloaded;
import org.pftls.ui.flow.StepKind;
import org.pftls.ui.flow.WizardFlow;

/**
 * One run of the line-mode wizard: shows the flow's current step as plain lines and questions,
 * and tells the flow what was answered. The order of steps, Back, quitting (and keeping or
 * discarding what Generate made), and every text shown come from {@link WizardFlow}; the work
 * runs right here (the operator waits, with a dot per second).
 */
final class LineSession {
    private final WizardFlow flow;
    private final Prompter io;
    private final LineQuestions questions;
    private final LineReview review;

    LineSession(WizardFlow flow, Prompter io) {
        this.flow = flow;
        this.io = io;
        this.questions = new LineQuestions(flow, io);
        this.review = new LineReview(flow, io);
    }

    /** What a step asks the loop to do next. */
    enum Move {
        /** The step's answers are stored: on to the flow's next step. */
        NEXT,
        /** Back to the previous question. */
        BACK,
        /** The flow has moved already (Generate, apply), or the step is to be shown again. */
        STAY,
        /** Ask whether to quit. */
        QUIT,
        /** The operator answered no at Confirm: ask whether to keep or discard what was made. */
        CANCELLED,
        /** End of input: quit at once, changing nothing. */
        END,
        /** Done: finish. */
        FINISH
    }

    /** Runs the wizard; 0 when a task was carried out, 1 when cancelled, at end of input, or on failure. */
    int run() {
        banner();
        while (true) {
            StepKind step = flow.current();
            io.say("");
            io.say(flow.title() + " - " + step.question() + (flow.model().demo() ? "  [DEMO SANDBOX]" : ""));
            Move move = switch (step) {
                case DETECT -> detect();
                case GENERATE -> generate();
                case REVIEW -> review.show();
                case CONFIRM -> confirm();
                case DONE -> done();
                default -> questions.ask(step);
            };
            Optional<Ending> end = switch (move) {
                case NEXT -> {
                    flow.next();
                    yield Optional.empty();
                }
                case BACK -> {
                    flow.back();
                    yield Optional.empty();
                }
                case STAY -> Optional.empty();
                case QUIT -> quit(false);
                case CANCELLED -> quit(true);
                case END -> Optional.of(new Ending(1, List.of("pftls: end of input: quitting; nothing was changed.")));
                case FINISH -> Optional.of(flow.finish());
            };
            if (end.isPresent()) {
                if (move != Move.FINISH) {
                    end.get().lines().forEach(io::say);
                }
                return end.get().status();
            }
        }
    }

    private void banner() {
        io.say("pftls setup wizard (line mode)" + (flow.model().demo() ? "  [DEMO SANDBOX]" : ""));
        io.say("Configuration directory: " + flow.model().configDirectory());
        if (flow.model().demo()) {
            wrap("[DEMO SANDBOX] This is a throw-away copy of a Postfix configuration; nothing else is touched.");
        }
        wrap("Type the answer and press Enter; Enter alone takes the [default]. At every question, type back"
                + " for the previous question or quit to leave. Nothing is changed until you confirm.");
    }

    private Move detect() {
        flow.model().detectLines().forEach(l -> io.say(l.isEmpty() ? "" : "  " + l));
        return Move.NEXT;
    }

    private Move generate() {
        io.out().print(flow.progressText() + " ...");
        io.flush();
        long start = System.nanoTime();
        WizardFlow.Generation job = flow.generate();
        try (ProgressDots dots = new ProgressDots(io)) {
            Prepared made = job.work().call();
            io.say(String.format(Locale.ROOT, " done (%.1f s).", (System.nanoTime() - start) / 1e9));
            flow.generated(job.id(), made);
        } catch (Exception e) {
            io.say(" failed.");
            problem(e instanceof PftlsException ? e.getMessage() : "internal error: " + e);
            return Move.BACK;
        }
        return io.takeInterrupt() ? Move.QUIT : Move.STAY;
    }

    private Move confirm() {
        wrap(flow.confirmWhat() + " Nothing has been written yet.");
        for (var w : flow.confirmWarnings()) {
            Paragraph.wrap(w.text(), "  ! " + w.mark().word() + ": ", "    ", io.width()).forEach(io::say);
        }
        while (true) {
            Reply r = io.ask("Apply these changes now? Type yes to apply or no to cancel [no]: ");
            if (r.kind() != Reply.Kind.ANSWER) {
                return LineQuestions.move(r);
            }
            Optional<Boolean> yes = yesNo(r.text(), false);
            if (yes.isEmpty()) {
                problem("please type yes or no (Enter takes no)");
                continue;
            }
            if (!yes.get()) {
                io.say("Not applied.");
                return Move.CANCELLED;
            }
            return apply();
        }
    }

    private Move apply() {
        io.out().print("Applying ... ");
        io.flush();
        try {
            Outcome outcome = flow.apply().call();
            io.say("done.");
            io.takeInterrupt(); // too late to cancel: the change is made, show what it was
            flow.applied(outcome);
            return Move.STAY;
        } catch (Exception e) {
            io.say("failed.");
            problem("Not applied: " + flow.applyFailed(e instanceof PftlsException ? e.getMessage()
                    : "internal error: " + e));
            return questions.backOrQuit("Type back to prepare the change again on main.cf as it is now, or quit.");
        }
    }

    private Move done() {
        flow.doneLines().forEach(io::say);
        if (flow.offersReload() && offer(flow.reloadLabel().equals("Reload Postfix now")
                ? "Run \"postfix reload\" now, so that Postfix uses the new settings?"
                : "Reload Postfix now and verify what it serves (postfix reload, then pftls verify)?")) {
            run(flow.reload(), flow::reloaded);
        }
        Optional<String> hook = flow.certbotHookOffer();
        if (hook.isPresent() && offer(hook.get())) {
            run(flow.installCertbotHook(), flow::certbotHookDone);
        }
        return Move.FINISH;
    }

    /** A yes-or-no question of the Done step, default no; end of input, back or quit are no. */
    private boolean offer(String question) {
        while (true) {
            Reply r = io.ask(question + " [no]: ");
            if (r.kind() != Reply.Kind.ANSWER) {
                return false;
            }
            Optional<Boolean> yes = yesNo(r.text(), false);
            if (yes.isPresent()) {
                return yes.get();
            }
            problem("please type yes or no (Enter takes no)");
        }
    }

    /** Runs a job of the Done step here and prints what it said. */
    private void run(java.util.concurrent.Callable<Reloaded> job, java.util.function.Consumer<Reloaded> record) {
        try {
            Reloaded result = job.call();
            record.accept(result);
            io.say((result.ok() ? "pftls: " : "  ! ") + result.line());
            result.report().forEach(io::say);
        } catch (Exception e) {
            problem(e.toString());
        }
    }

    /**
     * Asks the flow's quit question. Without anything to lose it is yes or no; after Generate it
     * is keep-or-discard, by number, Continue first ({@code back} continues too; when the operator
     * answered no at Confirm, discarding is the default). Empty: go on.
     */
    private Optional<Ending> quit(boolean cancelledAtConfirm) {
        QuitQuestion q = flow.quitQuestion();
        QuitQuestion.Choice choice;
        if (q.choices().size() == 2) {
            choice = confirmQuit(q) ? q.quitChoice() : QuitQuestion.Choice.CONTINUE;
        } else {
            wrap(q.text());
            List<Option<QuitQuestion.Choice>> options = q.choices().stream()
                    .map(c -> Option.of(c, c.label(), "")).toList();
            choice = questions.chooseQuit(new NumberedChoice<>(options, cancelledAtConfirm ? q.quitChoice()
                    : QuitQuestion.Choice.CONTINUE), q.quitChoice());
        }
        try {
            return flow.quit(choice);
        } catch (PftlsException e) {
            problem(e.getMessage());
            return Optional.empty();
        }
    }

    private boolean confirmQuit(QuitQuestion q) {
        while (true) {
            Reply r = io.ask(q.text() + " [no]: ");
            if (r.kind() == Reply.Kind.END || r.kind() == Reply.Kind.QUIT) {
                return true;
            }
            if (r.kind() == Reply.Kind.BACK) {
                return false;
            }
            Optional<Boolean> yes = yesNo(r.text(), false);
            if (yes.isPresent()) {
                return yes.get();
            }
            problem("please type yes or no (Enter takes no)");
        }
    }

    static Optional<Boolean> yesNo(String answer, boolean dflt) {
        return switch (answer.strip().toLowerCase(Locale.ROOT)) {
            case "" -> Optional.of(dflt);
            case "y", "yes" -> Optional.of(true);
            case "n", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private void problem(String text) {
        Paragraph.wrap(text, "  ! ", "    ", io.width()).forEach(io::say);
    }

    private void wrap(String text) {
        Paragraph.wrap(text, "", "", io.width()).forEach(io::say);
    }
}
