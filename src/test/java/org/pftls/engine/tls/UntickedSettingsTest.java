package org.pftls.engine.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.plan.Applier;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Setting;
import org.pftls.testing.Sandbox;

/** A merge plan with some changes unticked (the wizard's check boxes): only the ticked ones are applied. */
class UntickedSettingsTest {
    @TempDir
    Path dir;

    @Test
    void untickedChangesAreKeptAndNotWritten() throws Exception {
        Sandbox s = Sandbox.withSample(dir, "debian-fresh.cf");
        s.writeMainCf((s.mainCfText() + "smtpd_tls_security_level = encrypt\n").getBytes(StandardCharsets.ISO_8859_1));
        var ports = s.ports();
        TlsEngine engine = new TlsEngine(Instance.read(dir, ports));
        Plan plan = engine.enableServer(null, List.of(KeySpec.defaultFor(KeyAlgorithm.ECDSA)), List.of(), true, false);
        assertTrue(plan.decisions().stream().anyMatch(d -> d.name().equals("smtpd_tls_loglevel") && d.applied()));
        assertEquals(List.of("smtpd_tls_security_level"), plan.kept().stream().map(Setting::name).toList());

        Plan fewer = engine.without(plan, Set.of("smtpd_tls_loglevel", "tls_random_source"));
        assertEquals(plan.files(), fewer.files());
        assertEquals(plan.decisions().size(), fewer.decisions().size());
        assertEquals(List.of("smtpd_tls_security_level", "smtpd_tls_loglevel", "tls_random_source"),
                fewer.kept().stream().map(Setting::name).toList());
        assertTrue(fewer.messages().contains("smtpd_tls_loglevel: left unset (unticked)"), fewer.messages().toString());
        new Applier(ports).apply(fewer);
        String cf = s.mainCfText();
        assertFalse(cf.contains("smtpd_tls_loglevel"), cf);
        assertFalse(cf.contains("tls_random_source"), cf);
        assertTrue(cf.contains("smtpd_tls_eckey_file = "), cf);
        assertTrue(cf.contains("smtpd_tls_received_header = yes"), cf);
        assertTrue(cf.contains("smtpd_tls_security_level = encrypt\n"), cf);
    }
}
