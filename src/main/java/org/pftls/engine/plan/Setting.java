package org.pftls.engine.plan;

import java.util.Optional;

/**
 * One main.cf parameter a plan sets.
 *
 * @param name     parameter name
 * @param oldValue the value main.cf has now, if it sets it
 * @param newValue the value it will have
 */
public record Setting(String name, Optional<String> oldValue, String newValue) {

    /** The text postconf -e is given: {@code name = value}. */
    public String assignment() {
        return name + " = " + newValue;
    }

    /** True when main.cf already says exactly this. */
    public boolean unchanged() {
        return oldValue.isPresent() && oldValue.get().equals(newValue);
    }
}
