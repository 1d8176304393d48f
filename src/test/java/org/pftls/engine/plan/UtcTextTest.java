package org.pftls.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** UtcText writes what java.time's formatters write. */
class UtcTextTest {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @Test
    void sameTextAsJavaTime() {
        Random random = new Random(3);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20000; i++) {
            long seconds = min + (long) (random.nextDouble() * (max - min));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(STAMP.format(t), UtcText.fileStamp(t), t.toString());
            assertEquals(t.toString(), UtcText.iso(t));
        }
        Instant fixed = Instant.parse("2026-11-25T12:00:00Z");
        assertEquals("20261125-120000", UtcText.fileStamp(fixed));
        assertEquals("2026-11-25T12:00:00Z", UtcText.iso(fixed));
        assertEquals("2026-11-25T12:00:00.120Z", UtcText.iso(fixed.plusMillis(120)));
        assertEquals("2026-11-25T12:00:00.000001Z", UtcText.iso(fixed.plusNanos(1000)));
    }
}
