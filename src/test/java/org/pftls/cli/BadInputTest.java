package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pftls.testing.Sandbox;
import org.pftls.testing.Sandbox.Run;

/**
 * Every bad input gets one "pftls: fatal:" line naming the problem (and, after a semicolon, the
 * fix), exit status 1, and leaves every file in the configuration directory as it was.
 */
class BadInputTest {
    /** How our messages introduce the fix. */
    private static final java.util.regex.Pattern FIX = java.util.regex.Pattern.compile(
            "(; |: )(use|give|drop|remove|restore|fix|check|name|run|decrypt|wait|usage|it must|review|see|shorten|rename"
            + "|move)|usage: "
            + "|; the server certificate must come first");

    @TempDir
    Path dir;

    /** Prepares files in the sandbox before the run. */
    interface Setup {
        void prepare(Sandbox s) throws IOException;
    }

    static Setup none() {
        return s -> { };
    }

    static Setup file(String name, String content) {
        return s -> Files.writeString(s.dir().resolve(name), content, StandardCharsets.US_ASCII);
    }

    static Setup keyPair() {
        return s -> {
            Run r = s.run("new-server-key", "-a", "ecdsa");
            assertEquals(0, r.status(), r.err());
        };
    }

    static Setup mainCf(String content) {
        return s -> s.writeMainCf(content.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Arguments bad(String expected, Setup setup, String... args) {
        return Arguments.of(String.join(" ", args), expected, setup, args);
    }

    static Stream<Arguments> cases() {
        String cert = "eccert-20261125-120000.pem";
        String key = "eckey-20261125-120000.pem";
        List<Arguments> l = new ArrayList<>(List.of(
                bad("unknown tls command: 'frobnicate'", none(), "frobnicate"),
                bad("Unknown option: '-x'; usage: pftls enable-client", none(), "enable-client", "-x"),
                bad("usage: pftls enable-client [-r randsource]", none(), "enable-client", "extra"),
                bad("usage: pftls all-default-server", none(), "all-default-server", "extra"),
                bad("usage: pftls all-default-client", none(), "all-default-client", "-q"),
                bad("usage: pftls enable-client", none(), "enable-client", "-r"),
                bad("usage: pftls deploy-server-cert [--chain-files] [--force] [--resolver ADDR[:PORT]] certfile keyfile",
                        none(),
                        "deploy-server-cert", "only-one"),
                bad("usage: pftls deploy-server-cert [--chain-files] [--force] [--resolver ADDR[:PORT]] certfile keyfile",
                        none(),
                        "deploy-server-cert", "a", "b", "c"),
                bad("bad --resolver x:y: bad port in x:y; give an IP address", none(), "deploy-server-cert",
                        "--resolver", "x:y", "c.pem", "k.pem"),
                bad("bad --timeout abc; give seconds", none(), "verify", "--timeout", "abc"),
                bad("bad --port 70000; give a port from 1 to 65535", none(), "verify", "--port", "70000"),
                bad("bad --host \"\"; give a host name or an IP address", none(), "verify", "--host", ""),
                bad("bad --host \"a b\"; give a host name or an IP address", none(), "verify", "--host", "a b"),
                bad("bad --tlsa-host \" \"; give a host name", none(), "verify", "--tlsa-host", " "),
                bad("bad host name \"bad_host\": contains \"_\"", none(), "verify", "--tlsa-host", "bad_host"),
                bad("--resolver and --trust-anchor only go with --dns", none(), "verify", "--resolver", "127.0.0.1"),
                bad("--resolver, --dnssec-probe and --dnssec-bogus only go with --dane", none(), "enable-client",
                        "--resolver", "127.0.0.1"),
                bad("bad DNSSEC probe ns; give TYPE:NAME", none(), "enable-client", "--dane", "--dnssec-probe", "ns"),
                bad("usage: pftls output-server-tlsa", none(), "output-server-tlsa", "-h"),
                bad("Unsupported private key algorithm: dsa", none(), "enable-server", "-a", "dsa"),
                bad("Unsupported private key algorithm", none(), "new-server-key", "-a", ""),
                bad("RSA key size 1024 is too small", none(), "enable-server", "-b", "1024"),
                bad("lots", none(), "new-server-key", "-b", "lots"),
                bad("65536", none(), "new-server-key", "-b", "65536"),
                bad("brainpoolP256r1", none(), "new-server-key", "-a", "ecdsa", "-b", "brainpoolP256r1"),
                bad("secp224r1", none(), "new-server-cert", "-a", "ecdsa", "-b", "secp224r1"),
                bad("bad_host.example", none(), "new-server-key", "bad_host.example"),
                bad("two words", none(), "enable-server", "two words"),
                bad("trailing dot", none(), "new-server-key", "mail.example.org."),
                bad("192.0.2.1", none(), "new-server-key", "192.0.2.1"),
                bad("a..b", none(), "new-server-key", "a..b"),
                bad("bad_host", none(), "output-server-tlsa", "-h", "bad_host"),
                bad("starts or ends with", none(), "new-server-key", "mx-.example.org"),
                bad("longer than 63", none(), "enable-server", "a".repeat(64) + ".example.org"),
                bad("in the middle", none(), "new-server-key", "mail.*.example.org"),
                bad("given twice", none(), "new-server-key", "mx.example.org", "MX.example.org"),
                bad("dev:/dev/nonexistent", none(), "enable-client", "-r", "dev:/dev/nonexistent"),
                bad("No usable keyfiles specified or configured", none(), "output-server-tlsa"),
                bad("No usable keyfile specified or configured", none(), "output-server-csr"),
                bad("No usable keyfile specified or configured", none(), "output-server-csr", "-k", "/nonexistent.pem"),
                bad("no private key found in file", none(), "output-server-tlsa", "missing.pem"),
                bad("missing.key", none(), "deploy-server-cert", "missing.pem", "missing.key"),
                bad("no private key found in file", file("empty.pem", ""), "output-server-tlsa", "empty.pem"),
                bad("corrupt.pem", file("corrupt.pem", "-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n"
                        + "-----END PRIVATE KEY-----\n"), "output-server-tlsa", "corrupt.pem"),
                bad("truncated.pem", file("truncated.pem", "-----BEGIN PRIVATE KEY-----\n"
                        + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n"),
                        "output-server-csr", "-k", "truncated.pem"),
                bad("encrypted", file("enc.pem", "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                        + "MIGjMF8GCSqGSIb3DQEFDTBSMDEGCSqGSIb3DQEFDDAkBBDBNXFpZKuj0SNVmEdI\n"
                        + "-----END ENCRYPTED PRIVATE KEY-----\n"), "output-server-tlsa", "enc.pem"),
                bad("does not match key", s -> {
                    keyPair().prepare(s);
                    Files.copy(s.dir().resolve(key), s.dir().resolve("other-key.pem"));
                    s.clock(java.time.Clock.offset(java.time.Clock.fixed(Sandbox.NOW, java.time.ZoneOffset.UTC),
                            java.time.Duration.ofSeconds(9)));
                    assertEquals(0, s.run("new-server-key", "-a", "ecdsa").status());
                }, "deploy-server-cert", cert, "eckey-20261125-120009.pem"),
                bad("no private key found", keyPair(), "deploy-server-cert", cert, cert),
                bad("no Postfix configuration directory /nonexistent/postfix!", none(),
                        "-c", "/nonexistent/postfix", "enable-server"),
                bad("missing '=' after attribute name", mainCf("myhostname = a.example\nsmtpd tls = x\n"),
                        "enable-server"),
                bad("myhostname", mainCf("myhostname = bad_name.example\n"), "enable-server")));
        l.addAll(moreCases(cert, key));
        l.addAll(hardeningCases(cert, key));
        return l.stream();
    }

    /**
     * Issue #13: a configuration others can change, inputs that are not regular files or too
     * large, names main.cf cannot hold, a history pftls must not write through.
     */
    static List<Arguments> hardeningCases(String cert, String key) {
        Setup openDirectory = s -> mode(s.dir(), "rwxrwxrwx");
        Setup groupMainCf = s -> mode(s.mainCf(), "rw-rw-r--");
        Setup nested = s -> {
            Path inner = Files.createDirectory(s.dir().resolve("inner"));
            Files.copy(s.mainCf(), inner.resolve("main.cf"));
            mode(s.dir(), "rwxrwxrwx");
        };
        Setup fifo = s -> {
            keyPair().prepare(s);
            try {
                assertEquals(0, new ProcessBuilder("mkfifo", s.dir().resolve("fifo.pem").toString()).start().waitFor());
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        };
        Setup big = s -> {
            keyPair().prepare(s);
            byte[] pem = Files.readAllBytes(s.dir().resolve(cert));
            try (var out = Files.newOutputStream(s.dir().resolve("big.pem"))) {
                for (int i = 0; i < (2 << 20) / pem.length + 1; i++) {
                    out.write(pem);
                }
            }
        };
        Setup lineBreak = s -> {
            keyPair().prepare(s);
            Files.copy(s.dir().resolve(cert), s.dir().resolve("a\nb.pem"));
        };
        Setup linkedHistory = s -> {
            Files.writeString(s.dir().resolve("elsewhere.log"), "# someone else's file\n");
            Files.createSymbolicLink(s.dir().resolve("pftls-history.log"), s.dir().resolve("elsewhere.log"));
        };
        String others = "is writable by others (owner ";
        return List.of(
                bad(others, openDirectory, "enable-client"),
                bad(others, openDirectory, "enable-client", "--dry-run"),
                bad(others, openDirectory, "enable-server", "-a", "ecdsa"),
                bad("main.cf is writable by group ", groupMainCf, "new-server-key", "-a", "ecdsa"),
                bad(" is writable by others (owner ", nested, "-c", "DIR/inner", "enable-client"),
                bad("(not a regular file but a FIFO (named pipe)); give a regular file", fifo, "deploy-server-cert",
                        cert, "fifo.pem"),
                bad("(larger than 1 MiB, the most pftls reads from such a file); give the PEM file itself", big,
                        "deploy-server-cert", "big.pem", key),
                bad("contains a line break, which a main.cf value cannot hold; rename the file", lineBreak,
                        "deploy-server-cert", "a\nb.pem", key),
                bad("cannot record the change in DIR/pftls-history.log: not a regular file but a symbolic link;"
                        + " nothing was changed; move DIR/pftls-history.log aside", linkedHistory, "enable-client"),
                bad("no Postfix configuration directory DIR/\\x1b[2J\\x07!", none(), "-c", "DIR/\u001b[2J\u0007",
                        "enable-client"));
    }

    static void mode(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
    }

    /** Runs openssl in the sandbox (it must be installed: apt-get install openssl). */
    static Setup openssl(String... args) {
        return s -> {
            List<String> cmd = new ArrayList<>(List.of("openssl"));
            cmd.addAll(List.of(args));
            try {
                Process p = new ProcessBuilder(cmd).directory(s.dir().toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                assertEquals(0, p.waitFor(), "openssl " + String.join(" ", args));
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        };
    }

    static Setup all(Setup... setups) {
        return s -> {
            for (Setup x : setups) {
                x.prepare(s);
            }
        };
    }

    /** Wrong-type and broken PEM, more bad values, bad directories, and rollback/history misuse. */
    static List<Arguments> moreCases(String cert, String key) {
        Setup csr = s -> {
            keyPair().prepare(s);
            Run r = s.run("output-server-csr", "-k", key);
            assertEquals(0, r.status(), r.err());
            Files.writeString(s.dir().resolve("request.pem"), r.out(), StandardCharsets.US_ASCII);
        };
        Setup otherCa = openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca-key.pem", "-out", "ca.pem", "-subj", "/CN=Other CA", "-days", "30");
        Setup foreignCa = all(keyPair(), otherCa, s -> Files.writeString(s.dir().resolve("chain.pem"),
                Files.readString(s.dir().resolve(cert)) + Files.readString(s.dir().resolve("ca.pem"))));
        Setup junk = s -> Files.write(s.dir().resolve("junk.pem"), new java.util.Random(7).ints(300, 0, 256)
                .collect(java.io.ByteArrayOutputStream::new, (o, b) -> o.write(b), (a, b) -> { }).toByteArray());
        Setup directory = s -> Files.createDirectory(s.dir().resolve("adir"));
        Setup changed = s -> {
            assertEquals(0, s.run("enable-client").status());
            Files.writeString(s.mainCf(), "myorigin = edited.example\n", java.nio.file.StandardOpenOption.APPEND);
        };
        Setup tampered = s -> {
            assertEquals(0, s.run("enable-client").status());
            Files.writeString(s.dir().resolve("main.cf.pftls-20261125-120000"), "# tampered\n",
                    java.nio.file.StandardOpenOption.APPEND);
        };
        return List.of(
                bad("no certificate found in file", csr, "deploy-server-cert", "request.pem", key),
                bad("no certificate found in file", keyPair(), "deploy-server-cert", key, key),
                bad("(CN=Other CA) did not issue certificate 1 (CN=mail.example.org, issued by CN=mail.example.org);"
                        + " give the chain your CA sent", foreignCa, "deploy-server-cert", "chain.pem", key),
                bad("(Is a directory)", all(keyPair(), directory), "deploy-server-cert", cert, "adir"),
                bad("cannot read certificate file", all(keyPair(), directory), "deploy-server-cert", "adir", key),
                bad("no certificate found in file", all(keyPair(), junk), "deploy-server-cert", "junk.pem", key),
                bad("no private key found in file", junk, "output-server-csr", "-k", "junk.pem"),
                bad("it holds only certificates", keyPair(), "output-server-tlsa", cert),
                bad("RSA key size 0 is too small", none(), "new-server-key", "-b", "0"),
                bad("is not a number of bits", none(), "enable-server", "-b", "-5"),
                bad("unsupported ECDSA curve \"2048\"", none(), "enable-server", "-a", "ecdsa", "-b", "2048"),
                bad("use -r dev:/dev/urandom", none(), "enable-client", "-r", "dev:urandom"),
                bad("no Postfix configuration directory", none(), "-c", "/dev/null", "enable-client"),
                bad("No such file or directory; give the Postfix configuration directory", none(), "-c", "/",
                        "enable-client"),
                bad("nothing to roll back", none(), "rollback", "--yes"),
                bad("no backup main.cf.pftls-20000101-000000", none(), "rollback", "--yes", "--to",
                        "main.cf.pftls-20000101-000000"),
                bad("there is no terminal to ask on", s -> assertEquals(0, s.run("enable-client").status()), "rollback"),
                bad("was changed outside pftls", changed, "rollback", "--yes"),
                bad("was changed after pftls made it", tampered, "rollback", "--yes"),
                bad("Missing required parameter for option '--to'", none(), "rollback", "--to"),
                bad("Unknown option: '--yes'; usage: pftls history", none(), "history", "--yes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithOneLineAndNoChange(String title, String expected, Setup setup, String[] args) throws IOException {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        setup.prepare(s);
        s.clock(java.time.Clock.fixed(Sandbox.NOW.plusSeconds(60), java.time.ZoneOffset.UTC));
        Map<String, String> before = s.snapshot();
        String[] given = args.clone();
        for (int i = 0; i < given.length; i++) {
            given[i] = given[i].replace("DIR", dir.toString());
        }
        Run r = given.length > 0 && given[0].equals("-c") ? s.runRaw(given) : s.run(given);
        assertEquals(1, r.status(), "exit status; stderr: " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr: " + r.err());
        assertTrue(lines.get(0).startsWith("pftls: fatal: "), lines.get(0));
        assertTrue(lines.get(0).contains(expected.replace("DIR", dir.toString())), "expected '" + expected + "' in: "
                + lines.get(0));
        assertTrue(lines.get(0).chars().allMatch(c -> c >= 0x20), "no control character: " + lines.get(0));
        assertTrue(FIX.matcher(lines.get(0)).find(), "names a fix: " + lines.get(0));
        assertEquals("", r.out());
        assertEquals(before, s.snapshot(), "no file changed");
    }
}
