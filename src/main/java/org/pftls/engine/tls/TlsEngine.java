package org.pftls.engine.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.config.MainCfEditor;
import org.pftls.engine.crypto.CertificateFiles;
import org.pftls.engine.crypto.CsrBuilder;
import org.pftls.engine.crypto.HostNames;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.crypto.KeyMaker;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.crypto.LoadedKey;
import org.pftls.engine.crypto.PrivateKeyPem;
import org.pftls.engine.crypto.SelfSignedCertificates;
import org.pftls.engine.crypto.Tlsa;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.plan.MainCfChange;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Setting;
import org.pftls.engine.plan.UtcText;
import org.pftls.engine.version.SessionCacheType;
import org.pftls.engine.version.VersionNotes;

/**
 * The nine operations of {@code postfix tls} on one instance. Changing operations return a
 * {@link Plan} (nothing is written until it is applied); output operations return their text.
 */
public final class TlsEngine {
    /** How many following seconds to try when key-STAMP.pem is taken (two runs in one second). */
    private static final int STAMP_TRIES = 3600;

    private final Instance instance;
    private final KeyFileLocator keyFiles;

    public TlsEngine(Instance instance) {
        this.instance = instance;
        this.keyFiles = new KeyFileLocator(instance);
    }

    public Instance instance() {
        return instance;
    }

    /** all-default-client / all-default-server. */
    public boolean allDefault(TlsSettings settings) {
        return settings.allDefault(instance.parameters());
    }

    /** enable-client [-r randsource]. */
    public Plan enableClient(String randSource) throws PftlsException {
        List<String> command = command("enable-client", randSource == null || randSource.isEmpty()
                ? List.of() : List.of("-r", randSource));
        String random = RandomSource.choose(randSource, instance);
        SessionCacheType cache = SessionCacheType.of(instance);
        String dbType = cache.type().orElse(null);
        List<String> notes = VersionNotes.enableClient(instance, cache);
        if (!allDefault(TlsSettings.CLIENT)) {
            return new Plan("enable-client", List.of(), Optional.empty(), List.of(),
                    ScriptMessages.enableClientSuggestions(dbType), command).withNotes(notes);
        }
        List<String[]> settings = new ArrayList<>();
        settings.add(new String[] {"smtp_tls_security_level", "may"});
        settings.add(new String[] {"smtp_tls_loglevel", "1"});
        if (dbType != null) {
            settings.add(new String[] {"smtp_tls_session_cache_database",
                dbType + ":" + instance.parameters().expanded("data_directory") + "/smtp_scache"});
        }
        settings.add(new String[] {"tls_random_source", random});
        return new Plan("enable-client", List.of(), Optional.of(mainCfChange(settings)), List.of(),
                ScriptMessages.clientDeployed(), command).withNotes(notes);
    }

    /** enable-server [-r randsource] [-a algorithm] [-b bits] [hostname ...]. */
    public Plan enableServer(String randSource, KeySpec spec, List<String> hostNames) throws PftlsException {
        List<String> args = new ArrayList<>();
        if (randSource != null && !randSource.isEmpty()) {
            args.addAll(List.of("-r", randSource));
        }
        args.addAll(keyArgs(spec));
        args.addAll(hostNames);
        List<String> command = command("enable-server", args);
        String random = RandomSource.choose(randSource, instance);
        if (!allDefault(TlsSettings.SERVER)) {
            return new Plan("enable-server", List.of(), Optional.empty(), List.of(),
                    ScriptMessages.enableServerSuggestions(), command);
        }
        return newCertificate("enable-server", spec, null, "enable", hostNames, random, List.of(), command);
    }

    /** new-server-key [-a algorithm] [-b bits] [hostname ...]. */
    public Plan newServerKey(KeySpec spec, List<String> hostNames) throws PftlsException {
        List<String> args = new ArrayList<>(keyArgs(spec));
        args.addAll(hostNames);
        return newCertificate("new-server-key", spec, null, null, hostNames, null, List.of(),
                command("new-server-key", args));
    }

    /** new-server-cert [-a algorithm] [-b bits] [hostname ...]: reuses the deployed key of that algorithm. */
    public Plan newServerCert(KeySpec spec, List<String> hostNames) throws PftlsException {
        List<String> args = new ArrayList<>(keyArgs(spec));
        args.addAll(hostNames);
        List<String> warnings = new ArrayList<>();
        Path oldKey = keyFiles.deployedKey(spec.algorithm()).orElse(null);
        if (oldKey != null && !instance.ports().files().isRegularFile(oldKey)) {
            warnings.add("Key file: " + oldKey + " not found, creating new keys");
            oldKey = null;
        }
        return newCertificate("new-server-cert", spec, oldKey, null, hostNames, null, warnings,
                command("new-server-cert", args));
    }

