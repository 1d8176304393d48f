package org.pftls.engine.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.ConfigurationTrust;
import org.pftls.engine.check.Finding;
import org.pftls.engine.check.Severity;
import org.pftls.engine.config.MainCfText;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.version.VersionAdvice;

/** Reads the TLS state of an instance: never fails, reports what it cannot read as a problem. */
public final class Detector {
    private final Instance instance;
    private final DeployedPairReader reader;

    public Detector(Instance instance) {
        this(instance, LetsEncrypt.DEFAULT);
    }

    /** @param letsEncrypt certbot's configuration directory (certificates from there get renewal advice) */
    public Detector(Instance instance, LetsEncrypt letsEncrypt) {
        this.instance = instance;
        this.reader = new DeployedPairReader(instance, letsEncrypt);
    }

    public Detection detect() {
        List<String> warnings = new ArrayList<>();
        ConfigurationTrust.findings(instance.configDirectory(), instance.ports().files())
                .forEach(f -> warnings.add(f.text()));
        String myhostname;
        try {
            myhostname = HostNameChoice.myhostname(instance);
        } catch (PftlsException e) {
            myhostname = "(unknown)";
            warnings.add(e.getMessage());
        }
        List<DeployedPair> pairs = new ArrayList<>();
        for (KeyAlgorithm a : KeyAlgorithm.values()) {
            DeployedPair p = reader.read(a);
            pairs.add(p);
            warnings.addAll(p.problems());
        }
        ServerSetup server = ServerSetup.of(instance);
        warnings.addAll(server.problems());
        List<Finding> advice = new VersionAdvice(instance).findings();
        advice.stream().filter(f -> f.severity() != Severity.INFO).forEach(f -> warnings.add(f.text()));
        String random;
        try {
            random = instance.parameters().expanded("tls_random_source");
        } catch (PftlsException e) {
            random = "(cannot expand: " + e.getMessage() + ")";
        }
        return new Detection(instance.configDirectory(), instance.ports().postfix().mailVersion(),
                instance.ports().postfix().installed(), myhostname,
                text(TlsSettings.CLIENT.nonDefault(instance.parameters())),
                text(TlsSettings.SERVER.nonDefault(instance.parameters())), pairs, text(List.of(random)).get(0), server,
                List.copyOf(new java.util.LinkedHashSet<>(warnings)), instance.ports().postfix().programDirectory(),
                advice);
    }

    /** main.cf values (their bytes) as the text they show on a terminal. */
    private List<String> text(List<String> values) {
        return values.stream().map(v -> MainCfText.display(v, instance.ports().files().nameCharset())).toList();
    }
}
