package org.pftls.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pftls.engine.PftlsException;

/** Every row of the expansion table (spec §2), as unit tests ({@link ExpanderPostconfIT} pins them to the real postconf -x). */
class ExpanderTest {
    static final Map<String, String> PARAMS = Map.of("p_set", "yes", "p_empty", "", "la", "$lb", "lb", "$la",
            "p_nested", "${p_set?{$p_set$p_set}}", "p_cl", "3.6");

    /** value → result, with ⎵ for a space at either end. */
    static final String[][] ROWS = {
        {"$p_set", "yes"}, {"${p_set}", "yes"}, {"$(p_set)", "yes"},
        {"${p_set?on}", "on"}, {"${p_empty?on}", ""},
        {"${p_set:off}", ""}, {"${p_empty:off}", "off"}, {"${p_undef:off}", "off"},
        {"${p_set?{T}:{F}}", "T"}, {"${p_empty?{T}:{F}}", "F"}, {"${p_empty?{T}:F}", "F"},
        {"${ p_set ? { T } : { F } }", "⎵T⎵"}, {"${p_set?a:b}", "a:b"},
        {"cost $$5 and $$p_set", "cost $5 and $p_set"}, {"$${p_set}", "${p_set}"}, {"$$$p_set", "$yes"},
        {"x${p_undef}y$p_undef.z", "xy.z"}, {"$p_setfoo", ""},
        {"${{$p_set} == {yes}?{eq}:{ne}}", "eq"}, {"${{10} < {9}?{lt}:{ge}}", "ge"},
        {"${{10} < {9x}?{lt}:{ge}}", "lt"}, {"${{2} >= {10}?{y}:{n}}", "n"}, {"${{b} > {a}?{y}:{n}}", "y"},
        {"${{a} != {b}}", "true"}, {"${{a} == {b}}", ""}, {"${{a}<={a}?y:n}", "y:n"},
        {"${{3.10} >level {3.9}?{newer}:{older}}", "newer"}, {"${{$p_cl} <=level {3.6}?{y}:{n}}", "y"},
        {"${{3.6.1} >level {3.6}?{y}:{n}}", "y"}, {"${{2} <level {3.0}?{y}:{n}}", "y"},
        {"$p_nested/${p_nested}", "yesyes/yesyes"}, {"${p_set?$p_set}", "yes"},
    };

    static final String[][] ERRORS = {
        {"cost $ 5", "empty macro name"}, {"trailing$", "empty macro name"},
        {"${p_set", "truncated macro reference"}, {"$(p_set", "truncated macro reference"},
        {"${p-set}", "attribute name syntax error"}, {"${p_set?{a}x}", "\":\" expected"},
        {"$la", "unreasonable macro call nesting"}, {"${{a} = {b}}", "expected at"},
        {"${{1} <lvl {2}}", "bad operator suffix"}, {"${{x} <level {3}}", "malformed compatibility level"},
        {"${{a} == b}", "\"{expression}\" expected"}, {"${{a} == {b} x}", "\"?\" or \":\" expected"},
        {"${p_set?{a}:{b}c}", "unexpected input"}, {"${p_set?{a}", "truncated macro reference"},
        {"${{a} == {b}?{x}:{y", "truncated macro reference"}, {"${p_set?{a}:{b}", "truncated macro reference"},
    };

    /** Carriers: built-in parameters that postconf prints and expands. */
    static final List<String> CARRIERS = List.of("always_bcc", "body_checks", "canonical_maps", "content_filter",
            "debug_peer_list", "header_checks", "mime_header_checks", "nested_header_checks",
            "recipient_canonical_maps", "relay_domains", "relocated_maps", "sender_canonical_maps",
            "smtp_generic_maps", "transport_maps", "virtual_alias_maps", "smtpd_client_restrictions",
            "smtpd_helo_restrictions", "smtpd_sender_restrictions", "smtpd_etrn_restrictions",
            "smtpd_data_restrictions");

    static Expander expander() {
        return new Expander(name -> Optional.ofNullable(PARAMS.get(name)));
    }

    private static String unmark(String s) {
        return s.replace('⎵', ' ');
    }

    @Test
    void everyRow() throws PftlsException {
        for (String[] row : ROWS) {
            assertEquals(unmark(row[1]), expander().expand(row[0]), row[0]);
        }
    }

    @Test
    void everyError() {
        for (String[] row : ERRORS) {
            PftlsException e = assertThrows(PftlsException.class, () -> expander().expand(row[0]), row[0]);
            assertEquals(PftlsException.Kind.CONFIG, e.kind());
            assertTrue(e.getMessage().contains(row[1]), row[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().startsWith("cannot expand \"" + row[0] + "\": "), e.getMessage());
            assertTrue(e.getMessage().indexOf('\n') < 0);
        }
    }

    @Test
    void undefinedWarnsOncePerLookup() throws PftlsException {
        Expander expander = expander();
        assertEquals("xy.z", expander.expand("x${p_undef}y$p_undef.z"));
        assertEquals(List.of("undefined parameter: p_undef", "undefined parameter: p_undef"), expander.warnings());
    }

    @Test
    void literalTextIsNotRescanned() throws PftlsException {
        Expander expander = new Expander(name -> Optional.of(name.equals("a") ? "$$b" : "B"));
        assertEquals("$b", expander.expand("$a"));
    }

    @ParameterizedTest
    @CsvSource({"3, 3.0, ==", "3.0.0, 3, ==", "3.10, 3.9, >", "0, 3.6, <", "1023.5, 3.6, >"})
    void compatibilityLevels(String left, String right, String relation) {
        int c = Long.compare(CompatibilityLevel.parse(left), CompatibilityLevel.parse(right));
        assertEquals(relation, c == 0 ? "==" : c < 0 ? "<" : ">");
    }
}
