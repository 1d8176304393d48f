package org.pftls.ui;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pftls.engine.plan.MainCfChange;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;

/** A plan as plain text: files to create, the main.cf diff, the messages. Shared by all front ends. */
public final class PlanReport {
    private PlanReport() {
    }

    /** The unified diff of main.cf (before → after), empty when the plan leaves main.cf alone. */
    public static List<String> mainCfDiff(Plan plan) {
        if (plan.mainCf().isEmpty()) {
            return List.of();
        }
        MainCfChange c = plan.mainCf().get();
        List<String> before = lines(c.before());
        List<String> after = lines(c.after());
        Patch<String> patch = DiffUtils.diff(before, after);
        return UnifiedDiffUtils.generateUnifiedDiff(c.path() + " (now)", c.path() + " (after)", before, patch, 3);
    }

    /** One line per file: mode, role and path. */
    public static List<String> fileLines(Plan plan) {
        List<String> out = new ArrayList<>();
        for (NewFile f : plan.files()) {
            out.add("  " + f.modeText() + "  " + String.format("%-12s", f.role().label()) + "  " + f.path());
        }
        return out;
    }

    /** The whole plan, as --dry-run prints it. */
    public static List<String> render(Plan plan) {
        List<String> out = new ArrayList<>();
        out.add("Plan for " + plan.operation() + " (dry run: nothing was changed)");
        if (plan.changesNothing()) {
            out.add("No files would be created and main.cf would not change.");
        }
        if (!plan.files().isEmpty()) {
            out.add("Files that would be created (never overwriting anything):");
            out.addAll(fileLines(plan));
        }
        if (plan.mainCf().isPresent()) {
            out.add("main.cf would change as follows:");
            out.addAll(mainCfDiff(plan));
        }
        if (!plan.notes().isEmpty()) {
            out.add("Notes (this Postfix):");
            plan.notes().forEach(n -> out.add("  " + n));
        }
        if (!plan.warnings().isEmpty()) {
            out.add("Warnings:");
            plan.warnings().forEach(w -> out.add("  " + w));
        }
        if (!plan.messages().isEmpty()) {
            out.add("Messages the real run would print:");
            plan.messages().forEach(m -> out.add("  | " + m));
        }
        out.add("Command: " + String.join(" ", plan.command().stream().map(PlanReport::quote).toList()));
        return out;
    }

    /** Shell-quotes a word when it needs it. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8); // shown as a UTF-8 terminal shows the file
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> l = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l;
    }
}
