package org.pftls.differential;

import java.util.List;

/**
 * One differential scenario: a main.cf (a test resource; {@code @DIR@} stands for the scenario's
 * configuration directory, in main.cf and in the arguments), the {@code tls} subcommand with its
 * arguments, and what the two tools' results must satisfy.
 */
record Scenario(String name, String mainCf, List<String> args, Expectation expectation) {
    @Override
    public String toString() {
        return name;
    }
}
