package org.pftls.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pftls.engine.PftlsException;

class HostNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "mail.example.com", "MX1.Example.COM", "localhost", "vm.localdomain", "a", "a-b.c-d.example",
        "xn--bcher-kva.example", "*.example.com", "*.localdomain", "123abc.example", "1.example", "mx.example.123a",
    })
    void accepts(String name) throws PftlsException {
        assertEquals(name, HostNames.validate(name));
    }

    @Test
    void acceptsLongestNames() throws PftlsException {
        String label63 = "a".repeat(63);
        HostNames.validate(label63 + ".example");
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        assertEquals(253, name253.length());
        HostNames.validate(name253);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                  | bad host name \"\": is empty: give a host name such as mail.example.com",
        "mail.example.com.   | bad host name \"mail.example.com.\": ends with a dot: drop the trailing dot",
        "mail example.com    | bad host name \"mail example.com\": contains a space or control character: give one host name per argument",
        "_25._tcp.example    | bad host name \"_25._tcp.example\": contains \"_\", which is not allowed in host names: use \"-\"",
        "mail..example       | bad host name \"mail..example\": has an empty label (\"..\" or a leading dot): remove the extra dot",
        ".example            | bad host name \".example\": has an empty label (\"..\" or a leading dot): remove the extra dot",
        ".                   | bad host name \".\": has an empty label (\"..\" or a leading dot): remove the extra dot",
        "192.0.2.1           | bad host name \"192.0.2.1\": is an IP address: use a DNS name",
        "2001:db8::1         | bad host name \"2001:db8::1\": is an IP address: use a DNS name",
        "[2001:db8::1]       | bad host name \"[2001:db8::1]\": is an IP address: use a DNS name",
        "-mail.example       | bad host name \"-mail.example\": has a label that starts or ends with \"-\": remove that \"-\"",
        "mail-.example       | bad host name \"mail-.example\": has a label that starts or ends with \"-\": remove that \"-\"",
        "mail.*.example      | bad host name \"mail.*.example\": has \"*\" in the middle: use a wildcard only as the whole first label, as in *.example.com",
        "*                   | bad host name \"*\": is only a wildcard: write it as *.example.com",
        "m*.example          | bad host name \"m*.example\": contains characters other than letters, digits, \"-\" and \".\": remove them (a wildcard must be a whole first label, as in *.example.com)",
        "mail!.example       | bad host name \"mail!.example\": contains characters other than letters, digits, \"-\" and \".\": remove them",
        "bücher.example      | bad host name \"bücher.example\": contains characters other than letters, digits, \"-\" and \".\": remove them (write an international name in its xn-- form)",
    })
    void refuses(String name, String message) {
        PftlsException e = assertThrows(PftlsException.class, () -> HostNames.validate(name));
        assertEquals(PftlsException.Kind.INPUT, e.kind());
        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesOverlongLabelAndName() {
        PftlsException label = assertThrows(PftlsException.class,
                () -> HostNames.validate("a".repeat(64) + ".example"));
        assertTrue(label.getMessage().endsWith("has a label longer than 63 characters: shorten it"), label.getMessage());
        PftlsException name = assertThrows(PftlsException.class,
                () -> HostNames.validate(("a".repeat(60) + ".").repeat(4) + "example.com"));
        assertTrue(name.getMessage().endsWith("is too long (255 characters, at most 253): use a shorter name"), name.getMessage());
        assertTrue(!name.getMessage().contains("\n"));
    }

    @Test
    void validateAllKeepsOrderAndRefusesDuplicatesIgnoringCase() throws PftlsException {
        assertEquals(List.of("b.example", "a.example"), HostNames.validateAll(List.of("b.example", "a.example")));
        PftlsException e = assertThrows(PftlsException.class,
                () -> HostNames.validateAll(List.of("mx.example", "www.example", "MX.example")));
        assertEquals("bad host name \"MX.example\": is given twice: give each host name once", e.getMessage());
        assertThrows(PftlsException.class, () -> HostNames.validateAll(List.of("ok.example", "bad_name")));
    }
}
