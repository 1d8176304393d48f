package org.pftls.engine.config;

import java.util.Optional;

/** Finds the raw (unexpanded) value of a parameter; empty when the parameter is undefined. */
@FunctionalInterface
public interface ParameterLookup {
    Optional<String> raw(String name);
}
