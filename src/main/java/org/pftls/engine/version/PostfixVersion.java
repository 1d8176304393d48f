package org.pftls.engine.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A Postfix release number ({@code mail_version}: {@code 3.10.13}, or a snapshot's
 * {@code 3.12-20260301}) or a {@code compatibility_level} value ({@code 0}, {@code 2},
 * {@code 3.6}, {@code 3.11}), compared as Postfix compares compatibility levels
 * ({@code global/compat_level.c}): numerically, major, then minor, then patch, a missing part
 * counting as 0. A snapshot's date is ignored (3.12-20260301 is 3.12). Text that is not a version
 * parses as {@link #UNKNOWN}, which is older than every release (no version-dependent advice is
 * given for it).
 */
public record PostfixVersion(int major, int minor, int patch, String text) implements Comparable<PostfixVersion> {
    /** Not a version: compares below every real one. */
    public static final PostfixVersion UNKNOWN = new PostfixVersion(-1, 0, 0, "unknown");

    /** Postfix 3.4: {@code smtpd_tls_chain_files} and {@code smtp_tls_chain_files} exist. */
    public static final PostfixVersion CHAIN_FILES = of("3.4");
    /** Postfix 3.9: postconf and the daemons warn about the deprecated {@code *_use_tls}/{@code *_enforce_tls}. */
    public static final PostfixVersion DEPRECATION_WARNINGS = of("3.9");
    /**
     * Postfix 3.11: {@code default_cache_db_type} exists, and at {@code compatibility_level} 3.11
     * or higher {@code smtp_tls_security_level} defaults to {@code may}.
     */
    public static final PostfixVersion V3_11 = of("3.11");

    /** Parses {@code text}; {@link #UNKNOWN} when it is not a version. */
    public static PostfixVersion of(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String t = text.trim();
        int dash = t.indexOf('-');
        String numbers = dash < 0 ? t : t.substring(0, dash);
        List<Integer> parts = new ArrayList<>();
        for (String part : numbers.split("\\.", -1)) {
            if (part.isEmpty() || part.length() > 6 || !digits(part)) {
                return UNKNOWN;
            }
            parts.add(Integer.parseInt(part));
        }
        if (parts.size() > 3) {
            return UNKNOWN;
        }
        return new PostfixVersion(parts.get(0), parts.size() > 1 ? parts.get(1) : 0,
                parts.size() > 2 ? parts.get(2) : 0, t);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public boolean known() {
        return major >= 0;
    }

    public boolean atLeast(PostfixVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(PostfixVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
