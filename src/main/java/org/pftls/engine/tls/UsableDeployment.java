package org.pftls.engine.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.plan.Setting;

/**
 * {@code enable-server --merge --keep-usable}: of the requested algorithms, which already have a
 * usable key and certificate deployed (both files read, and they match: smtpd can serve them),
 * which are then kept instead of replaced. This is what makes a repeated run (an Ansible task, a
 * configuration management loop) change nothing once the server is set up, and it never replaces
 * a working key behind the back of DANE TLSA records that name it. What {@code status} reports
 * about a kept pair (an expired certificate, a key readable by others) becomes a warning of the
 * plan, with its fix.
 *
 * @param toMake   the specs of the algorithms that get a new key and certificate
 * @param kept     one "kept" decision per main.cf parameter that deploys a kept pair
 * @param warnings the problems of the kept pairs
 */
record UsableDeployment(List<KeySpec> toMake, List<Setting> kept, List<String> warnings) {

    static UsableDeployment of(Instance instance, List<KeySpec> specs) throws PftlsException {
        Detection detection = new Detector(instance).detect();
        boolean chainFiles = new ServerDeployment(instance).inForce() == ServerDeployment.Mechanism.CHAIN_FILES;
        List<KeySpec> toMake = new ArrayList<>();
        List<Setting> kept = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> keptNames = new ArrayList<>();
        for (KeySpec spec : specs) {
            KeyAlgorithm a = spec.algorithm();
            DeployedPair pair = detection.pair(a);
            if (!pair.configured() || !pair.matches().orElse(false)) {
                toMake.add(spec);
                continue;
            }
            keptNames.add(a.toString());
            String reason = "a usable " + a + " key and certificate are deployed (they match); kept (--keep-usable)";
            if (!chainFiles) {
                kept.add(keep(instance, a.keyFileParameter(), pair.keyFile().orElseThrow().toString(), reason));
                kept.add(keep(instance, a.certFileParameter(), pair.certFile().orElseThrow().toString(), reason));
            }
            pair.problems().forEach(p -> warnings.add("kept " + a + " key and certificate: " + p));
        }
        if (chainFiles && !keptNames.isEmpty()) {
            kept.add(keep(instance, ChainFiles.PARAMETER, instance.parameters().explicit(ChainFiles.PARAMETER)
                    .orElse(""), "usable " + String.join(" and ", keptNames) + " keys and certificates are deployed"
                    + " (they match); kept (--keep-usable)"));
        }
        return new UsableDeployment(toMake, kept, warnings);
    }

    private static Setting keep(Instance instance, String parameter, String effective, String reason) {
        Optional<String> explicit = instance.parameters().explicit(parameter);
        return Setting.keep(parameter, explicit, effective, reason);
    }
}
