package org.pftls.differential;

import java.util.List;
import java.util.SortedMap;

/**
 * What one tool left behind in its copy of the instance, normalised ({@link Normaliser}) so the
 * two sides can be compared with {@code equals}.
 *
 * @param status       exit status
 * @param postconf     {@code postconf -c DIR -n} afterwards (every explicit parameter)
 * @param mainCfLines  main.cf's lines, sorted (the script appends new names in random order),
 *                     with {@code \r} shown as {@code <CR>}
 * @param mainCfMode   main.cf's permissions afterwards
 * @param newFiles     names of files that were not there before → their permissions
 * @param properties   name → {@link FileProperties} of every new file
 * @param changedFiles names of files that were there before and changed (content or mode)
 * @param stdout       stdout (a CSR as its {@link FileProperties})
 * @param messages     the messages, without the tool's prefix ("postfix/postfix-tls-script: " or "pftls: ");
 *                     lines from other programs start with "other: "
 */
record Observation(int status, List<String> postconf, List<String> mainCfLines, String mainCfMode,
                   SortedMap<String, String> newFiles, SortedMap<String, List<String>> properties,
                   List<String> changedFiles, String stdout, List<String> messages) {

    boolean success() {
        return status == 0;
    }

    /** Informational and warning messages: the texts the two tools share. */
    List<String> infoAndWarnings() {
        return messages.stream().filter(m -> !m.startsWith("fatal: ") && !m.startsWith("error: ")
                && !m.startsWith("other: ")).toList();
    }

    boolean hasFatal() {
        return messages.stream().anyMatch(m -> m.startsWith("fatal: "));
    }

    /** The same observation with another stdout. */
    Observation withStdout(String text) {
        return new Observation(status, postconf, mainCfLines, mainCfMode, newFiles, properties, changedFiles, text,
                messages);
    }

    /** The same observation with other messages. */
    Observation withMessages(List<String> lines) {
        return new Observation(status, postconf, mainCfLines, mainCfMode, newFiles, properties, changedFiles, stdout,
                lines);
    }

    /** The same observation with another postconf -n output and main.cf. */
    Observation withMainCf(List<String> postconfLines, List<String> lines) {
        return new Observation(status, postconfLines, lines, mainCfMode, newFiles, properties, changedFiles, stdout,
                messages);
    }

    /** Everything but the messages, as text, for assertion messages. */
    String describe() {
        return "status " + status + "\nnew files " + newFiles + "\nchanged " + changedFiles + "\npostconf -n:\n  "
                + String.join("\n  ", postconf) + "\nstdout:\n" + stdout + "\nmessages:\n  "
                + String.join("\n  ", messages);
    }
}
