package org.pftls.engine.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x509.Time;

/**
 * Validity times as RFC 5280 (and OpenSSL) encode them: UTCTime {@code YYMMDDHHMMSSZ} for the
 * years 1950 to 2049, GeneralizedTime {@code YYYYMMDDHHMMSSZ} otherwise, to the second.
 *
 * <p>Bouncy Castle's {@code new Time(Date)} formats with {@code SimpleDateFormat}, whose first use
 * loads the JDK's calendar and locale data: about 15 ms at every start of a short-lived command.
 * Here the digits come from {@code java.time} and Bouncy Castle only parses the DER encoding.
 */
final class CertificateTimes {
    private CertificateTimes() {
    }

    static Time of(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        int year = t.getYear();
        boolean utc = year >= 1950 && year <= 2049;
        StringBuilder digits = new StringBuilder(15);
        if (utc) {
            two(digits, year % 100);
        } else {
            if (year < 0 || year > 9999) {
                throw new IllegalArgumentException("year out of range for a certificate: " + year);
            }
            two(digits, year / 100);
            two(digits, year % 100);
        }
        two(digits, t.getMonthValue());
        two(digits, t.getDayOfMonth());
        two(digits, t.getHour());
        two(digits, t.getMinute());
        two(digits, t.getSecond());
        digits.append('Z');
        byte[] text = digits.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] der = new byte[text.length + 2];
        der[0] = (byte) (utc ? BERTags.UTC_TIME : BERTags.GENERALIZED_TIME);
        der[1] = (byte) text.length;
        System.arraycopy(text, 0, der, 2, text.length);
        try {
            return new Time(ASN1Primitive.fromByteArray(der));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the time " + instant, e);
        }
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
