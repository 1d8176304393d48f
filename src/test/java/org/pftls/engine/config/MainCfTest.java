package org.pftls.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.pftls.engine.PftlsException;

/** main.cf reading rules (spec §1), no Postfix needed. */
class MainCfTest {
    private static MainCf parse(String text) throws PftlsException {
        return MainCf.parse(text.getBytes(StandardCharsets.ISO_8859_1), "/etc/postfix/main.cf");
    }

    @Test
    void hashIsACommentOnlyAtTheStartOfALine() throws PftlsException {
        MainCf cf = parse("# c\n  # indented comment\nsmtpd_banner = x # not a comment\n");
        assertEquals(Optional.of("x # not a comment"), cf.value("smtpd_banner"));
        assertEquals(1, cf.values().size());
    }

    @Test
    void continuationJoinsWithoutTheNewlineAcrossBlankAndCommentLines() throws PftlsException {
        MainCf cf = parse("a = x\n  y\n\n# flush-left comment\n\tz\\\nb = 2\n  c = 3\n");
        assertEquals(Optional.of("x  y\tz\\"), cf.value("a"));
        assertEquals(Optional.of("2  c = 3"), cf.value("b"));
        assertFalse(cf.contains("c"));
    }

    @Test
    void valuesAreTrimmedIncludingCarriageReturns() throws PftlsException {
        MainCf cf = parse("a = x\r\nb=\r\nc  =  two  words \t\r\nd==b\n");
        assertEquals(Optional.of("x"), cf.value("a"));
        assertEquals(Optional.of(""), cf.value("b"));
        assertEquals(Optional.of("two  words"), cf.value("c"));
        assertEquals(Optional.of("=b"), cf.value("d"));
    }

    @Test
    void lastDuplicateWinsWithAWarningWhenValuesDiffer() throws PftlsException {
        MainCf cf = parse("b = 0\na = 1\na = 1\na = 2\n");
        assertEquals(Optional.of("2"), cf.value("a"));
        assertEquals(List.of("b", "a"), List.copyOf(cf.values().keySet()));
        assertEquals(List.of("/etc/postfix/main.cf, line 4: overriding earlier entry: a=1"), cf.warnings());
    }

    @Test
    void leadingWhitespaceAtFileStartIsSkippedWithAWarning() throws PftlsException {
        MainCf cf = parse("   lead = 1\n\tmore\na = 1\n");
        assertEquals(List.of("a"), List.copyOf(cf.values().keySet()));
        assertEquals(List.of("/etc/postfix/main.cf: logical line must not start with whitespace: \"   lead = 1?more\""),
                cf.warnings());
    }

    @Test
    void missingEqualsIsFatalNamingFileLineAndFix() {
        PftlsException e = assertThrows(PftlsException.class, () -> parse("x = 1\n\n# c\na b\n  = 1\n"));
        assertEquals(PftlsException.Kind.CONFIG, e.kind());
        assertEquals("/etc/postfix/main.cf, line 4: missing '=' after attribute name: \"a b  = 1\"; "
                + "fix or comment out that line", e.getMessage());
    }

    @Test
    void missingNameIsFatal() {
        PftlsException e = assertThrows(PftlsException.class, () -> parse("= x\n"));
        assertTrue(e.getMessage().startsWith("/etc/postfix/main.cf, line 1: missing attribute name: \"= x\""));
    }

    @Test
    void textAfterNulIsLost() throws PftlsException {
        MainCf cf = parse("a = x\0y\n  z\nb = 2\n");
        assertEquals(Optional.of("x"), cf.value("a"));
        assertEquals(Optional.of("2"), cf.value("b"));
    }

    @Test
    void nonAsciiRoundTripsByteForByte() throws PftlsException {
        byte[] utf8 = "a = grüße ☃\n".getBytes(StandardCharsets.UTF_8);
        MainCf cf = MainCf.parse(utf8, "main.cf");
        assertEquals("grüße ☃", new String(cf.value("a").orElseThrow().getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8));
        assertEquals(new String(utf8, StandardCharsets.ISO_8859_1),
                new String(cf.bytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void missingFinalNewlineAndEmptyFile() throws PftlsException {
        assertEquals(Optional.of("x"), parse("a = x").value("a"));
        assertTrue(parse("").values().isEmpty());
    }
}
