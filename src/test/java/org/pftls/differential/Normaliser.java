package org.pftls.differential;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes the two sides' texts comparable: the scenario directory becomes {@code DIR} and the time
 * stamp in new file names becomes {@code STAMP} ({@code key-20261125-120000.pem} →
 * {@code key-STAMP.pem}).
 */
record Normaliser(Path dir) {
    private static final Pattern STAMPED = Pattern.compile("\\b(eckey|eccert|key|cert)-\\d{8}-\\d{6}\\.pem\\b");

    String apply(String text) {
        return STAMPED.matcher(text.replace(dir.toString(), "DIR")).replaceAll("$1-STAMP.pem");
    }

    List<String> apply(List<String> lines) {
        return lines.stream().map(this::apply).toList();
    }
}
