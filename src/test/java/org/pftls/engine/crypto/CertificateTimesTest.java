package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

/** CertificateTimes encodes exactly as Bouncy Castle's Time(Date) (RFC 5280's UTCTime/GeneralizedTime rule). */
class CertificateTimesTest {
    @Test
    void sameDerAsBouncyCastleAroundEveryBoundary() throws IOException {
        for (String t : List.of("1950-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2026-11-25T13:12:20Z",
                "2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z", "2126-11-26T13:12:20Z", "9999-12-31T23:59:59Z")) {
            Instant instant = Instant.parse(t);
            Time expected = new Time(Date.from(instant), Locale.ROOT);
            assertArrayEquals(expected.getEncoded(), CertificateTimes.of(instant).getEncoded(), t);
            assertEquals(Date.from(instant), CertificateTimes.of(instant).getDate(), t);
        }
    }

    @Test
    void independentOfTheDefaultTimeZoneAndLocale() throws IOException {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(new Locale("th", "TH", "TH"));
            assertEquals("261125131220Z", new String(CertificateTimes.of(Instant.parse("2026-11-25T13:12:20Z"))
                    .getEncoded(), java.nio.charset.StandardCharsets.US_ASCII).substring(2));
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }
}
