package org.pftls.engine.tls;

import java.util.ArrayList;
import java.util.List;
import org.pftls.engine.PftlsException;

/**
 * How smtpd gets its certificates and whether master.cf changes that: which mechanism is in force
 * (the legacy parameters or smtpd_tls_chain_files), the effective server TLS level, and the
 * master.cf overrides that shadow main.cf. Shown by Detect and {@code status}.
 *
 * @param mechanism   {@code smtpd_tls_chain_files} or {@code legacy}
 * @param description one line for people, e.g. "smtpd_tls_chain_files (Postfix 3.4+; ... ignored)"
 * @param level       the effective server TLS level
 * @param overrides   master.cf -o options that serve another certificate or turn TLS off
 * @param problems    what to fix (one line each, with the fix)
 */
public record ServerSetup(String mechanism, String description, TlsLevel level,
                          List<MasterCfOverrides.Override> overrides, List<String> problems) {

    /** Reads the server's setup; never fails (what cannot be read becomes a problem). */
    public static ServerSetup of(Instance instance) {
        List<String> problems = new ArrayList<>();
        ServerDeployment deployment = new ServerDeployment(instance);
        String mechanism = "legacy";
        String description = "smtpd_tls_cert_file/smtpd_tls_key_file and smtpd_tls_eccert_file/smtpd_tls_eckey_file";
        try {
            boolean set = ChainFiles.set(instance);
            if (set && deployment.versionHasChainFiles()) {
                mechanism = ChainFiles.PARAMETER;
                description = "smtpd_tls_chain_files (the legacy smtpd_tls_*cert_file/*key_file parameters are"
                        + " ignored by Postfix)";
            } // else: VersionAdvice says that this Postfix ignores it
        } catch (PftlsException e) {
            problems.add(e.getMessage());
        }
        TlsLevel level;
        try {
            level = TlsLevel.of(instance.parameters(), TlsLevel.Side.SERVER);
        } catch (PftlsException e) {
            problems.add(e.getMessage());
            level = new TlsLevel(TlsLevel.Side.SERVER, "", "", "");
        }
        List<MasterCfOverrides.Override> overrides = new MasterCfOverrides(instance).find();
        overrides.forEach(o -> problems.add(o.problem()));
        return new ServerSetup(mechanism, description, level, overrides, problems);
    }
}
