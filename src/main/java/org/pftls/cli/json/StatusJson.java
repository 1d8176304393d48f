package org.pftls.cli.json;

import java.io.OutputStream;
import java.nio.file.Path;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.Detection;

/**
 * {@code pftls status --json} (schema: status.schema.json): the engine's {@link Detection} as one
 * JSON object. A stand-in with the fields of issue #16's status JSON (built on the wt-verify
 * branch, which also fills {@code last_verified}): at merge, that branch's StatusJson replaces this
 * one. It is here so that the Ansible module tls_info can be tested end to end.
 */
public final class StatusJson {
    private StatusJson() {
    }

    public static void write(OutputStream out, Detection d) {
        try (JsonWriter w = JsonWriter.on(out)) {
            w.startObject();
            w.field("ok", d.warnings().isEmpty());
            w.field("config_directory", d.configDirectory().toString());
            w.field("postfix_version", d.postfixVersion());
            w.field("postfix_installed", d.postfixInstalled());
            w.field("myhostname", d.myhostname());
            w.field("tls_random_source", d.tlsRandomSource());
            w.startObject("client");
            w.field("all_default", d.clientAllDefault());
            w.strings("non_default", d.clientNonDefault());
            w.endObject();
            w.startObject("server");
            w.field("all_default", d.serverAllDefault());
            w.strings("non_default", d.serverNonDefault());
            w.endObject();
            w.startArray("deployed");
            for (DeployedPair p : d.deployed()) {
                pair(w, p);
            }
            w.endArray();
            w.strings("problems", d.warnings());
            w.field("last_verified", (String) null);
            w.endObject();
        }
    }

    private static void pair(JsonWriter w, DeployedPair p) {
        w.startObject();
        w.field("algorithm", p.algorithm().postfixName());
        w.field("configured", p.configured());
        w.field("key_file", p.keyFile().map(Path::toString).orElse(null));
        w.field("cert_file", p.certFile().map(Path::toString).orElse(null));
        w.field("key_mode", p.keyMode().orElse(null));
        w.field("key", p.keyDescription().orElse(null));
        if (p.matches().isPresent()) {
            w.field("matches", p.matches().get().booleanValue());
        } else {
            w.field("matches", (String) null);
        }
        if (p.certificate().isPresent()) {
            CertificateSummary c = p.certificate().get();
            w.startObject("certificate");
            w.field("subject", c.subject());
            w.strings("dns_names", c.dnsNames());
            w.field("not_before", c.notBefore().toString());
            w.field("not_after", c.notAfter().toString());
            w.field("sha256_fingerprint", c.sha256Fingerprint());
            w.field("serial", c.serialHex());
            w.endObject();
        } else {
            w.field("certificate", (String) null);
        }
        w.strings("problems", p.problems());
        w.endObject();
    }
}