    /** deploy-server-cert certfile keyfile. */
    public Plan deployServerCert(String certArgument, String keyArgument) throws PftlsException {
        Path cert = instance.configDirectory().resolve(certArgument);
        Path key = instance.configDirectory().resolve(keyArgument);
        LoadedKey loaded = readKey(key);
        List<X509Certificate> chain = readCertificates(cert);
        CertificateFiles.checkMatches(chain.get(0), loaded.keyPair(), cert.toString(), key.toString());
        CertificateFiles.checkChainOrder(chain, cert.toString());
        List<String> warnings = new ArrayList<>();
        Instant now = instance.ports().clock().instant();
        if (chain.get(0).getNotAfter().toInstant().isBefore(now)) {
            warnings.add("the certificate in " + cert + " expired on " + chain.get(0).getNotAfter().toInstant()
                    + "; clients that check it will refuse it");
        }
        KeyAlgorithm algorithm = loaded.algorithm();
        List<String[]> settings = List.of(
                new String[] {algorithm.keyFileParameter(), key.toString()},
                new String[] {algorithm.certFileParameter(), cert.toString()});
        return new Plan("deploy-server-cert", List.of(), Optional.of(mainCfChange(settings)), warnings,
                ScriptMessages.serverDeployed("deploy"),
                command("deploy-server-cert", List.of(cert.toString(), key.toString())));
    }

    /** output-server-csr [-k keyfile] [hostname ...]: the CSR in PEM. */
    public String serverCsr(String keyArgument, List<String> hostNames) throws PftlsException {
        Optional<Path> key = Optional.empty();
        if (keyArgument != null) {
            key = keyFiles.locate(keyArgument);
        } else {
            for (KeyAlgorithm a : KeyAlgorithm.values()) {
                key = keyFiles.deployedKey(a);
                if (key.isPresent()) {
                    break;
                }
            }
        }
        if (key.isEmpty() || !instance.ports().files().isReadable(key.get())) {
            throw new PftlsException(Kind.INPUT, "No usable keyfile specified or configured"
                    + key.map(k -> " (" + k + " cannot be read)").orElse("")
                    + "; name one with -k keyfile, or deploy a key first");
        }
        List<String> names = HostNameChoice.resolve(hostNames, instance);
        return new CsrBuilder(instance.ports().random()).csrPem(readKey(key.get()).keyPair(), names);
    }

    /**
     * output-server-tlsa [-h hostname] [keyfile ...]: writes "; keyfile" and the TLSA record line
     * for each usable key to {@code out}, as it goes (as the script does).
     */
    public void serverTlsa(String hostName, List<String> keyArguments, Consumer<String> out) throws PftlsException {
        String fqdn = hostName == null || hostName.isEmpty()
                ? HostNameChoice.myhostname(instance) : HostNames.validate(hostName);
        List<String> arguments = keyArguments.isEmpty() ? List.of("rsa", "ecdsa") : keyArguments;
        // Deliberate difference: every key is read before anything is printed, so a bad key
        // never leaves a partial RRset on stdout (the script prints the records before it).
        List<String> lines = new ArrayList<>();
        for (String argument : arguments) {
            Optional<Path> key = keyFiles.locate(argument);
            if (key.isEmpty()) {
                continue;
            }
            lines.add("; " + key.get());
            lines.add(Tlsa.record(fqdn, readKey(key.get()).keyPair().getPublic()));
        }
        lines.forEach(out);
        if (lines.isEmpty()) {
            throw new PftlsException(Kind.INPUT, "No usable keyfiles specified or configured;"
                    + " name key files or deploy a key first (pftls enable-server)");
        }
    }

