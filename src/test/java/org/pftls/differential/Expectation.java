package org.pftls.differential;

/** What a scenario requires of the script's and pftls's observations; fails with an AssertionError. */
interface Expectation {
    void check(Observation script, Observation pftls);
}
