package org.pftls.engine.crypto;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;

/**
 * Checks host names before they go into a certificate or CSR: DNS names of letters, digits and
 * hyphens (any case), labels of 1 to 63 characters not starting or ending with a hyphen, at
 * most 253 characters; single-label names such as {@code localhost} are allowed, and a
 * {@code *.} wildcard as the first label. IP addresses, underscores, spaces, empty labels and a
 * trailing dot are refused with a message that says what to change.
 */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]*[0-9][0-9.]*");

    private HostNames() {
    }

    /**
     * The name, unchanged, if it is a valid certificate host name.
     *
     * @throws PftlsException INPUT naming the bad name and what is wrong with it
     */
    public static String validate(String name) throws PftlsException {
        if (name == null || name.isEmpty()) {
            throw bad("\"\"", "is empty: give a host name such as mail.example.com");
        }
        String quoted = "\"" + name + "\"";
        if (name.length() > 253) {
            throw bad(quoted.substring(0, 30) + "...\"", "is too long (" + name.length()
                    + " characters, at most 253): use a shorter name");
        }
        if (name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw bad(quoted, "contains a space or control character: give one host name per argument");
        }
        if (name.indexOf(':') >= 0 || IPV4_LIKE.matcher(name).matches()) {
            throw bad(quoted, "is an IP address: use a DNS name");
        }
        if (name.endsWith(".") && name.length() > 1 && !name.endsWith("..")) {
            throw bad(quoted, "ends with a dot: drop the trailing dot");
        }
        if (name.indexOf('_') >= 0) {
            throw bad(quoted, "contains \"_\", which is not allowed in host names: use \"-\"");
        }
        String[] labels = name.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (label.isEmpty()) {
                throw bad(quoted, "has an empty label (\"..\" or a leading dot): remove the extra dot");
            }
            if (label.equals("*")) {
                if (i != 0) {
                    throw bad(quoted, "has \"*\" in the middle: use a wildcard only as the whole first label, as in *.example.com");
                }
                if (labels.length < 2) {
                    throw bad(quoted, "is only a wildcard: write it as *.example.com");
                }
                continue;
            }
            if (label.length() > 63) {
                throw bad(quoted, "has a label longer than 63 characters: shorten it");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw bad(quoted, "has a label that starts or ends with \"-\": remove that \"-\"");
            }
            if (!LABEL.matcher(label).matches()) {
                throw bad(quoted, "contains characters other than letters, digits, \"-\" and \".\": remove them"
                        + (label.contains("*") ? " (a wildcard must be a whole first label, as in *.example.com)" : "")
                        + (label.chars().anyMatch(c -> c > 127) ? " (write an international name in its xn-- form)" : ""));
            }
        }
        return name;
    }

    /**
     * All names validated, in order, refusing one given twice (ignoring case).
     */
    public static List<String> validateAll(List<String> names) throws PftlsException {
        List<String> valid = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            validate(name);
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw bad("\"" + name + "\"", "is given twice: give each host name once");
            }
            valid.add(name);
        }
        return List.copyOf(valid);
    }

    private static PftlsException bad(String quotedName, String problem) {
        return new PftlsException(Kind.INPUT, "bad host name " + quotedName + ": " + problem);
    }
}
