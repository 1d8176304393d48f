package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Parameters;

/**
 * The picocli-free parser of the script's subcommands ({@link ScriptCommandLine}) fills exactly the
 * fields picocli fills, for every command line it accepts, and accepts the usual ones.
 */
class ScriptCommandLineTest {
    private static final PrintStream DISCARD = new PrintStream(PrintStream.nullOutputStream(), true,
            StandardCharsets.UTF_8);

    private static CommandContext context() {
        return new CommandContext(DISCARD, DISCARD, Map.of(), () -> {
            throw new AssertionError("parsing must not need the ports");
        });
    }

    private static ScriptCommandLine fast(String... args) {
        return ScriptCommandLine.parse(args, context());
    }

    /** The tree the command line builds, fresh (parsing fills its user objects). */
    private static CommandLine picocli() {
        return new Cli(context()).commandLine();
    }

    // ---- the vectors --------------------------------------------------------------------------

    private static final List<String[]> WELL_FORMED = List.of(
            v("all-default-server"),
            v("all-default-client"),
            v("-c", "/etc/postfix", "all-default-server"),
            v("-c", "/tmp/a", "-c", "/tmp/b", "enable-client"),
            v("-c", "", "all-default-client"),
            v("-c", "relative/dir", "all-default-client"),
            v("enable-client", "-r", "dev:/dev/urandom"),
            v("enable-client", "--dry-run"),
            v("enable-client", "--dry-run", "-r", "dev:/dev/urandom", "--dry-run"),
            v("enable-server"),
            v("enable-server", "-r", "dev:/dev/urandom", "-a", "ecdsa", "-b", "secp384r1", "--dry-run",
                    "mx.example.org", "example.org"),
            v("enable-server", "-a", "rsa", "-a", "ecdsa"),
            v("enable-server", "-b", "4096", "mx.example.org"),
            v("new-server-key"),
            v("new-server-key", "-a", "ecdsa"),
            v("new-server-key", "--dry-run", "-a", "ecdsa", "-b", "secp521r1", "a.example", "b.example"),
            v("new-server-cert", "-b", "4096", "mx"),
            v("new-server-cert", "-a", "ecdsa", "mx.example.org"),
            v("deploy-server-cert", "cert.pem", "key.pem"),
            v("deploy-server-cert", "--dry-run", "/tmp/cert.pem", "/tmp/key.pem"),
            v("output-server-csr"),
            v("output-server-csr", "-k", "rsa", "mx.example.org"),
            v("output-server-csr", "-k", "/tmp/key.pem", "a", "b", "c"),
            v("output-server-tlsa"),
            v("output-server-tlsa", "-h", "mx.example.net", "rsa", "ecdsa"),
            v("output-server-tlsa", "key.pem"),
            v("-c", "/tmp/x", "output-server-tlsa", "-h", "a=b", "x y"),
            v("--postfix-bin", "/opt/postfix-3.10.13/sbin", "enable-client"),
            v("-c", "/tmp/x", "--postfix-bin", "/usr/local/sbin", "-c", "/tmp/y", "new-server-key", "-a", "ecdsa"),
            v("--postfix-bin", "/a", "--postfix-bin", "/b", "all-default-server"));

