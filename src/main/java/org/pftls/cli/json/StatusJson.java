package org.pftls.cli.json;

import java.io.OutputStream;
import java.util.Optional;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.Detection;
import org.pftls.engine.verify.VerifyHistory;

/** {@code pftls status --json}: the engine's {@link Detection} as one JSON object (schema: README). */
public final class StatusJson {
    private StatusJson() {
    }

    public static void write(Detection d, Optional<VerifyHistory.Last> verified, OutputStream out) {
        try (JsonOutput j = JsonOutput.on(out)) {
            j.startObject();
            j.field("ok", d.warnings().isEmpty());
            j.field("config_directory", d.configDirectory().toString());
            j.field("postfix_version", d.postfixVersion());
            j.field("postfix_installed", d.postfixInstalled());
            j.field("myhostname", d.myhostname());
            j.field("tls_random_source", d.tlsRandomSource());
            j.startObject("client");
            j.field("all_default", d.clientAllDefault());
            j.strings("non_default", d.clientNonDefault());
            j.endObject();
            j.startObject("server");
            j.field("all_default", d.serverAllDefault());
            j.strings("non_default", d.serverNonDefault());
            j.endObject();
            j.startArray("deployed");
            for (DeployedPair p : d.deployed()) {
                pair(j, p);
            }
            j.endArray();
            j.strings("problems", d.warnings());
            if (verified.isPresent()) {
                VerifyHistory.Last l = verified.get();
                j.startObject("last_verified");
                j.time("time", l.time());
                j.field("ok", l.ok());
                j.field("result", l.result());
                j.field("main_cf_changed_since", l.mainCfChanged());
                j.endObject();
            } else {
                j.field("last_verified", (String) null);
            }
            j.endObject();
        }
    }

    private static void pair(JsonOutput j, DeployedPair p) {
        j.startObject();
        j.field("algorithm", p.algorithm().postfixName());
        j.field("configured", p.configured());
        j.field("key_file", p.keyFile());
        j.field("cert_file", p.certFile());
        j.field("key_mode", p.keyMode());
        j.field("key", p.keyDescription());
        j.nullableBoolean("matches", p.matches());
        if (p.certificate().isPresent()) {
            CertificateSummary c = p.certificate().get();
            j.startObject("certificate");
            j.field("subject", c.subject());
            j.strings("dns_names", c.dnsNames());
            j.time("not_before", c.notBefore());
            j.time("not_after", c.notAfter());
            j.field("sha256_fingerprint", c.sha256Fingerprint());
            j.field("serial", c.serialHex());
            j.endObject();
        } else {
            j.field("certificate", (String) null);
        }
        j.strings("problems", p.problems());
        j.endObject();
    }
}
