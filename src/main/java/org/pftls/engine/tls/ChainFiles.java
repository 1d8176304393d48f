package org.pftls.engine.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.PemSequence;
import org.pftls.engine.plan.IoMessages;

/**
 * {@code smtpd_tls_chain_files} (Postfix 3.4 and later): a list of PEM files that, read in order,
 * hold each private key directly followed by its certificate chain, possibly split across files
 * (key file, then chain file). When it is set, smtpd ignores the legacy
 * {@code smtpd_tls_cert_file}, {@code smtpd_tls_key_file}, {@code smtpd_tls_eccert_file}, ... .
 *
 * <p>This class reads which files hold the key (and chain) of each algorithm, and computes the new
 * value that replaces the files of some algorithms and keeps the others' files as they are written.
 */
final class ChainFiles {
    static final String PARAMETER = "smtpd_tls_chain_files";

    /**
     * The files one key and its chain come from.
     *
     * @param algorithm the key's algorithm
     * @param words     the words of the value naming those files, as written in main.cf
     * @param paths     those files, expanded and absolute
     */
    record Entry(KeyAlgorithm algorithm, List<String> words, List<Path> paths) {
    }

    private final List<Entry> entries;

    private ChainFiles(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The entries in file order. */
    List<Entry> entries() {
        return entries;
    }

    /** The entry of an algorithm (the first, as smtpd uses the first key of each type). */
    Optional<Entry> entry(KeyAlgorithm algorithm) {
        return entries.stream().filter(e -> e.algorithm() == algorithm).findFirst();
    }

    /**
     * True when main.cf sets smtpd_tls_chain_files to a non-empty value. Its default is empty in
     * every Postfix that has it, so when main.cf does not name it no default is asked for: that
     * would cost every subcommand that looks for the deployed keys a run of {@code postconf -d}.
     */
    static boolean set(Instance instance) throws PftlsException {
        return instance.parameters().explicit(PARAMETER).isPresent()
                && !instance.parameters().expanded(PARAMETER).isBlank();
    }

    /** Reads the files named by smtpd_tls_chain_files; fails with the file and the fix when one cannot be read. */
    static ChainFiles read(Instance instance) throws PftlsException {
        String raw = instance.parameters().explicit(PARAMETER).orElse("");
        List<String> rawWords = split(raw);
        List<String> expanded = split(instance.parameters().expanded(PARAMETER));
        if (rawWords.size() != expanded.size()) {
            rawWords = expanded; // a macro that expands to several names: keep the names, not the macro
        }
        List<Entry> entries = new ArrayList<>();
        KeyAlgorithm current = null;
        Set<String> words = new LinkedHashSet<>();
        Set<Path> paths = new LinkedHashSet<>();
        for (int i = 0; i < expanded.size(); i++) {
            Path file = KeyFileLocator.valueFile(expanded.get(i), instance.parameters(), PARAMETER,
                    instance.ports().files().nameCharset());
            List<PemSequence.Item> items;
            try {
                items = PemSequence.read(instance.ports().files().read(file, InputFiles.PEM_LIMIT), file.toString());
            } catch (IOException e) {
                throw new PftlsException(Kind.CONFIG, "cannot read " + file + ", named in " + PARAMETER + ": "
                        + IoMessages.reason(e) + "; fix " + PARAMETER + " in main.cf (smtpd cannot read it either)", e);
            }
            for (PemSequence.Item item : items) {
                if (item.key()) {
                    if (current != null) {
                        entries.add(new Entry(current, List.copyOf(words), List.copyOf(paths)));
                    }
                    current = item.algorithm().orElseThrow();
                    words.clear();
                    paths.clear();
                }
                if (current != null) {
                    words.add(rawWords.get(i));
                    paths.add(file);
                }
            }
        }
        if (current != null) {
            entries.add(new Entry(current, List.copyOf(words), List.copyOf(paths)));
        }
        return new ChainFiles(entries);
    }

    /**
     * The new value: the files of the algorithms not replaced, as written, then for each replaced
     * algorithm its new key file and certificate file. Refuses when one file holds both a replaced
     * and a kept key (it cannot be half replaced).
     */
    String replace(Map<KeyAlgorithm, List<String>> replacement) throws PftlsException {
        Map<KeyAlgorithm, List<String>> ordered = new EnumMap<>(replacement);
        Set<String> kept = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (ordered.containsKey(e.algorithm())) {
                continue;
            }
            for (Entry other : entries) {
                if (ordered.containsKey(other.algorithm())) {
                    for (String w : e.words()) {
                        if (other.words().contains(w)) {
                            throw new PftlsException(Kind.CONFIG, w + " in " + PARAMETER + " holds both the "
                                    + e.algorithm() + " and the " + other.algorithm() + " key; pftls cannot replace"
                                    + " one of them in it: replace both at once (-a rsa,ecdsa), or split that file");
                        }
                    }
                }
            }
            kept.addAll(e.words());
        }
        List<String> value = new ArrayList<>(kept);
        ordered.values().forEach(value::addAll);
        return String.join(", ", value);
    }

    /** Splits a list on commas and whitespace, as Postfix does. */
    static List<String> split(String value) {
        return Arrays.stream(value.split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }
}
