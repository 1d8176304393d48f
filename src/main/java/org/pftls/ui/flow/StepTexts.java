package org.pftls.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;

/** The texts of the Generate and Confirm steps, the same in both wizards. */
final class StepTexts {
    private StepTexts() {
    }

    /** What the Generate step is doing. */
    static String progress(Answers a, boolean keyReady) {
        String names = String.join(", ", a.hostNames());
        KeyChoice keys = a.keyChoice();
        String text = switch (a.task()) {
            case ENABLE_SERVER, NEW_KEY -> "Making " + (keys.both() ? "new " + keys.label() + " keys, self-signed"
                    + " certificates" : "a new " + keys.label() + " key, a self-signed certificate") + " for " + names
                    + ", and the list of changes.";
            case NEW_CERT -> "Making " + (keys.both() ? "new self-signed certificates" : "a new self-signed"
                    + " certificate") + " for " + names + " (for the deployed " + String.join(" and ",
                    keys.specs().stream().map(s -> s.algorithm().postfixName()).toList()) + " key"
                    + (keys.both() ? "s" : "") + ", or a new " + keys.label() + " key where none is deployed).";
            case ENABLE_CLIENT -> a.clientTls() == ClientTls.DANE ? "Checking that the resolvers Postfix uses validate"
                    + " DNSSEC (as enable-client --dane does), and working out the main.cf change for the SMTP client."
                    : "Working out the main.cf change for the SMTP client.";
            case DEPLOY -> "Checking that " + a.certFile() + " and " + a.keyFile()
                    + " match, and working out the main.cf change.";
            case CSR -> "Making the CSR for the " + a.csrKey() + " key, for " + names + ".";
            case TLSA -> "Computing the TLSA records of the deployed keys.";
        };
        return slowBits(a).filter(bits -> !keyReady).map(bits -> text + " RSA " + bits + " keys can take several"
                + " seconds.").orElse(text);
    }

    /** The size of the RSA key the task makes when it is 4096 bits or more (seconds of work). */
    private static Optional<Integer> slowBits(Answers a) {
        if (a.task() != Task.ENABLE_SERVER && a.task() != Task.NEW_KEY && a.task() != Task.NEW_CERT) {
            return Optional.empty();
        }
        return a.keySpecs().stream().filter(s -> s.algorithm() == KeyAlgorithm.RSA && s.rsaBits() >= 4096)
                .map(KeySpec::rsaBits).findFirst();
    }

    /**
     * What Confirm reminds of: the chain check's warnings of a deploy (as deploy-server-cert words
     * them), then the plan's other warnings.
     */
    static List<ReviewBlock.Item> warnings(Prepared p) {
        List<ReviewBlock.Item> items = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        p.chain().ifPresent(v -> v.warnings().forEach(f -> texts.add(f.text())));
        p.plan().ifPresent(plan -> plan.warnings().stream().filter(w -> !texts.contains(w)).forEach(texts::add));
        texts.forEach(t -> items.add(new ReviewBlock.Item(ReviewBlock.Mark.WARNING, t)));
        p.overrides().forEach(f -> items.add(new ReviewBlock.Item(ReviewBlock.Mark.PROBLEM, f.text())));
        return items;
    }

    /** The Confirm step: what will be written, e.g. "Create 2 new files (...) and set 5 parameters in main.cf." */
    static String confirmWhat(Plan plan) {
        StringBuilder what = new StringBuilder();
        List<NewFile> files = plan.files();
        if (!files.isEmpty()) {
            what.append("Create ").append(files.size()).append(files.size() == 1 ? " new file (" : " new files (")
                    .append(String.join(", ", files.stream().map(f -> f.path().getFileName() + " " + f.modeText())
                            .toList())).append(")");
        }
        plan.mainCf().ifPresent(c -> {
            if (what.length() > 0) {
                what.append(" and ");
            }
            what.append("set ").append(c.settings().size()).append(" parameters in ").append(c.path());
        });
        return what.append('.').toString();
    }

    /** The apply button's label (the line mode's question says the same): what it does. */
    static String verb(Task task) {
        return switch (task) {
            case ENABLE_SERVER, ENABLE_CLIENT -> "Enable TLS";
            case DEPLOY -> "Deploy";
            default -> "Create the files";
        };
    }
}
