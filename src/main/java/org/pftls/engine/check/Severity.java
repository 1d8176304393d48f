package org.pftls.engine.check;

/** How bad a {@link Finding} is: a PROBLEM or WARNING needs action (status exits 1), INFO does not. */
public enum Severity {
    PROBLEM, WARNING, INFO
}
