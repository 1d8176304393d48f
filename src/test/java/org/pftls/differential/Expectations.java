package org.pftls.differential;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.pftls.engine.dane.RolloverAdvice;

/** The expectations scenarios use: the same result, or one of the documented differences. */
final class Expectations {
    private Expectations() {
    }

    /**
     * Same exit status (0 or not), same {@code postconf -n} afterwards, same main.cf lines and mode,
     * same new files with the same modes and properties, same changed files, same stdout, same
     * informational and warning messages line for line, and a fatal message on both sides or neither.
     */
    static Expectation same() {
        return (script, withAdvice) -> {
            Observation pftls = withAdvice.withMessages(withoutRolloverAdvice(withAdvice.messages()));
            String both = "\n--- postfix tls:\n" + script.describe() + "\n--- pftls:\n" + pftls.describe();
            assertAll(
                    () -> assertEquals(script.success(), pftls.success(), "exit status 0 on both or neither" + both),
                    () -> assertEquals(script.postconf(), pftls.postconf(), "postconf -n afterwards"),
                    () -> assertEquals(script.mainCfLines(), pftls.mainCfLines(), "main.cf lines (sorted)"),
                    () -> assertEquals(script.mainCfMode(), pftls.mainCfMode(), "main.cf mode"),
                    () -> assertEquals(script.newFiles(), pftls.newFiles(), "new files and modes"),
                    () -> assertEquals(script.properties(), pftls.properties(), "properties of the new files"),
                    () -> assertEquals(script.changedFiles(), pftls.changedFiles(), "files changed"),
                    () -> assertEquals(script.stdout(), pftls.stdout(), "stdout"),
                    () -> assertEquals(script.infoAndWarnings(), pftls.infoAndWarnings(), "messages" + both),
                    () -> assertEquals(script.hasFatal(), pftls.hasFatal(), "a fatal message on both or neither"
                            + both));
        };
    }

    /**
     * pftls's messages without its DANE rollover advice, which follows postfix tls's messages
     * (README "Differences"; {@link KnownDifferences#rolloverAdvice} checks it).
     */
    static List<String> withoutRolloverAdvice(List<String> messages) {
        int at = messages.indexOf(RolloverAdvice.FIRST_LINE);
        return at < 0 ? messages : messages.subList(0, at);
    }

    /**
     * Deliberate difference: the script accepts the input (and writes something); pftls refuses it
     * with exit status 1 and one fatal line, and changes nothing.
     */
    static Expectation pftlsRefuses() {
        return (script, pftls) -> assertAll(
                () -> assertEquals(0, script.status(), "postfix tls accepts it\n" + script.describe()),
                () -> assertTrue(!script.newFiles().isEmpty() || !script.changedFiles().isEmpty(),
                        "postfix tls wrote something"),
                () -> assertEquals(1, pftls.status(), "pftls refuses it\n" + pftls.describe()),
                () -> assertEquals(List.of(), pftls.changedFiles(), "pftls changed no file"),
                () -> assertEquals(java.util.Map.of(), pftls.newFiles(), "pftls created no file"),
                () -> assertEquals("", pftls.stdout(), "pftls printed nothing on stdout"),
                () -> assertEquals(1, pftls.messages().stream().filter(m -> m.startsWith("fatal: ")).count(),
                        "one fatal line: " + pftls.messages()));
    }
}
