package org.pftls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The caller's LC_ALL comes back from PFTLS_LC_ALL, where the launcher kept it. */
class LauncherLocaleTest {
    @Test
    void theCallersLocaleIsPutBack() {
        assertEquals(Map.of("LANG", "C", "PATH", "/bin"), LauncherLocale.callersEnvironment(
                Map.of("LC_ALL", "C.UTF-8", "PFTLS_LC_ALL", "", "LANG", "C", "PATH", "/bin")), "LC_ALL was unset");
        assertEquals(Map.of("LC_ALL", "POSIX"), LauncherLocale.callersEnvironment(
                Map.of("LC_ALL", "C.UTF-8", "PFTLS_LC_ALL", "POSIX")));
        Map<String, String> direct = Map.of("LC_ALL", "de_DE.ISO-8859-1");
        assertSame(direct, LauncherLocale.callersEnvironment(direct), "not started by the launcher: as it is");
    }
}
