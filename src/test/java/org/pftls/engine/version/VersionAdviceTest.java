package org.pftls.engine.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.ports.PostfixInstallation;
import org.pftls.engine.tls.Detection;
import org.pftls.engine.tls.Detector;
import org.pftls.engine.tls.Instance;
import org.pftls.testing.ModelledPostfix;
import org.pftls.testing.Sandbox;
import org.pftls.ui.DetectionReport;

/** Version-aware advice in Detect and status, and the version notes of enable-client --dry-run. */
class VersionAdviceTest {
    @TempDir
    Path dir;

    private Sandbox sandbox(String extraMainCf, PostfixInstallation postfix) {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.writeMainCf((s.mainCfText() + extraMainCf).getBytes(StandardCharsets.ISO_8859_1));
        return s.postfix(postfix);
    }

    private List<Finding> advice(String extraMainCf, PostfixInstallation postfix) throws Exception {
        return new VersionAdvice(Instance.read(dir, sandbox(extraMainCf, postfix).ports())).findings();
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void deprecatedClientSettingsNameTheirModernReplacement() throws Exception {
        ModelledPostfix v37 = ModelledPostfix.installed("3.7.11");
        Finding f = only(advice("smtp_use_tls = yes\n", v37));
        assertEquals(new Finding(Severity.WARNING, "deprecated-smtp-tls-settings",
                "smtp_use_tls = yes is obsolete; replace it with smtp_tls_security_level = may"), f);
        assertTrue(only(advice("smtp_enforce_tls = yes\n", v37)).text()
                .endsWith("replace it with smtp_tls_security_level = verify"));
        assertTrue(only(advice("smtp_enforce_tls = yes\nsmtp_tls_enforce_peername = no\n", v37)).text()
                .endsWith("replace them with smtp_tls_security_level = encrypt"));
        assertEquals("smtp_use_tls = no is obsolete; remove it: it changes nothing",
                only(advice("smtp_use_tls = no\n", v37)).text());
        assertEquals("smtp_use_tls = yes is obsolete; Postfix ignores it because smtp_tls_security_level = encrypt"
                + " is set: remove it", only(advice("smtp_use_tls = yes\nsmtp_tls_security_level = encrypt\n", v37)).text());
    }

    @Test
    void deprecatedServerSettingsToo() throws Exception {
        ModelledPostfix v310 = ModelledPostfix.installed("3.10.13");
        assertEquals("smtpd_use_tls = yes and smtpd_enforce_tls = yes are obsolete (Postfix 3.10.13 logs a deprecation"
                + " warning for them); replace them with smtpd_tls_security_level = encrypt",
                only(advice("smtpd_use_tls = yes\nsmtpd_enforce_tls = yes\n", v310)).text());
        assertEquals("deprecated-smtpd-tls-settings", only(advice("smtpd_use_tls = yes\n", v310)).code());
    }

    @Test
    void on311AtLevel311TheClientIsOpportunisticAlready() throws Exception {
        ModelledPostfix v311 = ModelledPostfix.installed("3.11.6");
        Finding f = only(advice("compatibility_level = 3.11\n", v311));
        assertEquals(Severity.INFO, f.severity());
        assertEquals("client-opportunistic-by-default", f.code());
        assertTrue(f.text().contains("Postfix 3.11.6 at compatibility_level 3.11 defaults smtp_tls_security_level"
                + " to may"), f.text());
        // Not below level 3.11 (debian-fresh.cf has 3.6), not before 3.11, not when the level is set.
        assertEquals(List.of(), advice("", v311));
        assertEquals(List.of(), advice("compatibility_level = 3.11\n", ModelledPostfix.installed("3.10.13")));
        assertEquals(List.of(), advice("compatibility_level = 3.12\nsmtp_tls_security_level = none\n", v311));
        assertEquals(Severity.INFO, only(advice("compatibility_level = 3.12\n", v311)).severity());
    }

    @Test
    void on311TheDefaultSilentlyOverridesEnforcedLegacyTls() throws Exception {
        List<Finding> found = advice("compatibility_level = 3.11\nsmtp_enforce_tls = yes\n",
                ModelledPostfix.installed("3.11.6"));
        Finding legacy = found.get(0);
        assertEquals(Severity.PROBLEM, legacy.severity(), found.toString());
        assertTrue(legacy.text().endsWith("defaults smtp_tls_security_level to may, so TLS is no longer enforced: set"
                + " smtp_tls_security_level = verify and remove it"), legacy.text());
    }

    @Test
    void chainFilesOnlyFrom34() throws Exception {
        assertTrue(VersionAdvice.chainFilesSupported(PostfixVersion.of("3.4.0")));
        assertFalse(VersionAdvice.chainFilesSupported(PostfixVersion.of("3.3.2")));
        Finding f = only(advice("smtpd_tls_chain_files = chain.pem\n", ModelledPostfix.installed("3.3.2")));
        assertEquals("chain-files-unsupported", f.code());
        assertTrue(f.text().startsWith("smtpd_tls_chain_files is set, but Postfix 3.3.2 ignores it"), f.text());
        assertEquals(List.of(), advice("smtpd_tls_chain_files = chain.pem\n", ModelledPostfix.installed("3.5.25")));
    }

    @Test
    void syntaxTheInstalledVersionCannotReadIsRefused() throws Exception {
        String levelLoglevel = "smtpd_tls_loglevel = ${{$compatibility_level} <level {3.6} ? {1} : {2}}\n";
        Sandbox s = sandbox(levelLoglevel, ModelledPostfix.installed("3.5.25"));
        PftlsException e = assertThrows(PftlsException.class, () -> Instance.read(dir, s.ports()));
        assertEquals(dir.resolve("main.cf") + ": smtpd_tls_loglevel uses the compatibility level comparison <level,"
                + " which Postfix 3.5.25 does not support (it came with Postfix 3.6), so this Postfix cannot read"
                + " main.cf; fix smtpd_tls_loglevel, or give the programs of a newer Postfix with --postfix-bin",
                e.getMessage());
        Sandbox.Run r = s.run("all-default-server");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("pftls: fatal: ") && r.err().lines().count() == 1, r.err());
        Instance.read(dir, sandbox(levelLoglevel, ModelledPostfix.installed("3.6.0")).ports());
        Instance.read(dir, sandbox("smtpd_banner = {x} <level {y}\n", ModelledPostfix.installed("3.5.25")).ports());
    }

