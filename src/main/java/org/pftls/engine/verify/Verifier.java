package org.pftls.engine.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.Finding;
import org.pftls.engine.config.MasterCf;
import org.pftls.engine.crypto.CertificateFiles;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.dane.TlsaData;
import org.pftls.engine.dane.TlsaNames;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.ports.SmtpProbe;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.Detection;
import org.pftls.engine.tls.Detector;
import org.pftls.engine.tls.Instance;

/**
 * {@code pftls verify}: connects to the running SMTP server and checks, per deployed algorithm,
 * that it serves the deployed key, certificate and chain, and that the TLSA 3 1 1 records computed
 * from the deployed keys match what it serves; with DNS, also what is published. Never changes
 * anything; never throws for what the server or the network does (that is a finding).
 */
public final class Verifier {
    private final Instance instance;
    private final SmtpProbe probe;

    public Verifier(Instance instance, SmtpProbe probe) {
        this.instance = instance;
        this.probe = probe;
    }

    /**
     * What to verify.
     *
     * @param host     --host, if given
     * @param port     --port, if given
     * @param timeout  the bound of each probe
     * @param tlsaHost the host name of the TLSA records (default: myhostname)
     * @param dns      the resolver to ask for the published records, when asked for
     */
    public record Request(Optional<String> host, Optional<Integer> port, Duration timeout, Optional<String> tlsaHost,
                          Optional<DnsLookup> dns) { }

    /** The deployed material of one algorithm, as read from the files. */
    private record Deployed(DeployedPair pair, Optional<PublicKey> key, List<X509Certificate> chain,
                            List<Finding> findings) { }

