package org.pftls.ui.line;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.pftls.ui.flow.Answers;
import org.pftls.ui.flow.ChainFilesOffer;
import org.pftls.ui.flow.KeyChoice;
import org.pftls.ui.flow.ReviewBlock;
import org.pftls.ui.flow.FileBrowser;
import org.pftls.ui.flow.QuitQuestion;
import org.pftls.ui.flow.StepKind;
import org.pftls.ui.flow.Task;
import org.pftls.ui.flow.WizardFlow;
import org.pftls.ui.flow.WizardModel;
import org.pftls.ui.line.LineSession.Move;

/**
 * The question steps in line mode (Task, Key, Client TLS, Host names, Files, CSR key, TLSA host name): the
 * choices, defaults and checks are the model's; this class asks for them one line at a time and
 * stores the answers. {@code back} works at every question, {@code quit} (or Ctrl-C) asks first.
 */
final class LineQuestions {
    private final WizardFlow flow;
    private final WizardModel model;
    private final Answers answers;
    private final Prompter io;

    LineQuestions(WizardFlow flow, Prompter io) {
        this.flow = flow;
        this.model = flow.model();
        this.answers = flow.answers();
        this.io = io;
    }

    Move ask(StepKind step) {
        return switch (step) {
            case TASK -> choose(new NumberedChoice<>(model.taskOptions(), flow.task()), answers::task);
            case KEY -> key();
            case CLIENT_TLS -> choose(new NumberedChoice<>(model.clientTlsOptions(), answers.clientTls()),
                    answers::clientTls);
            case HOST_NAMES -> hostNames();
            case FILES -> files();
            case CSR_KEY -> choose(new NumberedChoice<>(model.csrKeyOptions(), answers.csrKey()), answers::csrKey);
            case TLSA_HOST -> tlsaHost();
            default -> throw new IllegalArgumentException(step + " is not a question");
        };
    }

    /** A reply that is not an answer, as a move. */
    static Move move(Reply r) {
        return switch (r.kind()) {
            case BACK -> Move.BACK;
            case QUIT -> Move.QUIT;
            case END -> Move.END;
            case ANSWER -> Move.STAY;
        };
    }

    private Move key() {
        while (true) {
            wrap(WizardModel.KEY_ADVICE);
            KeyChoice current = answers.keyChoice() != null ? answers.keyChoice()
                    : model.defaultKeyChoice(answers.task());
            Move m = choose(new NumberedChoice<>(model.keyOptions(answers.task()), current), answers::keyChoice);
            if (m != Move.NEXT) {
                return m;
            }
            Optional<ChainFilesOffer> offer = model.chainFilesOffer(answers.task());
            m = offer.isEmpty() ? Move.NEXT : chainFiles(offer.get());
            if (m != Move.BACK) {
                return m;
            }
        }
    }

    /**
     * smtpd_tls_chain_files: a yes-or-no question on Postfix 3.4 and later (default no, as postfix
     * tls deploys), a remark when it is in force. {@code back} goes to the question before.
     */
    private Move chainFiles(ChainFilesOffer offer) {
        if (!offer.offered()) {
            wrap("Note: " + offer.question() + ". " + offer.reason());
            return Move.NEXT;
        }
        wrap(offer.question() + "? " + offer.reason());
        while (true) {
            Reply r = io.ask("Deploy through smtpd_tls_chain_files? yes or no [" + (answers.chainFiles() ? "yes"
                    : "no") + "]: ");
            if (!r.isAnswer()) {
                return move(r);
            }
            Optional<Boolean> yes = LineSession.yesNo(r.text(), answers.chainFiles());
            if (yes.isPresent()) {
                answers.chainFiles(yes.get());
                return Move.NEXT;
            }
            problem("please type yes or no");
        }
    }

