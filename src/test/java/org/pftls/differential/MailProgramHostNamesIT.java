package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.adapters.KernelHostName;
import org.pftls.adapters.PosixFileStore;
import org.pftls.adapters.PostconfInstallation;
import org.pftls.engine.PftlsException;
import org.pftls.engine.config.BuiltinPostfix37;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.tls.Instance;

/**
 * postfix(1) refuses to run (and so {@code postfix tls} fails) when myhostname or mydomain, as it
 * computes them, is not a valid host name, or when relayhost is myhostname. pftls must refuse the
 * same main.cf files and accept the others: the real {@code postfix -c DIR tls all-default-client}
 * and pftls's {@code Instance.read} (with that version's postconf) agree on each of these main.cf
 * files, on every Postfix version. A name in a file ({@code myhostname = /path}, as Debian's
 * {@code /etc/mailname}) is read from a file the test makes.
 */
class MailProgramHostNamesIT {
    /** What @MAILNAME@ (a file in the test's directory) holds, by the case's number. */
    private static final String GOOD_MAILNAME = "mail.example.org";
    private static final String BAD_MAILNAME = "bad_name.example";
    private static final List<String> MAIN_CF = List.of(
            "myhostname = @DIR@/mailname",
            "myhostname = @DIR@/bad-mailname",
            "myhostname = mail.example.org",
            "myhostname = MX.Example.COM",
            "myhostname = a_b.example",
            "myhostname = xn--bcher-kva.example",
            "myhostname = b\u00fccher.example",
            "myhostname = a..b.example",
            "myhostname = .a.example",
            "myhostname = a.example.",
            "myhostname = -x.example",
            "myhostname = x-.example",
            "myhostname = x.-y.example",
            "myhostname = 123",
            "myhostname = 1-2",
            "myhostname = 1.2.3.4",
            "myhostname = x.123",
            "myhostname = a b.example",
            "myhostname =",
            "myhostname = " + "a".repeat(63) + ".example",
            "myhostname = " + "a".repeat(64) + ".example",
            "myhostname = $mydomain.x",
            "myhostname = mx.$mydomain\nmydomain = example.net",
            "myhostname = mx.$mydomain",
            "mydomain = bad..example",
            "mydomain = example.com",
            "myhostname = a.example\nmydomain = $myhostname",
            "myhostname = a.example\nrelayhost = A.Example",
            "myhostname = a.example\nrelayhost = [a.example]",
            "myhostname = a.example\nrelayhost = $myhostname",
            "relayhost = smtp.example.org");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicNode> pftlsRefusesWhatPostfixRefusesOnEveryVersion() {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<DynamicNode> versions = new ArrayList<>();
        for (PostfixUnderTest postfix : PostfixVersions.all().toList()) {
            versions.add(DynamicContainer.dynamicContainer(postfix.toString(), cases(postfix, pool)));
        }
        return versions.stream().onClose(pool::shutdown);
    }

    private Stream<DynamicTest> cases(PostfixUnderTest version, ExecutorService pool) {
        try {
            RequiredTools.check(version);
        } catch (AssertionError e) {
            return Stream.of(dynamicTest("installed", () -> {
                throw e;
            }));
        }
        PostconfInstallation postfix = new PostconfInstallation(version.postconf(), new BuiltinPostfix37());
        RealPostfixTls script = new RealPostfixTls(version);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < MAIN_CF.size(); i++) {
            Path dir = work.resolve(version.version()).resolve("h" + i);
            String settings = MAIN_CF.get(i);
            Path out = work.resolve(version.version()).resolve("h" + i + ".out");
            CompletableFuture<SideRun> real = CompletableFuture.supplyAsync(() -> {
                write(dir, settings);
                return script.run(dir, List.of("all-default-client"), out);
            }, pool);
            tests.add(dynamicTest(settings.replace("@DIR@/", "").replace("\n", "; "), () -> {
                SideRun postfixRun = real.join();
                String pftls;
                try {
                    SecureRandom random = new SecureRandom();
                    Instance.read(dir, new Ports(new PosixFileStore(random), postfix, new KernelHostName(),
                            Clock.systemUTC(), random));
                    pftls = "accepted";
                } catch (PftlsException e) {
                    pftls = "refused";
                }
                assertEquals(postfixRun.status() == 0 ? "accepted" : "refused", pftls,
                        "postfix: " + postfixRun.messages());
            }));
        }
        return tests.stream();
    }

    private static void write(Path dir, String settings) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("mailname"), GOOD_MAILNAME + "\n");
            Files.writeString(dir.resolve("bad-mailname"), BAD_MAILNAME + "\n");
            Files.write(dir.resolve("main.cf"), ("compatibility_level = 3.6\n" + settings.replace("@DIR@",
                    dir.toString()) + "\n").getBytes(StandardCharsets.UTF_8));
            Files.writeString(dir.resolve("master.cf"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
