package org.pftls.engine.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.config.MainCfEditor;
import org.pftls.engine.plan.MainCfChange;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Setting;

/** Building plans from settings: the main.cf edit, a merge's plan, a plan with some settings unticked. */
final class Plans {
    private final Instance instance;

    Plans(Instance instance) {
        this.instance = instance;
    }

    /**
     * The plan without some of its main.cf settings (the ones the operator unticked in the
     * wizard): main.cf is edited again from what was read, with the remaining settings; the
     * unticked ones become "kept". Files are still created.
     */
    Plan without(Plan plan, Set<String> names) throws PftlsException {
        if (plan.mainCf().isEmpty() || names.isEmpty()) {
            return plan;
        }
        List<Setting> decisions = new ArrayList<>();
        List<Setting> applied = new ArrayList<>();
        for (Setting s : plan.decisions()) {
            if (s.applied() && names.contains(s.name())) {
                decisions.add(Setting.keep(s.name(), s.oldValue(), s.oldValue().orElse(""), "unticked"));
            } else {
                decisions.add(s);
                if (s.applied()) {
                    applied.add(s);
                }
            }
        }
        Optional<MainCfChange> change = applied.isEmpty() ? Optional.empty() : Optional.of(mainCfChange(applied));
        List<String> messages = new ArrayList<>(plan.messages());
        messages.replaceAll(m -> decisionLine(plan.decisions(), m, decisions));
        return new Plan(plan.operation(), plan.files(), change, plan.warnings(), messages, plan.command(), decisions,
                plan.keys(), plan.notes());
    }

    private static String decisionLine(List<Setting> before, String message, List<Setting> after) {
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).describe().equals(message)) {
                return after.get(i).describe();
            }
        }
        return message;
    }

    /** A merge's plan: the applied decisions edit main.cf; every decision is listed first in the messages. */
    Plan merged(String operation, List<NewFile> newFiles, List<Setting> decisions, List<String> warnings,
                        List<String> doneMessages, List<String> command) throws PftlsException {
        List<Setting> applied = decisions.stream().filter(Setting::applied).toList();
        List<String> messages = new ArrayList<>();
        decisions.forEach(d -> messages.add(d.describe()));
        messages.addAll(applied.isEmpty() && newFiles.isEmpty()
                ? List.of("Nothing to change: every setting is already as " + operation + " would make it.")
                : doneMessages);
        Optional<MainCfChange> change = applied.isEmpty() ? Optional.empty() : Optional.of(mainCfChange(applied));
        return new Plan(operation, newFiles, change, warnings, messages, command, decisions, List.of());
    }

    MainCfChange mainCfChange(List<Setting> settings) throws PftlsException {
        byte[] before = instance.mainCf().bytes();
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (Setting s : settings) {
            entries.add(Map.entry(s.name(), s.newValue()));
        }
        MainCfEditor.Edit edit = MainCfEditor.set(before, entries, instance.mainCfPath().toString());
        return new MainCfChange(instance.mainCfPath(), instance.stamp(), before, edit.after(), settings,
                edit.warnings());
    }

}