    /** One of each kind of command line the parser must leave to picocli. */
    private static final List<String[]> MALFORMED = List.of(
            // top level
            v(), v("--help"), v("--version"), v("--demo", "all-default-server"), v("--version", "all-default-server"),
            v("--plain", "all-default-server"), v("--full-screen", "enable-server"), v("-x", "all-default-server"),
            v("-c"), v("-c", "/tmp/x"), v("-c", "-x", "all-default-server"), v("-c", "--demo", "all-default-server"),
            v("-c/tmp/x", "all-default-server"), v("--", "all-default-server"), v("-c", "/tmp/x", "--"),
            v("-c", "status", "all-default-server"), v("-c", "all-default-server", "all-default-server"),
            v("-c", "@args", "all-default-server"), v("-c", "/tmp/\0x", "all-default-server"),
            v("--postfix-bin"), v("--postfix-bin", "all-default-server"), v("--postfix-bin", "-x", "enable-client"),
            v("--postfix-bin=/usr/sbin", "enable-client"), v("--postfix-bin", "status", "enable-client"),
            v("enable-client", "--postfix-bin", "/usr/sbin"),
            // subcommand names
            v("frobnicate"), v("status"), v("wizard"), v("history"), v("rollback"), v(""), v("enable-servr"),
            v("ENABLE-SERVER"), v("enable"), v("@args"),
            // options: missing values, values that start with '-', unknown, attached, help
            v("enable-client", "-r"), v("enable-client", "-r", "-x"), v("enable-server", "-a", "--dry-run"),
            v("new-server-key", "-b", "-1"), v("enable-server", "-aecdsa"), v("enable-server", "-a=ecdsa"),
            v("enable-server", "--dry-run=true"), v("enable-server", "--help"), v("all-default-server", "--help"),
            v("enable-server", "--"), v("enable-server", "--", "mx"), v("enable-server", "-x"), v("enable-server", "-"),
            v("enable-server", "-c", "/tmp/x"), v("enable-client", "-a", "rsa"), v("new-server-key", "-r", "x"),
            v("output-server-csr", "-h", "x"), v("output-server-tlsa", "-k", "x"), v("output-server-csr", "--dry-run"),
            v("output-server-tlsa", "--dry-run"), v("all-default-client", "--dry-run"), v("all-default-server", "-q"),
            v("output-server-tlsa", "-h"), v("enable-server", "-a", "@args"),
            // options after operands, odd operands
            v("new-server-key", "mx", "-a", "rsa"), v("new-server-key", "mx", "--dry-run"),
            v("output-server-tlsa", "key.pem", "-h", "mx"), v("output-server-tlsa", "-1"),
            v("deploy-server-cert", "c", "k", "--dry-run"), v("new-server-key", "@hosts"),
            v("deploy-server-cert", "--resolver", "127.0.0.1", "c", "k"),
            v("enable-client", "--dane"), v("output-server-tlsa", "--generic"),
            // operand counts
            v("enable-client", "extra"), v("all-default-server", "extra"), v("all-default-client", "x", "y"),
            v("deploy-server-cert"), v("deploy-server-cert", "only-one"), v("deploy-server-cert", "a", "b", "c"));

    private static String[] v(String... args) {
        return args;
    }

    private static final String[] TOKENS = {"-r", "-a", "-b", "-k", "-h", "-c", "--dry-run", "--help", "--", "-",
        "-x", "-aecdsa", "-b4096", "-a=rsa", "--dry-run=true", "--demo", "--version", "-1", "@args", "@@x", "rsa",
        "ecdsa", "4096", "secp384r1", "dev:/dev/urandom", "/tmp/x", "mx.example.org", "", "a=b", "x y", "status",
        "enable-server", "wizard"};
    private static final String[] VALUES = {"rsa", "ecdsa", "RSA", "dsa", "2048", "4096", "secp256r1", "secp384r1",
        "dev:/dev/urandom", "egd:/tmp/x", "/tmp/x", "key.pem", "mx.example.org", "", "a=b", "=", "x y", "status",
        "enable-server", "all-default-client", "wizard", "@args", "@@x", "@", "-x", "-", "--", "--help", "-1",
        "--dry-run", "-a", "-c", "-r"};
    private static final String[] OPERANDS = {"mx.example.org", "example.com", "/tmp/x", "cert.pem", "key.pem",
        "rsa", "ecdsa", "", "a=b", "x y", "all-default-server", "status", "wizard", "@args", "-", "-1", "--",
        "-a", "--dry-run", "--help"};
    private static final String[] CONFIG_DIRS = {"/tmp/x", "/etc/postfix", "relative/dir", "", "a b", "=x",
        "status", "enable-client", "wizard", "history", "@args", "-x", "--demo", "--", "-"};
    private static final String[] TOP_ODD = {"--demo", "--help", "--version", "-c/tmp/x", "--", "-c", "--plain",
        "--full-screen", "-x", "-cstatus", "--postfix-bin", "--postfix-bin=/x"};
    private static final String[] NAME_ODD = {"status", "wizard", "history", "rollback", "frobnicate", "",
        "enable-servr", "ENABLE-SERVER", "enable", "-c", "--help"};

