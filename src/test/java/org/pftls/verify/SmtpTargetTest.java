package org.pftls.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pftls.engine.config.MasterCf;
import org.pftls.engine.verify.SmtpTarget;

/** Where verify connects: master.cf's SMTP service in its spellings, -o overrides, postscreen, options. */
class SmtpTargetTest {
    private static SmtpTarget target(String masterCf) {
        return SmtpTarget.choose(Optional.empty(), Optional.empty(), Optional.of(MasterCf.parse(masterCf)));
    }

    @Test
    void findsTheSmtpServiceInItsSpellings() {
        assertEquals("127.0.0.1:25", target("smtp inet n - y - - smtpd\n").address());
        assertEquals("127.0.0.1:25", target("25 inet n - y - - smtpd\n").address());
        assertEquals("127.0.0.1:25", target("127.0.0.1:smtp inet n - y - - smtpd\n").address());
        assertEquals("[::1]:25", target("[::1]:25 inet n - y - - smtpd\n").address());
        assertEquals("192.0.2.1:25", target("192.0.2.1:smtp inet n - y - - smtpd\n").address());
        assertEquals("127.0.0.1:25", target("*:smtp inet n - y - - smtpd\n").address());
        assertEquals("127.0.0.1:2525", target("127.0.0.1:2525 inet n - n - - smtpd\n").address());
    }

    @Test
    void preferPort25OverSubmissionAndSkipsCommentsAndOtherServices() {
        String master = """
                # smtp      inet  n       -       y       -       -       smtpd
                submission inet n       -       y       -       -       smtpd
                  -o smtpd_tls_security_level=encrypt
                pickup     unix  n       -       y       60      1       pickup
                2525      inet  n       -       y       -       -       smtpd
                smtp      inet  n       -       y       -       1       postscreen
                smtpd     pass  -       -       y       -       -       smtpd
                  -o smtpd_tls_cert_file=/etc/ssl/other.pem
                  -o { smtpd_tls_key_file = /etc/ssl/other key.pem }
                """;
        SmtpTarget t = target(master);
        assertEquals("127.0.0.1:25", t.address());
        assertEquals(Optional.of("smtp"), t.service());
        assertEquals(Map.of("smtpd_tls_cert_file", "/etc/ssl/other.pem", "smtpd_tls_key_file", "/etc/ssl/other key.pem"),
                t.overrides(), "postscreen hands over to smtpd pass: its overrides count");
        // without port 25: the first that is not submission
        assertEquals("127.0.0.1:2525", target(master.replace("smtp      inet", "#")).address());
    }

    @Test
    void overridesOfTheServiceAreKeptAndOptionsWin() {
        String master = "smtp inet n - y - - smtpd -o smtpd_tls_security_level=none -osmtpd_tls_eccert_file=/x.pem"
                + " -o syslog_name=postfix/smtp\n";
        assertEquals(Map.of("smtpd_tls_security_level", "none", "smtpd_tls_eccert_file", "/x.pem"),
                target(master).overrides());
        SmtpTarget given = SmtpTarget.choose(Optional.of("192.0.2.9"), Optional.of(587),
                Optional.of(MasterCf.parse(master)));
        assertEquals("192.0.2.9:587", given.address());
        assertEquals(Map.of(), given.overrides(), "no service listens on 587 in this master.cf");
        assertEquals("127.0.0.1:25", SmtpTarget.choose(Optional.empty(), Optional.empty(), Optional.empty()).address());
    }
}
