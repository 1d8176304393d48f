package org.pftls.differential;

/** The two sides of one scenario, observed. */
record Outcome(Observation script, Observation pftls) {
}