    /**
     * Thousands of command lines, mostly the script's syntax with its usual values, the rest odd:
     * missing values, option-like values, unknown or attached options, options after operands,
     * wrong operand counts, other and unknown subcommand names. The options of each subcommand come
     * from picocli's model, not from the parser's table.
     */
    static List<String[]> corpus() {
        Map<String, CommandLine> subcommands = picocli().getSubcommands();
        Random random = new Random(20261125L);
        List<String[]> corpus = new ArrayList<>();
        for (int n = 0; n < 4000; n++) {
            List<String> args = new ArrayList<>();
            int tops = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(2);
            for (int t = 0; t < tops; t++) {
                if (random.nextInt(8) == 0) {
                    args.add(pick(random, TOP_ODD));
                } else {
                    args.add(random.nextInt(3) == 0 ? "--postfix-bin" : "-c");
                    args.add(random.nextInt(3) == 0 ? pick(random, CONFIG_DIRS) : "/tmp/x" + t);
                }
            }
            String name = random.nextInt(12) == 0 ? pick(random, NAME_ODD) : pick(random, ScriptCommandLine.NAMES);
            args.add(name);
            List<OptionSpec> options = new ArrayList<>();
            if (subcommands.containsKey(name)) {
                for (OptionSpec o : subcommands.get(name).getCommandSpec().options()) {
                    // pftls's own options always go to picocli (acceptsEveryOption... checks that)
                    if (!o.usageHelp() && !PFTLS_ONLY.contains(o.longestName())) {
                        options.add(o);
                    }
                }
            }
            int length = random.nextInt(5);
            for (int k = 0; k < length; k++) {
                if (!options.isEmpty() && random.nextInt(10) < 7) {
                    OptionSpec o = options.get(random.nextInt(options.size()));
                    args.add(o.shortestName());
                    if (o.arity().max() > 0 && random.nextInt(12) != 0) {
                        args.add(random.nextInt(4) == 0 ? pick(random, VALUES) : pick(random, VALUES, 10));
                    }
                } else {
                    args.add(pick(random, TOKENS));
                }
            }
            int operands = name.equals("deploy-server-cert") && random.nextInt(3) != 0 ? 2
                    : random.nextInt(3) == 0 ? random.nextInt(4) : 0;
            for (int k = 0; k < operands; k++) {
                args.add(random.nextInt(4) == 0 ? pick(random, OPERANDS) : pick(random, OPERANDS, 11));
            }
            if (random.nextInt(10) == 0) {
                args.add(pick(random, TOKENS));
            }
            corpus.add(args.toArray(new String[0]));
        }
        return corpus;
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** One of the first {@code n}: the ordinary part of the vocabulary. */
    private static String pick(Random random, String[] from, int n) {
        return from[random.nextInt(n)];
    }

    // ---- the tests ----------------------------------------------------------------------------

    @Test
    void everyCommandLineItAcceptsPicocliParsesToTheSameFields() {
        int accepted = 0;
        int declined = 0;
        Set<String> acceptedNames = new TreeSet<>();
        List<String[]> all = new ArrayList<>(corpus());
        all.addAll(WELL_FORMED);
        for (String[] args : all) {
            ScriptCommandLine fast = fast(args);
            if (fast == null) {
                declined++;
                continue;
            }
            accepted++;
            acceptedNames.add(assertSameAsPicocli(args, fast));
        }
        assertTrue(accepted > 1000, "accepted only " + accepted + " of " + all.size());
        assertTrue(declined > 1000, "declined only " + declined + " of " + all.size());
        assertEquals(new TreeSet<>(List.of(ScriptCommandLine.NAMES)), acceptedNames);
    }

    @Test
    void acceptsTheUsualCommandLines() {
        for (String[] args : WELL_FORMED) {
            assertNotNull(fast(args), "declined " + show(args));
            assertSameAsPicocli(args, fast(args));
        }
    }

    @Test
    void leavesEverythingUnusualToPicocli() {
        for (String[] args : MALFORMED) {
            assertNull(fast(args), "accepted " + show(args));
        }
    }

    /** Options of the nine subcommands that postfix tls does not have, beyond --dry-run: picocli reads them. */
    private static final Set<String> PFTLS_ONLY = Set.of("--resolver", "--dane", "--dnssec-probe",
            "--dnssec-bogus", "--generic");

    @Test
    void acceptsEveryOptionPicocliDefinesForTheNineSubcommands() {
        Map<String, CommandLine> subcommands = picocli().getSubcommands();
        for (String name : ScriptCommandLine.NAMES) {
            for (OptionSpec o : subcommands.get(name).getCommandSpec().options()) {
                if (o.usageHelp()) {
                    continue;
                }
                List<String> args = new ArrayList<>(List.of(name, o.shortestName()));
                if (o.arity().max() > 0) {
                    args.add("value");
                }
                if (name.equals("deploy-server-cert")) {
                    args.addAll(List.of("cert.pem", "key.pem"));
                }
                String[] vector = args.toArray(new String[0]);
                if (PFTLS_ONLY.contains(o.longestName())) {
                    // pftls's own options of these subcommands (not postfix tls's) are left to picocli
                    assertNull(fast(vector), "accepted " + show(vector));
                    continue;
                }
                assertNotNull(fast(vector), "declined " + show(vector));
                assertSameAsPicocli(vector, fast(vector));
            }
        }
    }

    @Test
    void theNameTableIsTheCommandAnnotations() {
        Map<String, CommandLine> subcommands = picocli().getSubcommands();
        assertEquals(subcommands.keySet(), new LinkedHashSet<>(List.of(ScriptCommandLine.TOP_LEVEL_NAMES)));
        for (String name : ScriptCommandLine.NAMES) {
            String[] args = name.equals("deploy-server-cert") ? v(name, "c", "k") : v(name);
            ScriptCommandLine fast = fast(args);
            assertNotNull(fast, name);
            Class<?> made = fast.command().getClass();
            assertEquals(name, made.getAnnotation(Command.class).name());
            assertEquals(subcommands.get(name).getCommandSpec().userObject().getClass(), made);
        }
    }

    /** picocli parses {@code args} without error to the same objects; returns the subcommand name. */
    private static String assertSameAsPicocli(String[] args, ScriptCommandLine fast) {
        CommandLine cl = picocli();
        ParseResult result;
        try {
            result = cl.parseArgs(args);
        } catch (ParameterException e) {
            throw new AssertionError("accepted " + show(args) + " but picocli says: " + e.getMessage(), e);
        }
        assertTrue(result.hasSubcommand(), show(args));
        ParseResult sub = result.subcommand();
        assertFalse(sub.hasSubcommand(), show(args));
        assertFalse(result.isUsageHelpRequested() || result.isVersionHelpRequested() || sub.isUsageHelpRequested(),
                show(args));
        assertTrue(result.unmatched().isEmpty() && sub.unmatched().isEmpty(), show(args));
        TopCommand top = (TopCommand) result.commandSpec().userObject();
        assertEquals(top.configDirectory, fast.configDirectory(), "-c of " + show(args));
        assertEquals(top.postfixBin, fast.postfixBin(), "--postfix-bin of " + show(args));
        assertFalse(top.demo || top.plain || top.fullScreen, show(args));
        int compared = assertSameFields(sub.commandSpec().userObject(), fast.command(), show(args));
        int declared = sub.commandSpec().options().size() - 1 + sub.commandSpec().positionalParameters().size();
        assertEquals(declared, compared, "options and parameters compared for " + show(args));
        return sub.commandSpec().name();
    }

    /** Compares every field (mixins field by field); returns how many option and parameter fields. */
    private static int assertSameFields(Object picocli, Object fast, String where) {
        assertEquals(picocli.getClass(), fast.getClass(), where);
        int compared = 0;
        for (Class<?> k = picocli.getClass(); k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || f.getType() == CommandContext.class) {
                    continue;
                }
                f.setAccessible(true);
                Object expected;
                Object actual;
                try {
                    expected = f.get(picocli);
                    actual = f.get(fast);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                String name = k.getSimpleName() + "." + f.getName();
                if (f.isAnnotationPresent(Mixin.class)) {
                    assertNotNull(expected, name + " of " + where);
                    assertNotNull(actual, name + " of " + where);
                    compared += assertSameFields(expected, actual, name + " of " + where);
                } else {
                    assertEquals(expected, actual, name + " of " + where);
                    if (f.isAnnotationPresent(Option.class) || f.isAnnotationPresent(Parameters.class)) {
                        compared++;
                    }
                }
            }
        }
        return compared;
    }

    private static String show(String[] args) {
        StringBuilder b = new StringBuilder("pftls");
        for (String a : args) {
            b.append(" '").append(a.replace("\0", "\\0")).append('\'');
        }
        return b.toString();
    }
}
