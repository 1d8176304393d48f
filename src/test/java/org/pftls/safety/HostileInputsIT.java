package org.pftls.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pftls.testing.Sandbox;

/**
 * Issue #13, finding 8, with the real launcher (its 64 MiB heap): FIFOs, devices and huge files
 * where pftls reads a key, a certificate, main.cf or its history, and names with a line break.
 * Before, a FIFO hung deploy-server-cert (holding the lock), /dev/zero or a 100 MB certificate
 * ended in OutOfMemoryError with a stack trace, and a line break in a name was an "internal
 * error" with a stack trace. Now each is one "pftls: fatal:" line naming the file and the limit or
 * the fix, within seconds, and nothing changes.
 */
class HostileInputsIT {
    private static final long HUNDRED_MB = 100L << 20;

    @TempDir
    Path work;

    @BeforeAll
    static void tools() {
        Launcher.require("openssl", "openssl");
        Launcher.require("mkfifo", "coreutils");
    }

    /** Prepares one hostile input in the instance directory. */
    interface Setup {
        void prepare(Path dir) throws Exception;
    }

    static Arguments refused(String title, String expected, Setup setup, String... args) {
        return Arguments.of(title, expected, setup, args);
    }

    static Stream<Arguments> inputs() {
        return Stream.of(
                refused("FIFO as key", "no private key found in file: DIR/fifo.pem (not a regular file but a FIFO"
                        + " (named pipe)); give a regular file", dir -> fifo(dir.resolve("fifo.pem")),
                        "deploy-server-cert", "cert.pem", "fifo.pem"),
                refused("FIFO as certificate", "cannot read certificate file DIR/fifo.pem (not a regular file but a"
                        + " FIFO (named pipe)); give a regular file", dir -> fifo(dir.resolve("fifo.pem")),
                        "deploy-server-cert", "fifo.pem", "key.pem"),
                refused("/dev/zero as certificate", "cannot read certificate file /dev/zero (not a regular file but a"
                        + " character device); give a regular file", dir -> { }, "deploy-server-cert", "/dev/zero",
                        "key.pem"),
                refused("/dev/zero as key", "no private key found in file: /dev/zero (not a regular file but a"
                        + " character device)", dir -> { }, "deploy-server-cert", "cert.pem", "/dev/zero"),
                refused("100 MB certificate", "cannot read certificate file DIR/big.pem (larger than 1 MiB, the most"
                        + " pftls reads from such a file); give the PEM file itself: a key or certificate file is a few"
                        + " KB", dir -> huge(dir.resolve("big.pem")), "deploy-server-cert", "big.pem", "key.pem"),
                refused("100 MB key", "no private key found in file: DIR/big.pem (larger than 1 MiB, the most pftls"
                        + " reads from such a file)", dir -> huge(dir.resolve("big.pem")), "deploy-server-cert",
                        "cert.pem", "big.pem"),
                refused("100 MB key for a CSR", "(larger than 1 MiB, the most pftls reads from such a file)",
                        dir -> huge(dir.resolve("big.pem")), "output-server-csr", "-k", "big.pem"),
                refused("FIFO key for TLSA", "(not a regular file but a FIFO (named pipe))",
                        dir -> fifo(dir.resolve("fifo.pem")), "output-server-tlsa", "fifo.pem"),
                refused("main.cf a FIFO", "cannot read DIR/main.cf: not a regular file but a FIFO (named pipe)", dir -> {
                    Files.delete(dir.resolve("main.cf"));
                    fifo(dir.resolve("main.cf"));
                }, "enable-client"),
                refused("main.cf a symlink to /dev/zero", "cannot read DIR/main.cf: not a regular file but a"
                        + " character device", dir -> {
                            Files.delete(dir.resolve("main.cf"));
                            Files.createSymbolicLink(dir.resolve("main.cf"), Path.of("/dev/zero"));
                        }, "status"),
                refused("main.cf of 100 MB", "cannot read DIR/main.cf: larger than 4 MiB, the most pftls reads from"
                        + " such a file", dir -> huge(dir.resolve("main.cf")), "enable-client"),
                refused("history a FIFO", "cannot read DIR/pftls-history.log: not a regular file but a FIFO",
                        dir -> fifo(dir.resolve("pftls-history.log")), "history"),
                refused("history a FIFO, appending", "cannot record the change in DIR/pftls-history.log: not a regular"
                        + " file but a FIFO (named pipe); nothing was changed",
                        dir -> fifo(dir.resolve("pftls-history.log")), "enable-client"),
                refused("history of 100 MB", "cannot read DIR/pftls-history.log: larger than 4 MiB",
                        dir -> huge(dir.resolve("pftls-history.log")), "rollback", "--yes"),
                refused("a line break in a file name", "the file name DIR/new\\nline.pem contains a line break, which"
                        + " a main.cf value cannot hold; rename the file", dir -> Files.copy(dir.resolve("cert.pem"),
                        dir.resolve("new\nline.pem")), "deploy-server-cert", "new\nline.pem", "key.pem"),
                refused("a line break in the directory name", "the file name ", dir -> { }, "-c", "LINEBREAK",
                        "enable-server", "-a", "ecdsa"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void refusedAtOnceWithOneLine(String title, String expected, Setup setup, String[] args) throws Exception {
        boolean hostileDirectory = args[0].equals("-c");
        Path dir = Files.createDirectory(work.resolve(hostileDirectory ? "post\nfix" : "postfix"));
        Files.write(dir.resolve("main.cf"), Sandbox.resource("/samples/debian-fresh.cf"));
        Files.setLastModifiedTime(dir.resolve("main.cf"), FileTime.from(Instant.now().minusSeconds(3600)));
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj",
                "/CN=mail.example.org", "-addext", "subjectAltName=DNS:mail.example.org", "-days", "3650").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, p.waitFor());
        setup.prepare(dir);
        Map<String, String> before = Scratch.snapshot(dir, true);

        long start = System.nanoTime();
        Launcher.Result r = Launcher.run(dir, hostileDirectory ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : args);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 30, "pftls took " + seconds + " s: it waited on something");
        Refusals.assertRefused(r, expected.replace("DIR", dir.toString().replace("\n", "\\n")));
        assertEquals(before, Scratch.snapshot(dir, true), "nothing changed");
        assertNoProgramLeftOn(dir);
    }

    /**
     * No Postfix program left running on the directory: Postfix reads main.cf without a limit, so
     * postlog -c DIR hung on a FIFO main.cf and took gigabytes on a huge one after pftls had exited.
     */
    private static void assertNoProgramLeftOn(Path dir) throws InterruptedException {
        String name = dir.toString();
        List<ProcessHandle> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = ProcessHandle.allProcesses().filter(h -> h.info().arguments().map(a -> List.of(a).contains(name))
                    .orElse(false)).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        List<String> commands = left.stream().map(h -> h.info().commandLine().orElse("?")).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        fail("still running on " + dir + " after pftls exited: " + commands);
    }

    private static void fifo(Path p) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
    }

    /** A sparse file of 100 MB: as large as a real one to read, without filling the disk. */
    private static void huge(Path p) throws IOException {
        Files.deleteIfExists(p);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(HUNDRED_MB);
            f.seek(0);
            f.write("-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
