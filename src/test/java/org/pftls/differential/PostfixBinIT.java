package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher ({@code dist/pftls}) runs the Postfix programs named by {@code PFTLS_POSTFIX_BIN}
 * (and {@code --postfix-bin}), and no others. The named directory is one of the test's own, holding
 * {@code postconf} and {@code postlog} wrappers that record every call and then run the newest
 * Postfix's programs (3.11.6); nothing is installed under /usr/sbin, which is checked unchanged.
 * The version shows in {@code status}, and {@code enable-client} takes that version's session cache
 * type (its postconf -m has lmdb; Debian's in /usr/sbin has not).
 */
class PostfixBinIT {
    private static final String DEBIAN_MAIN_CF = "samples/debian-fresh.cf";

    @TempDir
    Path work;

    private PostfixUnderTest newest() {
        List<PostfixUnderTest> all = PostfixVersions.all().toList();
        return all.get(all.size() - 1);
    }

    /** A root-owned 0755 directory of wrappers that log "program args" to {@code log} and exec the real one. */
    private Path wrappers(PostfixUnderTest postfix, Path log) throws IOException {
        Path bin = work.resolve("bin");
        Files.createDirectories(bin);
        for (Path dir : List.of(work, bin)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (String program : List.of("postconf", "postlog", "postfix")) {
            Path wrapper = bin.resolve(program);
            Files.writeString(wrapper, "#!/bin/sh\necho \"" + program + " $*\" >> " + log + "\nexec "
                    + postfix.postconf().resolveSibling(program) + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private Path instance() throws IOException {
        Path etc = work.resolve("etc");
        Files.createDirectories(etc);
        String mainCf = ScenarioRunner.sandboxed(new String(ScenarioRunner.resource(DEBIAN_MAIN_CF),
                StandardCharsets.ISO_8859_1)).replace("@DIR@", etc.toString());
        Files.writeString(etc.resolve("main.cf"), mainCf, StandardCharsets.ISO_8859_1);
        Files.writeString(etc.resolve("master.cf"), "");
        MainCfTime.backdate(etc);
        return etc;
    }

    private static ExternalCommand.Result pftls(Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", "dist/pftls"));
        command.addAll(List.of(args));
        return ExternalCommand.run(command, env, null);
    }

    /** Names, sizes and modification times under /usr/sbin. */
    private static Map<String, String> usrSbin() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(PostfixVersions.DEBIAN_SBIN)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                m.put(p.getFileName().toString(), Files.isRegularFile(p)
                        ? Files.size(p) + " " + Files.getLastModifiedTime(p) : "other");
            }
        }
        return m;
    }

    @Test
    void theNamedPostconfAnswersAndNoOther() throws Exception {
        PostfixUnderTest postfix = newest();
        RequiredTools.check(postfix);
        RequiredTools.check(PostfixVersions.debian());
        Map<String, String> before = usrSbin();
        Path log = work.resolve("calls.log");
        Path bin = wrappers(postfix, log);
        Path etc = instance();
        Map<String, String> env = Map.of("PFTLS_POSTFIX_BIN", bin.toString());

        ExternalCommand.Result status = pftls(env, "-c", etc.toString(), "status");
        assertTrue(status.outText().contains("Postfix:                 " + postfix.version() + " (programs in " + bin
                + ")\n"), status.outText() + status.err());
        assertTrue(Files.readString(log).contains("postconf -d"), "the wrapper ran: " + Files.readString(log));

        ExternalCommand.Result enable = pftls(env, "-c", etc.toString(), "enable-client");
        assertEquals(0, enable.status(), enable.err());
        String mainCf = Files.readString(etc.resolve("main.cf"), StandardCharsets.ISO_8859_1);
        // lmdb, and that version's data_directory, as its own postfix tls writes them.
        assertTrue(mainCf.contains("smtp_tls_session_cache_database = lmdb:" + postfix.postconf().getParent()
                .resolveSibling("data") + "/smtp_scache\n"), mainCf);
        String calls = Files.readString(log);
        assertTrue(calls.contains("postconf -c " + etc + " -m"), calls);
        assertTrue(calls.contains("postlog -c " + etc + " -t postfix/pftls -p info"), calls);

        // --postfix-bin wins over the variable; without either, Debian's /usr/sbin answers.
        ExternalCommand.Result option = pftls(env, "--postfix-bin", "/usr/sbin", "-c", etc.toString(), "status");
        assertTrue(option.outText().contains("(programs in /usr/sbin)"), option.outText());
        ExternalCommand.Result plain = pftls(Map.of(), "-c", etc.toString(), "status");
        assertTrue(plain.outText().contains("Postfix:                 " + PostfixVersions.debian().version()
                + " (programs in /usr/sbin)"), plain.outText());

        assertEquals(before, usrSbin(), "nothing under /usr/sbin changed");
    }

    @Test
    void aNamedDirectoryWithoutWorkingPostconfIsRefusedInOneLine() throws Exception {
        Path etc = instance();
        Path bin = work.resolve("broken");
        Files.createDirectories(bin);
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(bin.resolve("postconf"), "#!/bin/sh\necho 'postconf: fatal: cannot work' >&2\nexit 1\n");
        Files.setPosixFilePermissions(bin.resolve("postconf"), PosixFilePermissions.fromString("rwxr-xr-x"));
        ExternalCommand.Result r = pftls(Map.of("PFTLS_POSTFIX_BIN", bin.toString()), "-c", etc.toString(),
                "enable-client");
        assertEquals(1, r.status());
        assertEquals("pftls: fatal: PFTLS_POSTFIX_BIN=" + bin + ": " + bin.toRealPath().resolve("postconf")
                + " does not work (postconf -d failed: postconf: fatal: cannot work); name the directory of a working"
                + " Postfix installation's programs\n", r.err());
        assertEquals("", r.outText());
    }
}