    private Plan newCertificate(String operation, KeySpec spec, Path oldKey, String deploy, List<String> hostNames,
                                String random, List<String> warnings, List<String> command) throws PftlsException {
        List<String> names = HostNameChoice.resolve(hostNames, instance);
        String stamp = freeStamp(spec.algorithm());
        Path dir = instance.configDirectory();
        Path keyPath = dir.resolve(spec.algorithm().keyFilePrefix() + stamp + ".pem");
        Path certPath = dir.resolve(spec.algorithm().certFilePrefix() + stamp + ".pem");

        KeyPair keyPair;
        String keyPem;
        if (oldKey != null) {
            LoadedKey loaded = readKey(oldKey);
            if (loaded.algorithm() != spec.algorithm()) {
                throw new PftlsException(Kind.CRYPTO, "Key algorithm '" + loaded.algorithm().postfixName() + "' of '"
                        + oldKey + "' is not '" + spec.algorithm().postfixName() + "'; fix "
                        + spec.algorithm().keyFileParameter() + " in main.cf");
            }
            keyPair = loaded.keyPair();
            keyPem = PrivateKeyPem.encodeAsCopied(loaded);
        } else {
            keyPair = new KeyMaker(instance.ports().random()).generate(spec);
            keyPem = PrivateKeyPem.encode(keyPair);
        }
        String certPem = new SelfSignedCertificates(instance.ports().clock(), instance.ports().random())
                .createPem(keyPair, names);
        List<NewFile> files = List.of(
                new NewFile(keyPath, NewFile.Role.PRIVATE_KEY, 0600, keyPem.getBytes(StandardCharsets.US_ASCII)),
                new NewFile(certPath, NewFile.Role.CERTIFICATE, 0644, certPem.getBytes(StandardCharsets.US_ASCII)));

        Optional<MainCfChange> change = Optional.empty();
        if (deploy != null) {
            List<String[]> settings = new ArrayList<>();
            settings.add(new String[] {spec.algorithm().keyFileParameter(), keyPath.toString()});
            settings.add(new String[] {spec.algorithm().certFileParameter(), certPath.toString()});
            if (deploy.equals("enable")) {
                settings.add(new String[] {"smtpd_tls_security_level", "may"});
                settings.add(new String[] {"smtpd_tls_received_header", "yes"});
                settings.add(new String[] {"smtpd_tls_loglevel", "1"});
            }
            if (random != null) {
                settings.add(new String[] {"tls_random_source", random});
            }
            change = Optional.of(mainCfChange(settings));
        }

        boolean deployed = deploy != null;
        List<String> messages = new ArrayList<>(deployed ? ScriptMessages.serverDeployed(deploy)
                : ScriptMessages.created(certPath.toString(), keyPath.toString()));
        messages.addAll(ScriptMessages.csr(certPath.toString(), keyPath.toString(), deployed));
        messages.addAll(ScriptMessages.tlsa(keyPath.toString(), deployed));
        if (oldKey == null) {
            messages.addAll(ScriptMessages.daneDns(deployed));
        }
        return new Plan(operation, files, change, warnings, messages, command);
    }

    /**
     * The UTC time stamp for new file names. The script fails when two keys are made in the same
     * second; pftls takes the next second whose names are both free instead.
     */
    private String freeStamp(KeyAlgorithm algorithm) throws PftlsException {
        Instant now = instance.ports().clock().instant();
        Path dir = instance.configDirectory();
        for (int i = 0; i < STAMP_TRIES; i++) {
            String stamp = UtcText.fileStamp(now.plusSeconds(i));
            if (!instance.ports().files().exists(dir.resolve(algorithm.keyFilePrefix() + stamp + ".pem"))
                    && !instance.ports().files().exists(dir.resolve(algorithm.certFilePrefix() + stamp + ".pem"))) {
                return stamp;
            }
        }
        throw new PftlsException(Kind.CONFLICT, "no free key file name in " + dir + " for the next hour;"
                + " remove old " + algorithm.keyFilePrefix() + "*.pem files");
    }

    private MainCfChange mainCfChange(List<String[]> settings) throws PftlsException {
        byte[] before = instance.mainCf().bytes();
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        List<Setting> described = new ArrayList<>();
        for (String[] s : settings) {
            entries.add(Map.entry(s[0], s[1]));
            described.add(new Setting(s[0], instance.parameters().explicit(s[0]), s[1]));
        }
        MainCfEditor.Edit edit = MainCfEditor.set(before, entries, instance.mainCfPath().toString());
        return new MainCfChange(instance.mainCfPath(), instance.stamp(), before, edit.after(), described,
                edit.warnings());
    }

    private LoadedKey readKey(Path key) throws PftlsException {
        return KeyFiles.readPrivateKey(readFile(key, "no private key found in file: " + key), key.toString());
    }

    private List<X509Certificate> readCertificates(Path cert) throws PftlsException {
        return CertificateFiles.readCertificates(readFile(cert, "cannot read certificate file " + cert),
                cert.toString());
    }

    private byte[] readFile(Path file, String problem) throws PftlsException {
        try {
            return instance.ports().files().read(file);
        } catch (IOException e) {
            String reason = IoMessages.reason(e);
            String fix = reason.equals("Permission denied") ? "run pftls as root (or as the file's owner)"
                    : "check the path";
            throw new PftlsException(Kind.CRYPTO, problem + " (" + reason + "); " + fix, e);
        }
    }

    private static List<String> keyArgs(KeySpec spec) {
        return List.of("-a", spec.algorithm().postfixName(), "-b",
                spec.algorithm() == KeyAlgorithm.RSA ? Integer.toString(spec.rsaBits()) : spec.curve());
    }

    private List<String> command(String subcommand, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("pftls", "-c", instance.configDirectory().toString(), subcommand));
        cmd.addAll(args);
        return cmd;
    }
}
