package org.pftls.ui.flow;

import java.util.List;
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
        String text = switch (a.task()) {
            case ENABLE_SERVER, NEW_KEY -> "Making a new " + WizardModel.label(a.keySpec())
                    + " key, a self-signed certificate for " + names + ", and the list of changes.";
            case NEW_CERT -> "Making a new self-signed certificate for " + names + " (for the deployed "
                    + a.keySpec().algorithm().postfixName() + " key, or a new "
                    + WizardModel.label(a.keySpec()) + " key when none is deployed).";
            case ENABLE_CLIENT -> "Working out the main.cf change for the SMTP client.";
            case DEPLOY -> "Checking that " + a.certFile() + " and " + a.keyFile()
                    + " match, and working out the main.cf change.";
            case CSR -> "Making the CSR for the " + a.csrKey() + " key, for " + names + ".";
            case TLSA -> "Computing the TLSA records of the deployed keys.";
        };
        return slowKey(a) && !keyReady ? text + " RSA " + a.keySpec().rsaBits() + " keys can take several seconds."
                : text;
    }

    /** Whether the task makes an RSA key of 4096 bits or more (seconds of work). */
    private static boolean slowKey(Answers a) {
        KeySpec spec = a.keySpec();
        return (a.task() == Task.ENABLE_SERVER || a.task() == Task.NEW_KEY || a.task() == Task.NEW_CERT)
                && spec != null && spec.algorithm() == KeyAlgorithm.RSA && spec.rsaBits() >= 4096;
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
