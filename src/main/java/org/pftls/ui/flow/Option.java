package org.pftls.ui.flow;

import java.util.Optional;

/**
 * One choice of a question: the value, its label, a note shown beside it, and, when the choice
 * does not apply here, why (such choices are shown, explained, and cannot be taken).
 */
public record Option<T>(T value, String label, String note, Optional<String> unavailable) {

    public static <T> Option<T> of(T value, String label, String note) {
        return new Option<>(value, label, note, Optional.empty());
    }

    public boolean available() {
        return unavailable.isEmpty();
    }
}
