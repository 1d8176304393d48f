package org.pftls.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Setting;
import org.pftls.ui.PlanReport;

/**
 * The Review's parts for a merge (enable-server or enable-client on settings that are not all
 * default): one checklist entry per parameter the plan decided about, and what the equivalent
 * command needs when some changes are unticked.
 */
final class MergeReview {
    /** The key of the changes checklist in the answers. */
    static final String CHECKLIST = "main.cf changes";
    /** The parameters that deploy the new keys: they go with the Key step's answer, not a check box. */
    static final Set<String> KEY_PARAMETERS = Set.of("smtpd_tls_cert_file", "smtpd_tls_key_file",
            "smtpd_tls_eccert_file", "smtpd_tls_eckey_file", "smtpd_tls_chain_files");

    private MergeReview() {
    }

    /**
     * Each decision of the plan: added and changed parameters have a check box (ticked unless the
     * operator unticked them), except those that deploy the new keys; kept ones are shown with the
     * reason, without one.
     */
    static ReviewBlock.Checklist checklist(Plan plan) {
        List<ReviewBlock.Entry> entries = new ArrayList<>();
        for (Setting s : plan.decisions()) {
            String text = new Setting(s.name(), s.oldValue(), s.newValue(), s.action(), "").describe();
            if (!s.applied()) {
                entries.add(new ReviewBlock.Entry(s.name(), text, s.reason(), false));
            } else if (KEY_PARAMETERS.contains(s.name())) {
                entries.add(new ReviewBlock.Entry(s.name(), text, s.reason(), false));
            } else {
                entries.add(new ReviewBlock.Entry(s.name(), text, s.reason(), true));
            }
        }
        return new ReviewBlock.Checklist(CHECKLIST, entries);
    }

    /** What the checklist is about: what a tick means, and why the key parameters have no check box. */
    static String explanation() {
        return "Ticked changes are made; untick one to leave it out. The key and certificate parameters go with"
                + " the key(s) chosen on the Key step (go Back to choose others); kept ones are shown with the"
                + " reason.";
    }

    /**
     * The command lines that do what the wizard will do: the subcommand (which makes every change),
     * then a {@code postconf} line for each unticked change that sets it back (removes an added
     * parameter, restores a changed one).
     */
    static List<String> commands(String command, Plan plan, Set<String> unticked, String configDirectory) {
        List<String> lines = new ArrayList<>(List.of(command));
        for (Setting s : plan.decisions()) {
            if (!s.applied() || !unticked.contains(s.name())) {
                continue;
            }
            String dir = PlanReport.quote(configDirectory);
            lines.add(s.action() == Setting.Action.ADD ? "postconf -c " + dir + " -X " + s.name()
                    : "postconf -c " + dir + " -e " + PlanReport.quote(s.name() + " = " + s.oldValue().orElse("")));
        }
        return lines;
    }

    /** The unticked changes that the plan would have made, by name. */
    static List<String> left(Plan plan, Set<String> unticked) {
        return plan.decisions().stream().filter(s -> s.applied() && unticked.contains(s.name()))
                .map(Setting::name).toList();
    }
}