    /** Asks a numbered question until it gets an available choice (or back, quit, end of input). */
    private <T> Move choose(NumberedChoice<T> question, Consumer<T> store) {
        question.lines(io.width()).forEach(io::say);
        while (true) {
            Reply r = io.ask(question.prompt());
            if (!r.isAnswer()) {
                return move(r);
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

    /**
     * The quit question's choices by number: {@code back} is Continue; quit, Ctrl-C and the end of
     * input are {@code quitChoice}.
     */
    QuitQuestion.Choice chooseQuit(NumberedChoice<QuitQuestion.Choice> question, QuitQuestion.Choice quitChoice) {
        question.lines(io.width()).forEach(io::say);
        while (true) {
            Reply r = io.ask(question.prompt());
            switch (r.kind()) {
                case BACK -> {
                    return QuitQuestion.Choice.CONTINUE;
                }
                case QUIT, END -> {
                    return quitChoice;
                }
                default -> {
                    NumberedChoice.Checked<QuitQuestion.Choice> checked = question.check(r.text());
                    if (checked.ok()) {
                        return checked.chosen().value();
                    }
                    problem(checked.problem());
                }
            }
        }
    }

    /** After a failure that only Back can mend: back, quit, or the end of input. */
    Move backOrQuit(String explanation) {
        wrap(explanation);
        while (true) {
            Reply r = io.ask("back or quit [back]: ");
            if (r.kind() != Reply.Kind.ANSWER) {
                return move(r);
            }
            if (r.text().isEmpty()) {
                return Move.BACK;
            }
            problem("type back or quit");
        }
    }

    private Move hostNames() {
        List<String> current = List.copyOf(answers.hostNames());
        wrap(model.hostNamesPurpose(answers.task()) + " Separate several names with spaces.");
        String dflt = current.isEmpty() ? "" : " [" + String.join(" ", current) + "]";
        while (true) {
            Reply r = io.ask("Host names" + dflt + ": ");
            if (!r.isAnswer()) {
                return move(r);
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
        FileBrowser browser = model.files();
        if (!browser.letsEncrypt().isEmpty()) {
            wrap("certbot's certificates: " + String.join(", ", browser.letsEncrypt().stream()
                    .map(e -> e.path() + "/").toList()) + " (fullchain.pem and privkey.pem in each).");
        }
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
                return move(r);
            }
            if (r.text().equals("?") || r.text().startsWith("? ")) {
                listFiles(browser, r.text().substring(1).strip());
                continue;
            }
            String path = r.text().isEmpty() ? current : r.text();
            Optional<String> bad = model.fileProblem(path, key);
            if (bad.isPresent()) {
                problem(bad.get());
                continue;
            }
            if (!key) {
                answers.certFile(path);
                key = true;
                continue;
            }
            answers.keyFile(path);
            List<ReviewBlock.Item> found = model.filesCheck(answers.certFile(), path);
            found.forEach(this::item);
            if (found.stream().anyMatch(i -> i.mark() == ReviewBlock.Mark.PROBLEM)) {
                wrap("deploy-server-cert refuses these files: choose others.");
                key = false;
                continue;
            }
            Optional<ChainFilesOffer> offer = model.chainFilesOffer(Task.DEPLOY);
            Move m = offer.isEmpty() ? Move.NEXT : chainFiles(offer.get());
            if (m != Move.BACK) {
                return m;
            }
        }
    }

    /** One finding of the chain check, marked in words as the Review marks it. */
    private void item(ReviewBlock.Item i) {
        String mark = switch (i.mark()) {
            case PROBLEM, WARNING -> "  ! " + i.mark().word() + ": ";
            case NOTE -> "  - ";
            case OK -> "  ok: ";
        };
        Paragraph.wrap(i.text(), mark, "    ", io.width()).forEach(io::say);
    }

    private void listFiles(FileBrowser browser, String directory) {
        Path dir = directory.isEmpty() ? model.configDirectory() : browser.resolve(directory);
        List<FileBrowser.Entry> entries = browser.list(dir);
        io.say(entries.isEmpty() ? "  (no files in " + dir + ")" : "Files in " + dir + ":");
        entries.forEach(e -> io.say("    " + e.shown()));
    }

    private Move tlsaHost() {
        wrap("The records are for _25._tcp.HOST (the SMTP service of HOST).");
        String mine = model.defaultTlsaHost();
        String current = answers.tlsaHost().isEmpty() ? mine : answers.tlsaHost();
        while (true) {
            Reply r = io.ask("Host name [" + current + "]: ");
            if (!r.isAnswer()) {
                return move(r);
            }
            String host = r.text().isEmpty() ? current : r.text();
            if (host.equals(mine)) {
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

    private void problem(String text) {
        Paragraph.wrap(text, "  ! ", "    ", io.width()).forEach(io::say);
    }

    private void wrap(String text) {
        Paragraph.wrap(text, "", "", io.width()).forEach(io::say);
    }

}
