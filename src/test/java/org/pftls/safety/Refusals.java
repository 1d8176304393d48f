package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** What every refusal looks like: exit 1, one "pftls: fatal:" line on stderr, no stack trace. */
final class Refusals {
    private Refusals() {
    }

    /** Asserts the refusal and returns its line; {@code expected} is a part of it. */
    static String assertRefused(Launcher.Result r, String expected) {
        assertEquals(1, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line: " + r.err());
        assertTrue(lines.get(0).startsWith("pftls: fatal: "), lines.get(0));
        assertTrue(lines.get(0).contains(expected), "expected '" + expected + "' in: " + lines.get(0));
        assertNoCrash(r);
        return lines.get(0);
    }

    /** No stack trace, no Java error, no terminal control character, whatever the outcome. */
    static void assertNoCrash(Launcher.Result r) {
        String all = r.out() + r.err();
        for (String bad : List.of("Exception", "\tat ", "OutOfMemoryError", "internal error", "\u001b", "\u0007")) {
            assertFalse(all.contains(bad), "'" + bad + "' in: " + all);
        }
    }
}