    @Test
    void aCommandDirectoryOfAnotherInstallationIsPointedOut() throws Exception {
        Finding f = only(advice("command_directory = /opt/postfix-3.10.13/sbin\n", ModelledPostfix.installed("3.7.11")));
        assertEquals("other-postfix-programs", f.code());
        assertTrue(f.text().endsWith("run pftls with --postfix-bin /opt/postfix-3.10.13/sbin"), f.text());
        assertEquals(List.of(), advice("command_directory = " + ModelledPostfix.PROGRAMS + "/postfix-3.7.11/sbin\n",
                ModelledPostfix.installed("3.7.11")));
    }

    @Test
    void detectAndStatusShowWhichPostfixAndTheAdvice() throws Exception {
        Sandbox s = sandbox("compatibility_level = 3.11\nsmtpd_use_tls = yes\n", ModelledPostfix.installed("3.11.6"));
        Detection d = new Detector(Instance.read(dir, s.ports())).detect();
        List<String> report = DetectionReport.lines(d);
        assertTrue(report.contains("Postfix:                 3.11.6 (programs in " + ModelledPostfix.PROGRAMS
                + "/postfix-3.11.6/sbin)"),
                report.toString());
        assertTrue(report.stream().anyMatch(l -> l.startsWith("SMTP client TLS:         all default (enable-client"
                + " applies); opportunistic already")), report.toString());
        assertTrue(report.stream().anyMatch(l -> l.startsWith("Note: the SMTP client already uses opportunistic")),
                report.toString());
        assertEquals(1, d.warnings().stream().filter(w -> w.startsWith("smtpd_use_tls = yes is obsolete")).count(),
                d.warnings().toString());
        Sandbox status = sandbox("", ModelledPostfix.installed("3.11.6"));
        assertEquals(0, status.run("status").status(), "INFO advice alone is no problem");
    }

    @Test
    void withoutPostfixTheBuiltinDefaultsNameTheVersionTheyModel() {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        Sandbox.Run r = s.run("status");
        assertTrue(r.out().contains("Postfix:                 none found; using the built-in defaults of Debian 12's"
                + " Postfix 3.7.11\n"), r.out());
        Sandbox.Run demo = s.runRaw("--demo", "all-default-client");
        assertTrue(demo.err().contains("built-in defaults of Debian 12's Postfix 3.7.11"), demo.err());
    }

    @Test
    void enableClientDryRunSaysWhyItsCacheTypeAndWhatTheClientDefaultIs() {
        Sandbox s = sandbox("compatibility_level = 3.11\n", ModelledPostfix.installed("3.11.6").withMapTypes("btree"));
        Sandbox.Run r = s.run("enable-client", "--dry-run");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("+smtp_tls_session_cache_database = btree:/var/lib/postfix/smtp_scache"), r.out());
        assertTrue(r.out().contains("Notes (this Postfix):\n  session cache type btree: postconf -m of Postfix 3.11.6"
                + " lists btree but not lmdb\n  Postfix 3.11.6 at this compatibility_level already defaults"
                + " smtp_tls_security_level to may"), r.out());
        // A real run prints what postfix tls prints, and no notes.
        Sandbox.Run real = s.run("enable-client");
        assertEquals(0, real.status(), real.err());
        assertFalse(real.err().contains("session cache type"), real.err());
    }
}
