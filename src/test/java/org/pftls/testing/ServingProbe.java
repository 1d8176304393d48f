package org.pftls.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pftls.engine.crypto.CertificateFiles;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.ports.SmtpProbe;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.Detector;
import org.pftls.engine.tls.Instance;

/**
 * A stand-in for a running Postfix in the wizard's unit tests: by default it serves, per algorithm,
 * the certificate chain main.cf deploys at the moment it is asked (a server that was reloaded);
 * {@link #stale()} freezes what is deployed now, so that later it serves the old files (a server
 * that was not reloaded). The real probe against a real smtpd is tested in VerifyIT.
 */
public final class ServingProbe implements SmtpProbe {
    private final Path dir;
    private final Ports ports;
    private Map<KeyAlgorithm, List<X509Certificate>> frozen;
    /** One entry per probe: the algorithm asked for. */
    public final List<KeyAlgorithm> asked = new ArrayList<>();

    public ServingProbe(Path dir, Ports ports) {
        this.dir = dir;
        this.ports = ports;
    }

    /** From now on, serve what main.cf deploys now, whatever it deploys later. */
    public ServingProbe stale() {
        frozen = deployed();
        return this;
    }

    private Map<KeyAlgorithm, List<X509Certificate>> deployed() {
        Map<KeyAlgorithm, List<X509Certificate>> chains = new EnumMap<>(KeyAlgorithm.class);
        try {
            for (DeployedPair p : new Detector(Instance.read(dir, ports)).detect().deployed()) {
                if (p.certFile().isPresent()) {
                    Path cert = p.certFile().get();
                    chains.put(p.algorithm(), CertificateFiles.readCertificates(Files.readAllBytes(cert),
                            cert.toString()));
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return chains;
    }

    @Override
    public synchronized Result probe(String host, int port, KeyAlgorithm algorithm, Duration timeout) {
        asked.add(algorithm);
        List<X509Certificate> chain = (frozen != null ? frozen : deployed()).get(algorithm);
        if (chain == null) {
            return new Result(Outcome.HANDSHAKE_FAILED, Stage.HANDSHAKE, "no certificate for " + algorithm,
                    List.of(), "", "", Duration.ofMillis(2));
        }
        return new Result(Outcome.HANDSHAKE_DONE, Stage.QUIT, "", chain, "TLSv1.3", "TLS_AES_256_GCM_SHA384",
                Duration.ofMillis(2));
    }
}
