package org.pftls.engine.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.Finding;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.dane.TlsaData;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.tls.Instance;

/**
 * {@code verify --dns}: the TLSA records DNS publishes for the host, validated by pftls from its
 * trust anchor, and which deployed, served and staged keys each one matches. Staged keys are the
 * key files pftls and postfix tls name {@code key-STAMP.pem}/{@code eckey-STAMP.pem} in the
 * configuration directory that main.cf does not deploy (made by new-server-key for a rollover).
 */
final class PublishedTlsa {
    private static final Pattern STAGED = Pattern.compile("(ec)?key-[0-9]{8}-[0-9]{6}\\.pem");

    private final Instance instance;
    private final DnsLookup dns;

    PublishedTlsa(Instance instance, DnsLookup dns) {
        this.instance = instance;
        this.dns = dns;
    }

    DnsTlsaCheck check(String name, Map<KeyAlgorithm, PublicKey> deployed,
                       Map<KeyAlgorithm, List<X509Certificate>> served) {
        DnsLookup.TlsaAnswer answer = dns.tlsa(name, true);
        List<Finding> findings = new ArrayList<>();
        List<DnsTlsaCheck.Published> published = new ArrayList<>();
        String host = name.substring("_25._tcp.".length());
        if (!answer.status().answered() && answer.records().isEmpty()) {
            findings.add(Finding.problem("tlsa-lookup-failed", "cannot look up the TLSA records of " + name + " at "
                    + dns.resolver() + " (" + answer.status().name().toLowerCase(Locale.ROOT)
                    + (answer.detail().isEmpty() ? "" : ": " + answer.detail()) + "); check the resolver, or name"
                    + " another with --resolver ADDR[:PORT]"));
            return result(answer, published, findings);
        }
        if (answer.records().isEmpty()) {
            findings.add(Finding.info("tlsa-none", name + " has no TLSA records: DANE is not in use for " + host
                    + "; to use it, publish the records of pftls output-server-tlsa in a DNSSEC-signed zone"));
            return result(answer, published, findings);
        }
        switch (answer.dnssec()) {
            case BOGUS -> findings.add(Finding.problem("tlsa-bogus", "the TLSA records of " + name + " fail DNSSEC"
                    + " validation (" + answer.detail() + "): DANE clients defer all mail to " + host
                    + "; fix the zone's signatures (re-sign it, check the DS record at the parent)"));
            case INSECURE -> findings.add(Finding.warning("tlsa-insecure", name + " is not DNSSEC-signed: DANE"
                    + " clients ignore its TLSA records; sign the zone and publish its DS record"));
            case UNCHECKED -> findings.add(Finding.warning("tlsa-not-validated", "the TLSA records of " + name
                    + " could not be validated" + (answer.detail().isEmpty() ? "" : " (" + answer.detail() + ")")));
            default -> { }
        }
        Map<Path, PublicKey> staged = stagedKeys();
        for (TlsaData r : answer.records()) {
            List<String> matches = new ArrayList<>();
            deployed.forEach((a, k) -> {
                if (r.matchesKey(k)) {
                    matches.add("deployed " + a.postfixName());
                }
            });
            served.forEach((a, chain) -> {
                if (r.matchesChain(chain)) {
                    matches.add("served " + a.postfixName());
                }
            });
            staged.forEach((p, k) -> {
                if (r.matchesKey(k)) {
                    matches.add("staged " + p);
                }
            });
            published.add(new DnsTlsaCheck.Published(r.presentation(), r.usableForSmtp(), matches));
            if (matches.isEmpty()) {
                findings.add(Finding.info("tlsa-unmatched", "the record " + name + ". IN TLSA " + r.presentation()
                        + " matches no deployed, served or staged key: remove it once no server uses its key"));
            }
        }
        List<TlsaData> usable = answer.records().stream().filter(TlsaData::usableForSmtp).toList();
        if (!usable.isEmpty()) {
            deployed.forEach((a, key) -> {
                List<X509Certificate> chain = served.get(a);
                boolean ok = chain != null ? usable.stream().anyMatch(r -> r.matchesChain(chain))
                        : usable.stream().anyMatch(r -> r.matchesKey(key));
                if (!ok) {
                    String upper = a.postfixName().toUpperCase(Locale.ROOT);
                    findings.add(Finding.problem("tlsa-no-match", "no TLSA record of " + name + " matches the "
                            + upper + " certificate " + (chain != null ? "served" : "deployed") + ": DANE clients"
                            + " that negotiate " + upper + " defer mail to " + host + "; publish " + name
                            + ". IN TLSA " + TlsaData.of(chain != null ? chain.get(0).getPublicKey() : key)
                            .presentation()));
                }
            });
        }
        return result(answer, published, findings);
    }

    private DnsTlsaCheck result(DnsLookup.TlsaAnswer a, List<DnsTlsaCheck.Published> published,
                                List<Finding> findings) {
        return new DnsTlsaCheck(dns.resolver(), a.status(), a.dnssec(), a.resolverAd(), a.detail(), published,
                findings);
    }

    /** Key files named as new-server-key names them that main.cf does not deploy; unreadable ones are skipped. */
    private Map<Path, PublicKey> stagedKeys() {
        Map<Path, PublicKey> out = new LinkedHashMap<>();
        List<Path> files;
        try {
            files = new ArrayList<>(instance.ports().files().list(instance.configDirectory()));
        } catch (IOException e) {
            return out;
        }
        files.sort(null);
        for (Path p : files) {
            if (!STAGED.matcher(p.getFileName().toString()).matches() || deployedFile(p)) {
                continue;
            }
            try {
                out.put(p, KeyFiles.readPrivateKey(instance.ports().files().read(p), p.toString()).keyPair().getPublic());
            } catch (IOException | PftlsException e) {
                // not a key we can read: not staged
            }
        }
        return out;
    }

    private boolean deployedFile(Path p) {
        for (KeyAlgorithm a : KeyAlgorithm.values()) {
            try {
                if (p.toString().equals(instance.parameters().expanded(a.keyFileParameter()).trim())) {
                    return true;
                }
            } catch (PftlsException e) {
                // an unexpandable setting deploys nothing we can name
            }
        }
        return false;
    }
}
