package org.pftls.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pftls.testing.Bookkeeping;

/** Looks at a scenario directory before and after a run and describes the difference ({@link Observation}). */
final class Observer {
    /** The script's tag: {@code $syslog_name/postfix-tls-script: }. */
    private static final Pattern SCRIPT_PREFIX = Pattern.compile("^\\S+/postfix-tls-script: ");
    /** postconf -e's warning about a name set more than once (pftls gives the same warning). */
    private static final Pattern POSTCONF_MULTIPLE = Pattern.compile("^\\S*postconf: (warning: .*: multiple entries for .*)");
    /** A fatal error of postfix(1) itself, before the script runs. */
    private static final Pattern POSTFIX_FATAL = Pattern.compile("^postfix: (fatal: .*)");

    /** Appended to a TLSA record whose digest openssl computes from the key file named above it. */
    static final String TLSA_VERIFIED = "(verified with openssl)";
    private static final Pattern TLSA = Pattern.compile("_25\\._tcp\\.\\S+\\. IN TLSA 3 1 1 ([0-9a-f]{64})");

    /** Every file's name → mode and content digest. */
    record Snapshot(Map<String, String> files) {
    }

    private final Fixtures fixtures;
    private final FileProperties properties;
    private final PostfixUnderTest postfix;

    /** @param postfix the Postfix whose postconf reads main.cf afterwards */
    Observer(Fixtures fixtures, PostfixUnderTest postfix) {
        this.fixtures = fixtures;
        this.properties = new FileProperties(fixtures);
        this.postfix = postfix;
    }

    static Snapshot snapshot(Path dir) {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                files.put(p.getFileName().toString(), mode(p) + " " + digest(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot(files);
    }

    /**
     * @param scriptSide whether the run was the script's (its messages carry its tag; pftls's "pftls: ")
     * @param scratch    a file outside {@code dir} to hold a CSR for openssl
     */
    Observation observe(Path dir, Snapshot before, SideRun run, boolean scriptSide, Path scratch) {
        Normaliser n = new Normaliser(dir);
        Snapshot after = snapshot(dir);
        SortedMap<String, String> newFiles = new TreeMap<>();
        List<String> changed = new ArrayList<>();
        List<Path> created = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(after.files()).entrySet()) {
            if (Bookkeeping.isBookkeeping(e.getKey())) {
                continue; // pftls's own main.cf backups and history: not part of postfix tls's behaviour
            }
            String old = before.files().get(e.getKey());
            if (old == null) {
                newFiles.put(n.apply(e.getKey()), e.getValue().split(" ")[0]);
                created.add(dir.resolve(e.getKey()));
            } else if (!old.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        for (String gone : before.files().keySet()) {
            if (!after.files().containsKey(gone)) {
                changed.add(gone + " (removed)");
            }
        }
        Map<Path, FileProperties.Description> described = new HashMap<>();
        Map<String, String> keysByPublicKey = new HashMap<>();
        for (Path p : created) {
            FileProperties.Description d = properties.describe(p);
            described.put(p, d);
            if (PemFiles.kind(p) == PemFiles.Kind.PRIVATE_KEY) {
                keysByPublicKey.put(d.publicKey(), n.apply(p.getFileName().toString()));
            }
        }
        SortedMap<String, List<String>> props = new TreeMap<>();
        for (Path p : created) {
            FileProperties.Description d = described.get(p);
            List<String> lines = new ArrayList<>(d.properties());
            lines.add(publicKeyLabel(d.publicKey(), keysByPublicKey));
            props.put(n.apply(p.getFileName().toString()), n.apply(lines));
        }
        String stdout = verifyTlsaRecords(run.stdout());
        if (stdout.contains("-----BEGIN CERTIFICATE REQUEST-----")) {
            write(scratch, stdout);
            FileProperties.Description d = properties.describe(scratch);
            List<String> lines = new ArrayList<>(d.properties());
            lines.add(publicKeyLabel(d.publicKey(), keysByPublicKey));
            stdout = "CSR:\n" + String.join("\n", lines);
        }
        List<String> messages = new ArrayList<>();
        for (String m : n.apply(run.messages())) {
            messages.add(scriptSide ? scriptMessage(m) : m.startsWith("pftls: ") ? m.substring(7) : "other: " + m);
        }
        Path mainCf = dir.resolve("main.cf");
        return new Observation(run.status(), n.apply(postconf(dir)), n.apply(sortedLines(mainCf)),
                Files.exists(mainCf) ? mode(mainCf) : "missing", newFiles, props, changed, n.apply(stdout),
                messages);
    }

    /** Which key a public key belongs to: a fixture, a key file made in this run, or a new one. */
    private String publicKeyLabel(String publicKey, Map<String, String> keysByPublicKey) {
        return "public key: " + fixtures.keyName(publicKey).map(name -> "fixture " + name)
                .orElseGet(() -> keysByPublicKey.containsKey(publicKey) ? "that of " + keysByPublicKey.get(publicKey)
                        : publicKey.isEmpty() ? "none" : "a new key");
    }

    /**
     * The script's terminal line: its own messages without the tag; postconf's "multiple entries"
     * warning and postfix(1)'s fatal errors as such; anything else (what Postfix says whenever it
     * reads main.cf: "overriding earlier entry", "unused parameter", compatibility notices) as
     * "other: ", which the comparison ignores.
     */
    private static String scriptMessage(String line) {
        Matcher tagged = SCRIPT_PREFIX.matcher(line);
        if (tagged.find()) {
            return line.substring(tagged.end());
        }
        for (Pattern p : List.of(POSTCONF_MULTIPLE, POSTFIX_FATAL)) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return "other: " + line;
    }

    /**
     * Checks each "; keyfile" + TLSA record pair of output-server-tlsa against openssl's SHA-256 of
     * the key's SubjectPublicKeyInfo, and says so after the record.
     */
    private static String verifyTlsaRecords(String stdout) {
        if (!stdout.contains(" IN TLSA ")) {
            return stdout;
        }
        StringBuilder out = new StringBuilder();
        String keyFile = null;
        for (String line : stdout.split("\n", -1)) {
            out.append(line);
            Matcher record = TLSA.matcher(line);
            if (line.startsWith("; ")) {
                keyFile = line.substring(2);
            } else if (record.matches() && keyFile != null) {
                ExternalCommand.Result der = ExternalCommand.run(List.of(RequiredTools.OPENSSL.toString(), "pkey",
                        "-in", keyFile, "-pubout", "-outform", "DER"));
                boolean same = der.status() == 0 && record.group(1).equals(digest(der.out()));
                out.append(' ').append(same ? TLSA_VERIFIED : "(DOES NOT MATCH THE KEY PER OPENSSL)");
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** {@code postconf -c DIR -n}, plus its exit status and fatal error when it fails. */
    private List<String> postconf(Path dir) {
        MainCfTime.backdate(dir);
        ExternalCommand.Result r = ExternalCommand.run(List.of(postfix.postconf().toString(), "-c", dir.toString(),
                "-n"));
        List<String> lines = new ArrayList<>(r.outText().lines().toList());
        if (r.status() != 0) {
            lines.add("postconf exit status " + r.status());
            r.err().lines().filter(l -> l.contains("fatal:")).forEach(lines::add);
        }
        return lines;
    }

    private static List<String> sortedLines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r", "<CR>");
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.sort(null);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
