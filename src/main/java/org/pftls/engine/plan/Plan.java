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
 * @param decisions      every main.cf parameter the operation decided about, in order: those it sets
 *                       (the settings of {@link #mainCf}) and, for a merge, those it keeps, each
 *                       with the reason
 * @param keys           the keys and certificates the plan makes or deploys, one per algorithm,
 *                       as the engine made or read them (for review screens; empty when none)
 * @param notes          why the plan is what it is where it depends on the installed Postfix (e.g. the
 *                       session cache type), for --dry-run and the wizard's Review; never printed by a
 *                       real run (the script prints no such lines)
 */
public record Plan(String operation, List<NewFile> files, Optional<MainCfChange> mainCf,
                   List<String> warnings, List<String> messages, List<String> command, List<Setting> decisions,
                   List<KeyCertificate> keys, List<String> notes) {

    public Plan {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        messages = List.copyOf(messages);
        command = List.copyOf(command);
        decisions = List.copyOf(decisions);
        keys = List.copyOf(keys);
        notes = List.copyOf(notes);
    }

    /** A plan with the decisions and keys given, and no notes. */
    public Plan(String operation, List<NewFile> files, Optional<MainCfChange> mainCf, List<String> warnings,
                List<String> messages, List<String> command, List<Setting> decisions, List<KeyCertificate> keys) {
        this(operation, files, mainCf, warnings, messages, command, decisions, keys, List.of());
    }

    /** A plan that makes or deploys no key, whose decisions are exactly its main.cf edit's settings. */
    public Plan(String operation, List<NewFile> files, Optional<MainCfChange> mainCf, List<String> warnings,
                List<String> messages, List<String> command) {
        this(operation, files, mainCf, warnings, messages, command,
                mainCf.map(MainCfChange::settings).orElse(List.of()), List.of(), List.of());
    }

    /** The same plan with these keys and certificates (what the engine made or chose). */
    public Plan withKeys(List<KeyCertificate> made) {
        return new Plan(operation, files, mainCf, warnings, messages, command, decisions, made, notes);
    }

    /** The same plan with these notes added. */
    public Plan withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Plan(operation, files, mainCf, warnings, messages, command, decisions, keys, all);
    }

    /** The same plan without the main.cf edit and messages: only its new files (kept, not deployed). */
    public Plan filesOnly() {
        return new Plan(operation, files, Optional.empty(), List.of(), List.of(), command, List.of(), keys, notes);
    }

    /** True when applying changes nothing on disk (only messages are shown). */
    public boolean changesNothing() {
        return files.isEmpty() && mainCf.isEmpty();
    }

    /** The parameters the plan leaves as they are, with the reason (a merge's "kept" entries). */
    public List<Setting> kept() {
        return decisions.stream().filter(s -> !s.applied()).toList();
    }
}
