package org.pftls.engine.plan;

import java.util.List;
import java.util.Optional;

/**
 * Everything one operation will change, as data. The wizard's review screen, {@code --dry-run}
 * and the applier all use the same plan; nothing is written while a plan is made.
 *
 * @param operation      the postfix tls subcommand this plan carries out, e.g. {@code enable-server}
 * @param files          files to create, in creation order (key before certificate)
 * @param mainCf         the main.cf edit, if any
 * @param warnings       warnings to show before applying (e.g. a configured key file that is missing)
 * @param messages       the informational text to show after a successful apply, one entry per line
 *                       (the same lines postfix-tls-script logs)
 * @param command        the equivalent non-interactive command line
 * @param notes          why the plan is what it is where it depends on the installed Postfix (e.g. the
 *                       session cache type), for --dry-run and the wizard's Review; never printed by a
 *                       real run (the script prints no such lines)
 */
public record Plan(String operation, List<NewFile> files, Optional<MainCfChange> mainCf,
                   List<String> warnings, List<String> messages, List<String> command, List<String> notes) {

    public Plan {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        messages = List.copyOf(messages);
        command = List.copyOf(command);
        notes = List.copyOf(notes);
    }

    /** A plan without notes. */
    public Plan(String operation, List<NewFile> files, Optional<MainCfChange> mainCf, List<String> warnings,
                List<String> messages, List<String> command) {
        this(operation, files, mainCf, warnings, messages, command, List.of());
    }

    /** The same plan with these notes added. */
    public Plan withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Plan(operation, files, mainCf, warnings, messages, command, all);
    }

    /** True when applying changes nothing on disk (only messages are shown). */
    public boolean changesNothing() {
        return files.isEmpty() && mainCf.isEmpty();
    }
}
