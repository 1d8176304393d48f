package org.pftls.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ansible-test sanity} (Debian's ansible-core 2.14) on the collection, offline: every sanity
 * test that needs no Python package from PyPI. The others (ansible-doc, changelog, import, pep8,
 * pylint, runtime-metadata, validate-modules, yamllint) install their pinned requirements with pip
 * into virtual environments of their own, and bootstrap pip itself by downloading it: not possible
 * here. In their place, what needs no PyPI: Ansible's own {@code ansible-doc} renders both modules,
 * and each module's DOCUMENTATION options are exactly its argument_spec (what validate-modules
 * checks first).
 */
class AnsibleSanityIT {
    private static final Duration LIMIT = Duration.ofMinutes(10);
    /** The sanity tests of ansible-core 2.14 that run without PyPI (ansible-test sanity --list-tests, less the eight). */
    static final List<String> OFFLINE = List.of("action-plugin-docs", "compile", "empty-init", "future-import-boilerplate",
            "ignores", "line-endings", "metaclass-boilerplate", "no-assert", "no-basestring", "no-dict-iteritems",
            "no-dict-iterkeys", "no-dict-itervalues", "no-get-exception", "no-illegal-filenames", "no-main-display",
            "no-smart-quotes", "no-unicode-literals", "pslint", "replace-urlopen", "shebang", "shellcheck", "symlinks",
            "use-argspec-type-path", "use-compat-six");
    static final List<String> NEED_PYPI = List.of("ansible-doc", "changelog", "import", "pep8", "pylint",
            "runtime-metadata", "validate-modules", "yamllint");

    @TempDir
    Path dir;
    private Path root;
    private Path collection;
    private Map<String, String> env;
    private String python;

    @BeforeEach
    void copyTheCollection() throws IOException {
        root = dir.resolve("tree");
        collection = root.resolve("ansible_collections/pftls/postfix");
        copy(Path.of("dist/ansible").toAbsolutePath(), collection);
        Path home = Files.createDirectories(dir.resolve("home"));
        // ansible-test keeps its virtual environments under ~/.ansible: a home of the test's own.
        env = Map.of("HOME", home.toString(), "LC_ALL", "C.UTF-8", "ANSIBLE_NOCOLOR", "1",
                "ANSIBLE_COLLECTIONS_PATH", root.toString(), "ANSIBLE_COLLECTIONS_SCAN_SYS_PATH", "False");
        Command.Result v = Command.run(LIMIT, "/usr/bin/python3", "-c",
                "import sys; print('%d.%d' % sys.version_info[:2])");
        assertEquals(0, v.exit(), v.describe());
        python = v.out().trim();
    }

    /** A copy as ansible-galaxy packs it: links followed. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private Command.Result sanity(List<String> tests) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "cd \"$0\" && exec /usr/bin/ansible-test \"$@\"",
                collection.toString(), "sanity", "--python", python));
        for (String t : tests) {
            command.add("--test");
            command.add(t);
        }
        return Command.run(LIMIT, env, command.toArray(new String[0]));
    }

    @Test
    void theOfflineSanityTestsPass() {
        Command.Result list = Command.run(LIMIT, env, "/bin/sh", "-c", "cd \"$0\" && exec /usr/bin/ansible-test sanity"
                + " --list-tests", collection.toString());
        assertEquals(0, list.exit(), list.describe());
        List<String> all = new ArrayList<>(OFFLINE);
        all.addAll(NEED_PYPI);
        assertEquals(all.stream().sorted().toList(), list.out().lines().filter(l -> !l.startsWith("WARNING")).sorted()
                .toList(), "this ansible-test's sanity tests: offline ones listed in OFFLINE, the others in NEED_PYPI");
        Command.Result r = sanity(OFFLINE);
        assertEquals(0, r.exit(), r.describe());
        for (String t : OFFLINE) {
            assertTrue(r.out().contains("Running sanity test \"" + t + "\""), t + " did not run:\n" + r.describe());
        }
        assertTrue(!(r.out() + r.err()).contains("Skipping sanity test"), "a test was skipped:\n" + r.describe());
    }

    @Test
    void theyCanFail() throws IOException {
        Path module = collection.resolve("plugins/modules/tls.py");
        Files.writeString(module, Files.readString(module) + "\nassert True\n");
        Command.Result r = sanity(List.of("no-assert"));
        assertEquals(1, r.exit(), r.describe());
        assertTrue(r.out().contains("plugins/modules/tls.py:"), r.describe());
    }

    @Test
    void ansibleDocRendersBothModulesAndTheirOptionsAreTheirArgumentSpecs() {
        Command.Result doc = Command.run(LIMIT, env, "/usr/bin/ansible-doc", "pftls.postfix.tls", "pftls.postfix.tls_info");
        assertEquals(0, doc.exit(), doc.describe());
        assertTrue(doc.out().contains("PFTLS.POSTFIX.TLS_INFO"), doc.describe());
        assertTrue(doc.out().contains("RETURN VALUES"), doc.describe());
        Command.Result spec = Command.run(LIMIT, env, "/usr/bin/python3",
                Path.of("src/test/resources/ansible/argspec_matches_docs.py").toAbsolutePath().toString(), root.toString());
        assertEquals(0, spec.exit(), spec.describe());
    }
}