    public VerifyReport verify(Request request) {
        Detection detection = new Detector(instance).detect();
        List<Finding> general = new ArrayList<>();
        SmtpTarget target = SmtpTarget.choose(request.host(), request.port(), masterCf());

        Map<KeyAlgorithm, Deployed> deployed = new EnumMap<>(KeyAlgorithm.class);
        for (DeployedPair pair : detection.deployed()) {
            if (pair.keyFile().isPresent() || pair.certFile().isPresent()) {
                deployed.put(pair.algorithm(), read(pair));
            }
        }
        String tlsaHost = request.tlsaHost().orElse(detection.myhostname());
        String tlsaName = TlsaNames.smtp(tlsaHost);
        List<TlsaCheck.Expected> expected = new ArrayList<>();
        deployed.forEach((a, d) -> d.key().ifPresent(k -> expected.add(
                new TlsaCheck.Expected(a, TlsaData.of(k).presentation()))));

        List<AlgorithmCheck> checks = new ArrayList<>();
        Map<KeyAlgorithm, List<X509Certificate>> servedChains = new EnumMap<>(KeyAlgorithm.class);
        if (deployed.isEmpty()) {
            general.add(Finding.problem("nothing-deployed", "main.cf deploys no TLS key and certificate, so there is"
                    + " nothing to verify; enable TLS with: pftls enable-server (then postfix reload)"));
        }
        SmtpProbe.Result unreachable = null;
        for (Map.Entry<KeyAlgorithm, Deployed> e : deployed.entrySet()) {
            KeyAlgorithm algorithm = e.getKey();
            // A server that cannot be reached (or offers no TLS) answers every probe alike: ask once.
            SmtpProbe.Result result = unreachable != null ? unreachable
                    : probe.probe(target.host(), target.port(), algorithm, request.timeout());
            if (!result.completed() && result.stage() != SmtpProbe.Stage.HANDSHAKE) {
                if (unreachable == null) {
                    general.add(new ProbeFailures(instance, target, request.timeout(), detection).explain(result));
                }
                unreachable = result;
            }
            checks.add(check(e.getValue(), result, target, expected));
            if (result.completed()) {
                servedChains.put(algorithm, result.chain());
            }
        }
        boolean servedMatch = !servedChains.isEmpty() && servedChains.values().stream().allMatch(chain ->
                expected.stream().anyMatch(x -> TlsaData.of(chain.get(0).getPublicKey()).presentation().equals(x.data())));
        Optional<DnsTlsaCheck> dns = request.dns().map(d -> new PublishedTlsa(instance, d).check(tlsaName,
                deployed.entrySet().stream().filter(x -> x.getValue().key().isPresent())
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, x -> x.getValue().key().get(),
                                (a, b) -> a, () -> new EnumMap<>(KeyAlgorithm.class))),
                servedChains));
        return new VerifyReport(instance.ports().clock().instant(), target, checks,
                new TlsaCheck(tlsaName, expected, servedMatch, dns), general);
    }

    private Optional<MasterCf> masterCf() {
        Path file = instance.configDirectory().resolve("master.cf");
        try {
            return Optional.of(MasterCf.parse(new String(instance.ports().files().read(file), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Deployed read(DeployedPair pair) {
        List<Finding> findings = new ArrayList<>();
        Optional<PublicKey> key = Optional.empty();
        List<X509Certificate> chain = List.of();
        String alg = pair.algorithm().postfixName();
        if (pair.keyFile().isPresent()) {
            Path k = pair.keyFile().get();
            try {
                key = Optional.of(KeyFiles.readPrivateKey(instance.ports().files().read(k), k.toString())
                        .keyPair().getPublic());
            } catch (IOException | PftlsException e) {
                findings.add(Finding.problem("deployed-key-unreadable", "cannot read the deployed " + alg + " key "
                        + k + " (" + e.getMessage() + "), so it cannot be compared; run pftls status and fix what it"
                        + " reports"));
            }
        }
        if (pair.certFile().isPresent()) {
            Path c = pair.certFile().get();
            try {
                chain = CertificateFiles.readCertificates(instance.ports().files().read(c), c.toString());
            } catch (IOException | PftlsException e) {
                findings.add(Finding.problem("deployed-certificate-unreadable", "cannot read the deployed " + alg
                        + " certificate " + c + " (" + e.getMessage() + "); run pftls status and fix what it reports"));
            }
        }
        if (key.isEmpty() && findings.isEmpty()) {
            findings.add(Finding.problem("deployed-key-missing", "main.cf sets " + pair.algorithm().certFileParameter()
                    + " but no " + pair.algorithm().keyFileParameter() + "; deploy both with pftls deploy-server-cert"));
        }
        return new Deployed(pair, key, chain, findings);
    }

    private AlgorithmCheck check(Deployed d, SmtpProbe.Result result, SmtpTarget target,
                                 List<TlsaCheck.Expected> expected) {
        KeyAlgorithm algorithm = d.pair().algorithm();
        String alg = algorithm.postfixName();
        List<Finding> findings = new ArrayList<>(d.findings());
        Optional<String> deployedSpki = d.key().map(k -> TlsaData.of(k).presentation().substring(6));
        Optional<String> servedSpki = Optional.empty();
        boolean match = false;
        boolean certificateMatch = false;
        Optional<Boolean> chainMatch = Optional.empty();
        Optional<CertificateSummary> served = Optional.empty();
        boolean tlsaMatch = false;
        if (result.completed() && !result.chain().isEmpty()) {
            X509Certificate leaf = result.chain().get(0);
            served = Optional.of(CertificateSummary.of(leaf));
            servedSpki = Optional.of(TlsaData.of(leaf.getPublicKey()).presentation().substring(6));
            match = deployedSpki.isPresent() && deployedSpki.equals(servedSpki);
            certificateMatch = !d.chain().isEmpty() && sameDer(d.chain().get(0), leaf);
            if (!d.chain().isEmpty()) {
                chainMatch = Optional.of(d.chain().size() == result.chain().size()
                        && java.util.stream.IntStream.range(0, d.chain().size())
                        .allMatch(i -> sameDer(d.chain().get(i), result.chain().get(i))));
            }
            String servedData = "3 1 1 " + servedSpki.get();
            tlsaMatch = expected.stream().anyMatch(x -> x.data().equals(servedData));
            ServedDifference why = new ServedDifference(instance, target, algorithm);
            if (d.key().isPresent() && !match) {
                findings.add(why.keyNotServed(d.pair(), servedSpki.get(), served.get()));
            } else if (match && !certificateMatch && !d.chain().isEmpty()) {
                findings.add(why.certificateNotServed(d.pair(), CertificateSummary.of(d.chain().get(0)), served.get()));
            } else if (match && chainMatch.isPresent() && !chainMatch.get()) {
                findings.add(why.chainNotServed(d.pair(), d.chain().size(), result.chain().size()));
            }
        } else if (result.stage() == SmtpProbe.Stage.HANDSHAKE) {
            findings.add(new ProbeFailures(instance, target, Duration.ZERO, null).handshake(algorithm, result));
        } else {
            findings.add(Finding.info("not-checked", "the " + alg + " certificate was not checked: the server could"
                    + " not be asked (see the problem above)"));
        }
        return new AlgorithmCheck(algorithm, d.pair().keyFile(), d.pair().certFile(), deployedSpki, servedSpki, match,
                certificateMatch, chainMatch, d.chain().size(), result.chain().size(), served, result.protocol(),
                result.cipher(), tlsaMatch, result.elapsed().toMillis(), findings);
    }

    private static boolean sameDer(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }
}
