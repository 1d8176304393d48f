package org.pftls.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.ports.PostfixInstallation;

/**
 * For unit tests of version-dependent logic without Postfix: the built-in 3.7 defaults, but
 * answering as another version would for {@code mail_version}, {@code postconf -m} and the program
 * directory. What real versions answer is checked against them in the per-version ITs.
 */
public record ModelledPostfix(String version, List<String> mapTypes, Optional<Path> programs)
        implements PostfixInstallation {
    private static final BuiltinPostfix37 BUILTIN = new BuiltinPostfix37();

    /**
     * An installed Postfix of this version with lmdb and btree, whose programs are said to be in
     * {@link #PROGRAMS}/postfix-VERSION/sbin: a directory that does not exist, so nothing is ever run
     * (no mail logging, no reload) from a test that uses it.
     */
    public static ModelledPostfix installed(String version) {
        return new ModelledPostfix(version, List.of("btree", "hash", "lmdb", "regexp"),
                Optional.of(Path.of(PROGRAMS + "/postfix-" + version + "/sbin")));
    }

    /** Where modelled installations are said to be (nothing is there). */
    public static final String PROGRAMS = "/nonexistent-pftls-test";

    public ModelledPostfix withMapTypes(String... types) {
        return new ModelledPostfix(version, List.of(types), programs);
    }

    @Override
    public boolean installed() {
        return programs.isPresent();
    }

    @Override
    public Optional<String> defaultValue(String name) {
        return name.equals("mail_version") ? Optional.of(version) : BUILTIN.defaultValue(name);
    }

    @Override
    public List<String> mapTypes(Path configDirectory) {
        return mapTypes;
    }

    @Override
    public Set<String> publicKeyAlgorithms() {
        return BUILTIN.publicKeyAlgorithms();
    }

    @Override
    public String mailVersion() {
        return version;
    }

    @Override
    public Optional<Path> programDirectory() {
        return programs;
    }
}
