package org.pftls.engine.tls;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.check.ChainVerdict;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.HostNames;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.LoadedKey;
import org.pftls.engine.crypto.Tlsa;
import org.pftls.engine.dane.DaneDeployGuard;
import org.pftls.engine.plan.KeyCertificate;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Setting;

/**
 * deploy-server-cert: the chain check ({@link DeployCheck}) on the files Postfix will open
 * ({@link DeployedFiles}), the DNS guard, the settings for the mechanism in force
 * ({@link ServerDeployment}), and turning server TLS on where it is off.
 */
final class ServerCertDeploy {
    private final Instance instance;
    private final Plans plans;
    private final InstanceFiles files;
    private final KeyFileLocator keyFiles;

    ServerCertDeploy(Instance instance, Plans plans) {
        this.instance = instance;
        this.plans = plans;
        this.files = new InstanceFiles(instance);
        this.keyFiles = new KeyFileLocator(instance);
    }

    /**
     * deploy-server-cert [--chain-files] [--force] certfile keyfile: refused (nothing changed) when
     * {@link DeployCheck} finds a problem ({@code force} overrides only the validity refusals, and
     * says so), or when {@code guard} finds TLSA records none of which matches the new key.
     * Deliberate difference: when server TLS is off (no level, and no obsolete smtpd_use_tls or
     * smtpd_enforce_tls turning it on), it also sets {@code smtpd_tls_security_level = may}, so that
     * the deployed certificate is used at all.
     */
    Plan plan(String certArgument, String keyArgument, boolean chainFiles, boolean force, DaneDeployGuard guard)
            throws PftlsException {
        // The files checked are the ones Postfix will open after the change (DeployedFiles): a name
        // is checked as main.cf will hold it, $name expanded and blanks trimmed.
        Path certNamed = argumentPath(certArgument, "certificate");
        Path keyNamed = argumentPath(keyArgument, "key");
        DeployedFiles asRsa = DeployedFiles.of(instance, KeyAlgorithm.RSA, keyNamed, certNamed);
        DeployCheck check = new DeployCheck(instance);
        ChainVerdict verdict = check.check(asRsa.cert().toString(), asRsa.key().toString());
        List<String> warnings = new ArrayList<>(verdict.enforce(force));
        KeyAlgorithm algorithm = verdict.key().flatMap(ChainVerdict.KeyInfo::algorithm).orElseThrow();
        DeployedFiles deployed = DeployedFiles.of(instance, algorithm, keyNamed, certNamed);
        if (!deployed.key().equals(asRsa.key()) || !deployed.cert().equals(asRsa.cert())) {
            throw new PftlsException(Kind.INPUT, "the key or certificate file name refers to a parameter that this"
                    + " deploy changes, so Postfix would open other files than the ones checked; give plain paths");
        }
        Path cert = deployed.cert();
        Path key = deployed.key();
        warnings.addAll(deployed.differences(algorithm, keyNamed, certNamed, instance.ports().files().nameCharset()));
        LoadedKey loaded = files.key(key);
        List<X509Certificate> chain = files.certificates(cert);
        warnings.addAll(guard.check(instance, keyFiles.deployedKey(algorithm), loaded, key, chain));
        List<Setting> settings = new ArrayList<>(new ServerDeployment(instance).settings(
                List.of(new ServerDeployment.Pair(algorithm, key, cert, deployed.keyValue(), deployed.certValue())),
                chainFiles, ""));
        TlsLevel level = TlsLevel.of(instance.parameters(), TlsLevel.Side.SERVER);
        String deploy = "deploy";
        if (level.off()) {
            Optional<String> explicit = instance.parameters().explicit("smtpd_tls_security_level");
            if (explicit.isPresent() && !explicit.get().isEmpty()) {
                warnings.add("smtpd_tls_security_level = " + explicit.get() + ": smtpd offers no STARTTLS, so the"
                        + " deployed certificate is not used; set smtpd_tls_security_level = may to use it");
            } else {
                settings.add(Setting.set("smtpd_tls_security_level", explicit, "may",
                        "server TLS was off: without it the certificate is never used"));
                deploy = "enable";
            }
        }
        List<String> messages = new ArrayList<>();
        verdict.notes().forEach(n -> messages.add(n.text()));
        messages.addAll(ScriptMessages.serverDeployed(deploy));
        List<String> args = new ArrayList<>(CommandLines.flags(false, chainFiles));
        if (force) {
            args.add("--force");
        }
        args.addAll(List.of(certNamed.toString(), keyNamed.toString()));
        if (settings.stream().allMatch(Setting::unchanged)) {
            // Deliberate difference: deploying what main.cf already deploys writes nothing (the
            // script rewrites main.cf unchanged); a repeated run (Ansible) then reports no change.
            List<Setting> kept = settings.stream().map(s -> Setting.keep(s.name(), s.oldValue(), s.newValue(),
                    "already deployed")).toList();
            List<String> already = new ArrayList<>();
            verdict.notes().forEach(n -> already.add(n.text()));
            already.addAll(ScriptMessages.alreadyDeployed(cert.toString(), key.toString()));
            return new Plan("deploy-server-cert", List.of(), Optional.empty(), warnings, already,
                    CommandLines.command(instance, "deploy-server-cert", args), kept, List.of(chosen(algorithm, key, cert, loaded, chain)));
        }
        return new Plan("deploy-server-cert", List.of(), Optional.of(plans.mainCfChange(settings)), warnings, messages,
                CommandLines.command(instance, "deploy-server-cert", args)).withKeys(List.of(chosen(algorithm, key, cert, loaded, chain)));
    }

    /** A file named on the command line: relative to the configuration directory, as the script has it. */
    private Path argumentPath(String argument, String what) throws PftlsException {
        try {
            return instance.configDirectory().resolve(argument);
        } catch (InvalidPathException e) {
            throw new PftlsException(Kind.INPUT, "bad " + what + " file name \"" + argument + "\": " + e.getReason()
                    + "; give the path of the file", e);
        }
    }

    /**
     * The TLSA record of a deployed key, for the certificate's first DNS name when it is a usable
     * host name, else myhostname; empty when neither is usable (the deploy itself goes on).
     */
    private String tlsaRecord(CertificateSummary certificate, PublicKey key) {
        for (int i = 0; i < 2; i++) {
            try {
                // myhostname only when the certificate names no usable host: it may cost a postconf run
                String host = i == 0 && !certificate.dnsNames().isEmpty() ? certificate.dnsNames().get(0)
                        : HostNameChoice.myhostname(instance);
                return Tlsa.record(HostNames.validate(host), key);
            } catch (PftlsException e) {
                // a wildcard or other odd name, or no myhostname: try the next, else none
            }
        }
        return "";
    }

    /** The key and certificate a deploy chose, as front ends show them. */
    private KeyCertificate chosen(KeyAlgorithm algorithm, Path key, Path cert, LoadedKey loaded,
                                  List<X509Certificate> chain) {
        CertificateSummary leaf = CertificateSummary.of(chain.get(0));
        return new KeyCertificate(algorithm, KeyCertificate.Origin.EXISTING, key, cert, loaded.description(), leaf,
                tlsaRecord(leaf, loaded.keyPair().getPublic()), loaded.keyPair());
    }
}
