package org.pftls.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by Maven), or "development" when run from classes. */
public final class VersionInfo implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionInfo.class.getPackage().getImplementationVersion();
        return new String[] {"pftls " + (v == null ? "(development build)" : v)};
    }
}
