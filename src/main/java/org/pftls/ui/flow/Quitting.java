package org.pftls.ui.flow;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.ui.flow.QuitQuestion.Choice;

/**
 * Quitting at a given moment: the question (after Generate: keep or discard what exists only in
 * memory, and what to do with a CSR saved for that key) and what each answer does.
 */
final class Quitting {
    private final WizardModel model;
    private final WizardActions actions;
    private final Prepared prepared;
    private final Path savedCsr;
    private final KeyPair savedCsrKey;

    /**
     * @param prepared    what Generate made, or null
     * @param savedCsr    where a CSR was saved, or null
     * @param savedCsrKey the key that CSR is for (null for the CSR task's deployed key)
     */
    Quitting(WizardModel model, WizardActions actions, Prepared prepared, Path savedCsr, KeyPair savedCsrKey) {
        this.model = model;
        this.actions = actions;
        this.prepared = prepared;
        this.savedCsr = savedCsr;
        this.savedCsrKey = savedCsrKey;
    }

    QuitQuestion question() {
        if (prepared == null || !prepared.hasUnwrittenFiles()) {
            String saved = savedCsr == null ? "Nothing has been changed." : "Nothing has been changed except that the"
                    + " CSR was saved to " + savedCsr + ".";
            return new QuitQuestion("Quit?", "Quit the wizard? " + saved, List.of(Choice.CONTINUE, Choice.QUIT));
        }
        String made = prepared.makesKey() ? "The new key and certificate exist" : "The new certificate exists";
        if (csrForThisKey()) {
            return new QuitQuestion("Quit?", made + " only in memory, but the CSR for the new key was saved to "
                    + savedCsr + ". Keep them as files in " + model.configDirectory() + " (not deployed)? If you"
                    + " discard them, that CSR is of no use: delete it too?", List.of(Choice.CONTINUE,
                    Choice.KEEP, Choice.DISCARD_AND_DELETE_CSR, Choice.DISCARD));
        }
        return new QuitQuestion("Quit?", made + " only in memory: nothing has been written. Keep them as files in "
                + model.configDirectory() + " (not deployed), or discard them?",
                List.of(Choice.CONTINUE, Choice.DISCARD, Choice.KEEP));
    }

    /** Whether a CSR was saved for the key that exists only in memory now. */
    private boolean csrForThisKey() {
        return savedCsr != null && savedCsrKey != null && prepared != null
                && prepared.keys().stream().anyMatch(k -> k.keyPair() == savedCsrKey);
    }

    /** Does what the choice says (it quits) and returns the ending. */
    Ending quit(Choice choice) throws PftlsException {
        return switch (choice) {
            case KEEP -> {
                Outcome kept = actions.keepFilesOnly(prepared);
                List<String> lines = new ArrayList<>();
                lines.add("pftls: wizard cancelled before deploying; the new files were kept, main.cf is unchanged.");
                lines.addAll(DoneReport.kept(kept));
                prepared.keys().forEach(k -> lines.add("Deploy them later with: " + model.environment()
                        .pftls("deploy-server-cert " + k.certificateFile() + " " + k.keyFile())));
                yield new Ending(1, lines);
            }
            case DISCARD_AND_DELETE_CSR -> {
                actions.deleteCsr(savedCsr);
                yield new Ending(1, List.of("pftls: wizard cancelled; the new key and certificate were discarded"
                        + " (never written), and the CSR saved for them was deleted (" + savedCsr + ")."));
            }
            case DISCARD -> new Ending(1, List.of(csrForThisKey()
                    ? "pftls: wizard cancelled; the new key and certificate were discarded (never written). The CSR"
                    + " saved for that key is still in " + savedCsr + ": it is of no use now; delete it."
                    : "pftls: wizard cancelled; the generated key and certificate were discarded (they had never been"
                    + " written); nothing was changed."));
            default -> savedCsr == null ? Ending.cancelled()
                    : new Ending(1, List.of("pftls: wizard cancelled; nothing was changed except that the CSR was"
                    + " saved to " + savedCsr + "."));
        };
    }
}
