package org.pftls.ui.line;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.pftls.engine.PftlsException;
import org.pftls.engine.plan.NewFile;
import org.pftls.ui.DetectionReport;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.Option;
import org.pftls.ui.flow.Outcome;
import org.pftls.ui.flow.Prepared;
import org.pftls.ui.flow.StepKind;
import org.pftls.ui.flow.Task;
import org.pftls.ui.flow.WizardModel;

/**
 * One run of the line-mode wizard: walks the steps the model declares for the chosen task, one
 * question at a time, keeping the answers across {@code back}. Nothing is written before the
 * operator types {@code yes} at Confirm (or chooses to keep generated files when quitting).
 */
final class LineSession {
    /** What a step asks the loop to do next. */
    private enum Move { NEXT, BACK, QUIT, END, DONE, FAILED }

    private static final Set<StepKind> QUESTIONS = Set.of(StepKind.TASK, StepKind.KEY, StepKind.HOST_NAMES,
            StepKind.FILES, StepKind.CSR_KEY, StepKind.TLSA_HOST);

    private final WizardModel model;
    private final Prompter io;
    private final Answers answers = new Answers();
    private Prepared prepared;
    private Outcome outcome;
    private Path savedCsr;

    LineSession(WizardModel model, Prompter io) {
        this.model = model;
        this.io = io;
    }

    /** Runs the wizard; 0 when a task was carried out, 1 when cancelled, at end of input, or on failure. */
    int run() {
        banner();
        int index = 0;
        while (true) {
            List<StepKind> steps = model.steps(task());
            Move move = step(steps.get(index), index + 1, steps.size());
            switch (move) {
                case NEXT -> index++;
                case BACK -> {
                    prepared = null;
                    index = previousQuestion(steps, index);
                }
                case QUIT -> {
                    return cancel();
                }
                case END -> {
                    io.say("pftls: end of input: quitting; nothing was changed.");
                    return 1;
                }
                case DONE -> {
                    return 0;
                }
                default -> {
                    return 1;
                }
            }
        }
    }

    /** The chosen task, or the default one while none is chosen (it decides the step count shown). */
    private Task task() {
        return answers.task() != null ? answers.task() : model.defaultTask();
    }

    private static int previousQuestion(List<StepKind> steps, int index) {
        int i = index - 1;
        while (i > 0 && !QUESTIONS.contains(steps.get(i))) {
            i--;
        }
        return Math.max(i, 0);
    }

    private void banner() {
        io.say("pftls setup wizard (line mode)" + (model.demo() ? "  [DEMO SANDBOX]" : ""));
        io.say("Configuration directory: " + model.configDirectory());
        if (model.demo()) {
            wrap("[DEMO SANDBOX] This is a throw-away copy of a Postfix configuration; nothing else is touched.");
        }
        wrap("Type the answer and press Enter; Enter alone takes the [default]. At every question, type back"
                + " for the previous question or quit to leave. Nothing is changed until you confirm.");
    }

    private Move step(StepKind step, int number, int total) {
        io.say("");
        io.say("Step " + number + " of " + total + ": " + step.title() + " - " + step.question()
                + (model.demo() ? "  [DEMO SANDBOX]" : ""));
        return switch (step) {
            case DETECT -> detect();
            case TASK -> chooseTask();
            case KEY -> chooseKey();
            case HOST_NAMES -> hostNames();
            case FILES -> files();
            case CSR_KEY -> csrKey();
            case TLSA_HOST -> tlsaHost();
            case GENERATE -> generate();
            case REVIEW -> review();
            case CONFIRM -> confirm();
            case DONE -> done();
        };
    }

    private Move detect() {
        DetectionReport.lines(model.detection()).forEach(l -> io.say("  " + l));
        return Move.NEXT;
    }

    private Move chooseTask() {
        return choose(new NumberedChoice<>(model.taskOptions(), task()), answers::task);
    }

    private Move chooseKey() {
        wrap(WizardModel.KEY_ADVICE);
        var options = model.keyOptions(answers.task());
        var current = answers.keySpec() != null ? answers.keySpec() : model.defaultKeySpec();
        return choose(new NumberedChoice<>(options, current), answers::keySpec);
    }

