package org.pftls.engine.plan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The two ways pftls writes a moment in UTC, without {@code java.time.format}: setting up
 * {@code DateTimeFormatter} (its builder, its predefined formatters, locale text providers) costs
 * ~3 ms at the start of every command that names a file or writes a history line. Same text as
 * {@code DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")} and {@code Instant.toString()} for years
 * 1 to 9999 ({@code UtcTextTest} compares them).
 */
public final class UtcText {
    private UtcText() {
    }

    /** {@code yyyyMMdd-HHmmss}: key, certificate and backup file names. */
    public static String fileStamp(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(15);
        pad(b, t.getYear(), 4);
        pad(b, t.getMonthValue(), 2);
        pad(b, t.getDayOfMonth(), 2);
        b.append('-');
        pad(b, t.getHour(), 2);
        pad(b, t.getMinute(), 2);
        pad(b, t.getSecond(), 2);
        return b.toString();
    }

    /** ISO-8601 as {@link Instant#toString()}: seconds always, then 3, 6 or 9 fraction digits as needed. */
    public static String iso(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(30);
        pad(b, t.getYear(), 4);
        b.append('-');
        pad(b, t.getMonthValue(), 2);
        b.append('-');
        pad(b, t.getDayOfMonth(), 2);
        b.append('T');
        pad(b, t.getHour(), 2);
        b.append(':');
        pad(b, t.getMinute(), 2);
        b.append(':');
        pad(b, t.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            b.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(b, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(b, nanos / 1000, 6);
            } else {
                pad(b, nanos, 9);
            }
        }
        return b.append('Z').toString();
    }

    private static void pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        b.append(digits);
    }
}
