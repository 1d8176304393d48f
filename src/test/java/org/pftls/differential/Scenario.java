package org.pftls.differential;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One differential scenario: a main.cf (a test resource; {@code @DIR@} stands for the scenario's
 * configuration directory, in main.cf and in the arguments), the {@code tls} subcommand with its
 * arguments, what the two tools' results must satisfy, and what else each copy of the instance holds
 * before the run ({@code setUp}: e.g. the snakeoil files of Debian's ssl-cert package under DIR/etc;
 * called with the fixtures and the copy's directory).
 */
record Scenario(String name, String mainCf, List<String> args, Expectation expectation,
                BiConsumer<Fixtures, Path> setUp) {
    /** A scenario with nothing beyond the fixtures and DIR/etc/mailname. */
    Scenario(String name, String mainCf, List<String> args, Expectation expectation) {
        this(name, mainCf, args, expectation, (fixtures, dir) -> { });
    }

    @Override
    public String toString() {
        return name;
    }
}