    private Move csrKey() {
        List<Option<String>> options = model.csrKeyOptions();
        return choose(new NumberedChoice<>(options, answers.csrKey()), answers::csrKey);
    }

    /** Asks a numbered question until it gets an available choice (or back, quit, end of input). */
    private <T> Move choose(NumberedChoice<T> question, Consumer<T> store) {
        question.lines(io.width()).forEach(io::say);
        while (true) {
            Reply r = io.ask(question.prompt());
            if (!r.isAnswer()) {
                Optional<Move> move = control(r);
                if (move.isPresent()) {
                    return move.get();
                }
                continue;
            }
            NumberedChoice.Checked<T> checked = question.check(r.text());
            if (!checked.ok()) {
                problem(checked.problem());
                continue;
            }
            store.accept(checked.chosen().value());
            return Move.NEXT;
        }
    }

    private Move hostNames() {
        List<String> current = answers.hostNames().isEmpty() ? model.defaultHostNames()
                : List.copyOf(answers.hostNames());
        wrap(answers.task() == Task.CSR
                ? "The names the CSR asks for. The first is the subject's CommonName; all go into the"
                + " subjectAltName. Separate several names with spaces."
                : "The names the certificate is for: the first is its CommonName, all go into its"
                + " subjectAltName. Separate several names with spaces.");
        String dflt = current.isEmpty() ? "" : " [" + String.join(" ", current) + "]";
        while (true) {
            Reply r = io.ask("Host names" + dflt + ": ");
            if (!r.isAnswer()) {
                Optional<Move> move = control(r);
                if (move.isPresent()) {
                    return move.get();
                }
                continue;
            }
            List<String> names = r.text().isEmpty() ? current
                    : Arrays.stream(r.text().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
            Optional<String> bad = names.stream().map(model::hostNameProblem).flatMap(Optional::stream).findFirst();
            if (bad.isEmpty()) {
                bad = model.hostNamesProblem(names);
            }
            if (bad.isPresent()) {
                problem(bad.get());
                continue;
            }
            answers.hostNames(names);
            return Move.NEXT;
        }
    }

    private Move files() {
        wrap("File names are relative to " + model.configDirectory() + " (or absolute). Tab completes file"
                + " names; ? lists the files there (? DIR lists another directory). The certificate file may"
                + " hold a chain: the server certificate first, then its issuers.");
        boolean key = false;
        while (true) {
            String current = key ? answers.keyFile() : answers.certFile();
            Reply r = io.askPath((key ? "Private key file" : "Certificate file")
                    + (current.isEmpty() ? "" : " [" + current + "]") + ": ");
            if (!r.isAnswer()) {
                if (r.kind() == Reply.Kind.BACK && key) {
                    key = false;
                    continue;
                }
                Optional<Move> move = control(r);
                if (move.isPresent()) {
                    return move.get();
                }
                continue;
            }
            if (r.text().equals("?") || r.text().startsWith("? ")) {
                listFiles(r.text().substring(1).strip());
                continue;
            }
            String path = r.text().isEmpty() ? current : r.text();
            Optional<String> bad = model.fileProblem(path, key);
            if (bad.isPresent()) {
                problem(bad.get());
                continue;
            }
            if (key) {
                answers.keyFile(path);
                return Move.NEXT;
            }
            answers.certFile(path);
            key = true;
        }
    }

    private void listFiles(String directory) {
        Path dir = directory.isEmpty() ? model.configDirectory() : model.configDirectory().resolve(directory);
        List<String> names = new ArrayList<>();
        for (Path p : model.listFiles(dir)) {
            String name = p.getFileName().toString();
            if (!name.startsWith(".")) {
                names.add(name + (model.isDirectory(p) ? "/" : ""));
            }
        }
        io.say(names.isEmpty() ? "  (no files in " + dir + ")" : "Files in " + dir + ":");
        names.forEach(n -> io.say("    " + n));
    }

    private Move tlsaHost() {
        wrap("The records are for _25._tcp.HOST (the SMTP service of HOST).");
        String current = answers.tlsaHost().isEmpty() ? model.detection().myhostname() : answers.tlsaHost();
        while (true) {
            Reply r = io.ask("Host name [" + current + "]: ");
            if (!r.isAnswer()) {
                Optional<Move> move = control(r);
                if (move.isPresent()) {
                    return move.get();
                }
                continue;
            }
            String host = r.text().isEmpty() ? current : r.text();
            if (host.equals(model.detection().myhostname())) {
                answers.tlsaHost("");
                return Move.NEXT;
            }
            Optional<String> bad = model.hostNameProblem(host);
            if (bad.isPresent()) {
                problem(bad.get());
                continue;
            }
            answers.tlsaHost(host);
            return Move.NEXT;
        }
    }

    private Move generate() {
        io.out().print(progressText() + " ...");
        io.flush();
        long start = System.nanoTime();
        try (ProgressDots dots = new ProgressDots(io)) {
            prepared = model.prepare(answers.task(), answers);
        } catch (PftlsException e) {
            io.say(" failed.");
            problem(e.getMessage());
            return Move.BACK;
        }
        io.say(String.format(Locale.ROOT, " done (%.1f s).", (System.nanoTime() - start) / 1e9));
        if (io.takeInterrupt() && confirmQuit()) {
            return Move.QUIT;
        }
        return Move.NEXT;
    }

    private String progressText() {
        String names = String.join(" ", answers.hostNames());
        return switch (answers.task()) {
            case ENABLE_SERVER, NEW_KEY -> "Making a new " + WizardModel.label(answers.keySpec())
                    + " key and a self-signed certificate for " + names;
            case NEW_CERT -> "Making a new self-signed certificate for " + names + " (reusing the deployed "
                    + answers.keySpec().algorithm().postfixName() + " key, if there is one)";
            case ENABLE_CLIENT -> "Working out the main.cf changes";
            case DEPLOY -> "Checking that the certificate and the key match";
            case CSR -> "Making the CSR for the " + answers.csrKey() + " key";
            case TLSA -> "Computing the TLSA records";
        };
    }

    private Move review() {
        ReviewText.lines(prepared, model.reviewCertificate(prepared, answers), model.reviewTlsa(prepared, answers))
                .forEach(io::say);
        return answers.task() == Task.CSR ? csrActions() : Move.NEXT;
    }

    /** The CSR's Review: show it, save it to a file, or finish. */
    private Move csrActions() {
        List<Option<Integer>> options = List.of(
                Option.of(1, "Show the CSR", "PEM text, to paste into the CA's form"),
                Option.of(2, "Save the CSR to a file", "a new file in " + model.configDirectory()),
                Option.of(3, "Finish", ""));
        boolean shown = false;
        while (true) {
            int[] chosen = new int[1];
            Move move = choose(new NumberedChoice<>(options, shown || savedCsr != null ? 3 : 1), v -> chosen[0] = v);
            if (move != Move.NEXT) {
                return move;
            }
            if (chosen[0] == 3) {
                return Move.NEXT;
            }
            if (chosen[0] == 1) {
                prepared.csr().orElseThrow().lines().forEach(io::say);
                shown = true;
            } else {
                Optional<Move> after = saveCsr();
                if (after.isPresent()) {
                    return after.get();
                }
            }
        }
    }

    private Optional<Move> saveCsr() {
        while (true) {
            Reply r = io.askPath("File name for the CSR (relative to " + model.configDirectory() + "): ");
            if (r.kind() == Reply.Kind.BACK) {
                return Optional.empty();
            }
            if (!r.isAnswer()) {
                Optional<Move> move = control(r);
                if (move.isPresent()) {
                    return move;
                }
                continue;
            }
            if (r.text().isEmpty()) {
                problem("type a file name for the CSR, e.g. csr.pem (or back)");
                continue;
            }
            try {
                savedCsr = model.saveCsr(prepared, r.text());
                io.say("Saved the CSR to " + savedCsr + " (mode 0644).");
                return Optional.empty();
            } catch (PftlsException e) {
                problem(e.getMessage());
            }
        }
    }

    private Move confirm() {
        if (!prepared.changesSomething()) {
            io.say("Nothing would change, so there is nothing to apply (see the notes above).");
            io.say("pftls: nothing was changed.");
            return Move.DONE;
        }
        while (true) {
            Reply r = io.ask("Apply these changes now? Type yes to apply or no to cancel [no]: ");
            if (!r.isAnswer()) {
                Optional<Move> move = control(r);
                if (move.isPresent()) {
                    return move.get();
                }
                continue;
            }
            Optional<Boolean> yes = yesNo(r.text(), false);
            if (yes.isEmpty()) {
                problem("please type yes or no (Enter takes no)");
                continue;
            }
            if (!yes.get()) {
                io.say("Not applied.");
                return Move.QUIT;
            }
            io.out().print("Applying ... ");
            io.flush();
            try {
                outcome = model.apply(prepared);
                prepared = null;
                io.say("done.");
                io.takeInterrupt(); // too late to cancel: the change is made, show what it was
                return Move.NEXT;
            } catch (PftlsException e) {
                io.say("failed.");
                io.say("pftls: fatal: " + e.getMessage());
                return Move.FAILED;
            }
        }
    }

    private Move done() {
        if (outcome == null) {
            io.say(savedCsr != null ? "pftls: saved the CSR in " + savedCsr + "; nothing else was changed."
                    : "pftls: nothing was changed.");
            return Move.DONE;
        }
        outcome.summary().forEach(io::say);
        if (outcome.reloadPossible()) {
            offerReload();
        }
        return Move.DONE;
    }

    private void offerReload() {
        while (true) {
            Reply r = io.ask("Run \"postfix reload\" now, so that Postfix uses the new settings? [no]: ");
            if (!r.isAnswer()) {
                return;
            }
            Optional<Boolean> yes = yesNo(r.text(), false);
            if (yes.isEmpty()) {
                problem("please type yes or no (Enter takes no)");
                continue;
            }
            if (yes.get()) {
                try {
                    model.reload().lines().forEach(io::say);
                    io.say("pftls: postfix reloaded.");
                } catch (PftlsException e) {
                    problem(e.getMessage());
                }
            }
            return;
        }
    }

    /** back, quit (confirmed) or end of input as a move; empty when quitting was not confirmed. */
    private Optional<Move> control(Reply r) {
        return switch (r.kind()) {
            case BACK -> Optional.of(Move.BACK);
            case END -> Optional.of(Move.END);
            case QUIT -> confirmQuit() ? Optional.of(Move.QUIT) : Optional.empty();
            case ANSWER -> Optional.empty();
        };
    }

    private boolean confirmQuit() {
        while (true) {
            Reply r = io.ask("Quit the wizard? Nothing has been changed. [no]: ");
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

    /** Quitting: offers to keep generated, not yet written, key and certificate files. */
    private int cancel() {
        if (model.hasUnwrittenFiles(prepared) && keepGeneratedFiles()) {
            try {
                model.keepFilesOnly(prepared).summary().forEach(io::say);
                io.say("pftls: cancelled; the new files were kept, main.cf was not changed.");
            } catch (PftlsException e) {
                io.say("pftls: fatal: " + e.getMessage());
            }
            return 1;
        }
        io.say("pftls: cancelled; nothing was changed.");
        return 1;
    }

    /** Asks whether to keep the generated files; anything but an explicit "keep" discards them. */
    private boolean keepGeneratedFiles() {
        boolean key = prepared.plan().orElseThrow().files().stream().anyMatch(f -> f.role() == NewFile.Role.PRIVATE_KEY);
        wrap("The new " + (key ? "key and certificate exist" : "certificate exists") + " only in memory."
                + " Keep them as files in " + model.configDirectory() + " (not deployed), or discard them?");
        NumberedChoice<Boolean> question = new NumberedChoice<>(List.of(
                Option.of(false, "Discard them", "nothing is written"),
                Option.of(true, "Keep them", "new files (a key with mode 0600); main.cf is not changed")), false);
        question.lines(io.width()).forEach(io::say);
        while (true) {
            Reply r = io.ask(question.prompt());
            if (!r.isAnswer()) {
                return false;
            }
            NumberedChoice.Checked<Boolean> checked = question.check(r.text());
            if (checked.ok()) {
                return checked.chosen().value();
            }
            problem(checked.problem());
        }
    }

    private static Optional<Boolean> yesNo(String answer, boolean dflt) {
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
