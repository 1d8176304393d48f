package org.pftls.cli.json;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import org.pftls.engine.verify.AlgorithmCheck;
import org.pftls.engine.verify.DnsTlsaCheck;
import org.pftls.engine.verify.TlsaCheck;
import org.pftls.engine.verify.VerifyReport;

/** {@code pftls verify --json}: the report as one JSON object (schema: README "Verify and DANE"). */
public final class VerifyJson {
    private VerifyJson() {
    }

    /**
     * @param recordProblem null when the result was recorded in the history, else why not
     */
    public static void write(VerifyReport r, String recordProblem, OutputStream out) {
        try (JsonOutput j = JsonOutput.on(out)) {
            j.startObject();
            j.field("ok", r.ok());
            j.time("time", r.time());
            j.field("host", r.target().host());
            j.field("port", r.target().port());
            j.field("target", r.target().origin());
            j.field("service", r.target().service());
            j.startArray("algorithms");
            for (AlgorithmCheck a : r.algorithms()) {
                algorithm(j, a);
            }
            j.endArray();
            tlsa(j, r.tlsa());
            j.findings("problems", r.problems());
            j.findings("findings", r.allFindings());
            j.field("recorded", recordProblem == null);
            j.endObject();
        }
    }

    private static void algorithm(JsonOutput j, AlgorithmCheck a) {
        j.startObject();
        j.field("algorithm", a.algorithm().postfixName());
        j.field("ok", a.ok());
        j.field("key_file", a.keyFile());
        j.field("cert_file", a.certFile());
        j.field("deployed_spki_sha256", a.deployedSpkiSha256());
        j.field("served_spki_sha256", a.servedSpkiSha256());
        j.field("match", a.match());
        j.field("certificate_match", a.certificateMatch());
        j.nullableBoolean("chain_match", a.chainMatch());
        j.field("deployed_chain_length", a.deployedChainLength());
        j.field("served_chain_length", a.servedChainLength());
        if (a.served().isPresent()) {
            j.startObject("served_certificate");
            j.field("subject", a.served().get().subject());
            j.strings("dns_names", a.served().get().dnsNames());
            j.time("not_after", a.served().get().notAfter());
            j.field("sha256_fingerprint", a.served().get().sha256Fingerprint());
            j.endObject();
        } else {
            j.field("served_certificate", (String) null);
        }
        j.field("protocol", empty(a.protocol()));
        j.field("cipher", empty(a.cipher()));
        j.field("tlsa_match", a.tlsaMatch());
        j.field("millis", a.millis());
        j.findings("problems", a.findings().stream()
                .filter(f -> f.severity() == org.pftls.engine.check.Severity.PROBLEM).toList());
        j.endObject();
    }

    private static void tlsa(JsonOutput j, TlsaCheck t) {
        j.startObject("tlsa");
        j.field("name", t.name());
        j.startArray("records");
        for (TlsaCheck.Expected e : t.expected()) {
            j.startObject();
            j.field("algorithm", e.algorithm().postfixName());
            j.field("data", e.data());
            j.field("record", e.record(t.name()));
            j.endObject();
        }
        j.endArray();
        j.field("served_match", t.servedMatch());
        if (t.dns().isPresent()) {
            dns(j, t.dns().get());
        } else {
            j.field("dns", (String) null);
        }
        j.endObject();
    }

    private static void dns(JsonOutput j, DnsTlsaCheck d) {
        j.startObject("dns");
        j.field("resolver", d.resolver());
        j.field("status", d.status().name().toLowerCase(Locale.ROOT));
        j.field("dnssec", d.dnssec().name().toLowerCase(Locale.ROOT));
        j.field("resolver_ad", d.resolverAd());
        j.field("detail", empty(d.detail()));
        j.startArray("published");
        for (DnsTlsaCheck.Published p : d.published()) {
            j.startObject();
            j.field("data", p.data());
            j.field("usable", p.usable());
            j.strings("matches", p.matches());
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static String empty(String s) {
        return Optional.ofNullable(s).filter(x -> !x.isEmpty()).orElse(null);
    }
}
