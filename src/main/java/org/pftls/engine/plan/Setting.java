package org.pftls.engine.plan;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.pftls.engine.config.MainCfText;

/**
 * One main.cf parameter a plan decides about: one it sets (added or changed), or, for a merge,
 * one it deliberately leaves as it is (kept), each with the reason.
 *
 * @param name     parameter name
 * @param oldValue the value main.cf has now, if it sets it
 * @param newValue the value it will have (for {@link Action#KEEP}: the value it keeps)
 * @param action   added, changed or kept
 * @param reason   why, for people (may be empty for the script's own subcommands)
 */
public record Setting(String name, Optional<String> oldValue, String newValue, Action action, String reason) {

    /** What the plan does with the parameter. */
    public enum Action {
        /** main.cf does not set it yet; the plan adds it. */
        ADD("added"),
        /** main.cf sets it (possibly to the same value); the plan writes the new value. */
        CHANGE("changed"),
        /** The plan leaves it as it is (shown, never written). */
        KEEP("kept");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        /** "added", "changed" or "kept". */
        public String label() {
            return label;
        }
    }

    /** A parameter that is set: added when main.cf does not have it, else changed; no reason. */
    public Setting(String name, Optional<String> oldValue, String newValue) {
        this(name, oldValue, newValue, oldValue.isPresent() ? Action.CHANGE : Action.ADD, "");
    }

    /** A parameter set for a reason: added when main.cf does not have it, else changed. */
    public static Setting set(String name, Optional<String> oldValue, String newValue, String reason) {
        return new Setting(name, oldValue, newValue, oldValue.isPresent() ? Action.CHANGE : Action.ADD, reason);
    }

    /** A parameter left as it is, for a reason. */
    public static Setting keep(String name, Optional<String> value, String effectiveValue, String reason) {
        return new Setting(name, value, effectiveValue, Action.KEEP, reason);
    }

    /** The text postconf -e is given: {@code name = value}. */
    public String assignment() {
        return name + " = " + newValue;
    }

    /** True when main.cf already says exactly this. */
    public boolean unchanged() {
        return oldValue.isPresent() && oldValue.get().equals(newValue);
    }

    /** True for a parameter the plan writes (added or changed). */
    public boolean applied() {
        return action != Action.KEEP;
    }

    /**
     * One line for people, e.g. {@code smtpd_tls_loglevel: added "1" (as enable-server sets it)} or
     * {@code smtpd_tls_security_level: kept "encrypt" (stricter than may)}.
     */
    public String describe() {
        StringBuilder b = new StringBuilder(name).append(": ");
        switch (action) {
            case CHANGE -> b.append("changed ").append(quoted(oldValue.orElse(""))).append(" -> ")
                    .append(quoted(newValue));
            case ADD -> b.append("added ").append(quoted(newValue));
            case KEEP -> b.append(oldValue.isEmpty() && newValue.isEmpty() ? "left unset"
                    : "kept " + quoted(oldValue.orElse(newValue)));
        }
        if (!reason.isEmpty()) {
            b.append(" (").append(reason).append(')');
        }
        return b.toString();
    }

    /**
     * A value as people read it: main.cf keeps a value as its bytes (one char per byte), shown as a
     * UTF-8 terminal shows main.cf (as the diff shows it); a byte that is not UTF-8 shows as U+FFFD.
     */
    private static String quoted(String value) {
        return "\"" + MainCfText.display(value, StandardCharsets.UTF_8) + "\"";
    }
}
