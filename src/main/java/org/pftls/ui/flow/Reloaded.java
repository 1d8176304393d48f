package org.pftls.ui.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * How a job of the Done step went (postfix reload and verify, installing certbot's hook): the
 * line to show under the Done text and to leave in the summary, and verify's report.
 *
 * @param ok     whether it went well (verify: the server serves what is deployed)
 * @param line   what happened, e.g. Postfix's own words when the reload failed
 * @param report verify's report, one line per algorithm and per problem with its fix (may be empty)
 */
public record Reloaded(boolean ok, String line, List<String> report) {
    public Reloaded {
        report = List.copyOf(report);
    }

    public Reloaded(boolean ok, String line) {
        this(ok, line, List.of());
    }

    /** The line and the report. */
    public List<String> lines() {
        List<String> all = new ArrayList<>(List.of(line));
        all.addAll(report);
        return all;
    }
}
