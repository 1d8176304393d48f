package org.pftls.engine.tls;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.pftls.engine.PftlsException;
import org.pftls.engine.dane.DaneDeployGuard;
import org.pftls.engine.dane.RolloverAdvice;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyMaker;
import org.pftls.engine.crypto.KeyPairSource;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.plan.MainCfChange;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.plan.Setting;
import org.pftls.engine.version.SessionCacheType;
import org.pftls.engine.version.VersionNotes;

/**
 * The nine operations of {@code postfix tls} on one instance, and pftls's additions to them
 * ({@code --merge}, several algorithms at once, {@code --chain-files}). Changing operations return
 * a {@link Plan} (nothing is written until it is applied); output operations return their text.
 */
public final class TlsEngine {
    private final Instance instance;
    private final KeyFileLocator keyFiles;
    private final InstanceFiles files;
    private final Plans plans;
    private final KeyPairSource newKeys;

    public TlsEngine(Instance instance) {
        this(instance, spec -> new KeyMaker(instance.ports().random()).generate(spec));
    }

    /** @param newKeys where new key pairs come from (the wizard may have made one already) */
    public TlsEngine(Instance instance, KeyPairSource newKeys) {
        this.instance = instance;
        this.keyFiles = new KeyFileLocator(instance);
        this.files = new InstanceFiles(instance);
        this.plans = new Plans(instance);
        this.newKeys = newKeys;
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
        return enableClient(randSource, false);
    }

    /** enable-client [-r randsource] [--merge]. */
    public Plan enableClient(String randSource, boolean merge) throws PftlsException {
        List<String> args = new ArrayList<>();
        if (randSource != null && !randSource.isEmpty()) {
            args.addAll(List.of("-r", randSource));
        }
        if (merge) {
            args.add("--merge");
        }
        List<String> command = command("enable-client", args);
        String random = RandomSource.choose(randSource, instance);
        List<String> mapTypes = instance.ports().postfix().mapTypes(instance.configDirectory());
        SessionCacheType cache = SessionCacheType.of(instance);
        String dbType = cache.type().orElse(null);
        List<String> notes = VersionNotes.enableClient(instance, cache);
        if (allDefault(TlsSettings.CLIENT)) {
            List<Setting> settings = new ArrayList<>();
            settings.add(set("smtp_tls_security_level", "may"));
            settings.add(set("smtp_tls_loglevel", "1"));
            if (dbType != null) {
                settings.add(set("smtp_tls_session_cache_database",
                        dbType + ":" + instance.parameters().expanded("data_directory") + "/smtp_scache"));
            }
            settings.add(set("tls_random_source", random));
            return new Plan("enable-client", List.of(), Optional.of(mainCfChange(settings)), List.of(),
                    ScriptMessages.clientDeployed(), command).withNotes(notes);
        }
        if (!merge) {
            List<String> messages = new ArrayList<>(ScriptMessages.enableClientSuggestions(dbType));
            messages.addAll(ScriptMessages.mergeHint("enable-client"));
            return new Plan("enable-client", List.of(), Optional.empty(), List.of(), messages, command)
                    .withNotes(notes);
        }
        MergeRules rules = new MergeRules(instance);
        List<Setting> decisions = rules.client(randSource, random, dbType, mapTypes);
        return merged("enable-client", List.of(), decisions, rules.warnings(), ScriptMessages.clientDeployed(),
                command).withNotes(notes);
    }

    /** enable-server [-r randsource] [-a algorithm] [-b bits] [hostname ...]. */
    public Plan enableServer(String randSource, KeySpec spec, List<String> hostNames) throws PftlsException {
        return enableServer(randSource, List.of(spec), hostNames, false, false);
    }

    /**
     * enable-server [-r randsource] [-a algorithms] [-b bits] [--merge] [--chain-files] [hostname ...]:
     * without {@code merge}, the script's behaviour (only on an all-default instance).
     */
    public Plan enableServer(String randSource, List<KeySpec> specs, List<String> hostNames, boolean merge,
                             boolean chainFiles) throws PftlsException {
        return enableServer(randSource, specs, hostNames, merge, chainFiles, false);
    }

    /**
     * enable-server ... [--keep-usable]: with {@code keepUsable}, a merge keeps the deployed key and
     * certificate of each requested algorithm that has a usable pair (see {@link UsableDeployment})
     * and makes new ones only for the others; a repeated run then changes nothing.
     */
    public Plan enableServer(String randSource, List<KeySpec> specs, List<String> hostNames, boolean merge,
                             boolean chainFiles, boolean keepUsable) throws PftlsException {
        List<String> args = new ArrayList<>();
        if (randSource != null && !randSource.isEmpty()) {
            args.addAll(List.of("-r", randSource));
        }
        args.addAll(keyArgs(specs));
        args.addAll(flags(merge, chainFiles));
        if (keepUsable) {
            args.add("--keep-usable");
        }
        args.addAll(hostNames);
        List<String> command = command("enable-server", args);
        String random = RandomSource.choose(randSource, instance);
        boolean allDefault = allDefault(TlsSettings.SERVER);
        if (!allDefault && !merge) {
            List<String> messages = new ArrayList<>(ScriptMessages.enableServerSuggestions());
            if (ChainFiles.set(instance)) {
                messages.add("smtpd_tls_chain_files is set: the smtpd_tls_cert_file and smtpd_tls_key_file that"
                        + " enable-server writes would be ignored.");
            }
            messages.addAll(ScriptMessages.mergeHint("enable-server"));
            return new Plan("enable-server", List.of(), Optional.empty(), List.of(), messages, command);
        }
        List<String> names = HostNameChoice.resolve(hostNames, instance);
        UsableDeployment usable = keepUsable && !allDefault ? UsableDeployment.of(instance, specs)
                : new UsableDeployment(specs, List.of(), List.of());
        List<NewServerFiles.Pair> pairs = usable.toMake().isEmpty() ? List.of()
                : new NewServerFiles(instance, newKeys).make(usable.toMake(), Map.of(), names);
        List<ServerDeployment.Pair> deploy = new ArrayList<>();
        for (NewServerFiles.Pair p : pairs) {
            deploy.add(p.deployment(instance));
        }
        List<String> messages = newFileMessages(pairs, "enable", names);
        if (allDefault) {
            List<Setting> settings = new ArrayList<>(new ServerDeployment(instance).settings(deploy, chainFiles, ""));
            settings.add(set("smtpd_tls_security_level", "may"));
            settings.add(set("smtpd_tls_received_header", "yes"));
            settings.add(set("smtpd_tls_loglevel", "1"));
            settings.add(set("tls_random_source", random));
            return new Plan("enable-server", NewServerFiles.files(pairs), Optional.of(mainCfChange(settings)),
                    List.of(), messages, command).withKeys(NewServerFiles.made(pairs));
        }
        Map<KeyAlgorithm, String> reasons = new EnumMap<>(KeyAlgorithm.class);
        for (NewServerFiles.Pair p : pairs) {
            reasons.put(p.algorithm(), replaces(p.algorithm()));
        }
        List<Setting> decisions = new ArrayList<>(usable.kept());
        if (!pairs.isEmpty()) {
            decisions.addAll(new ServerDeployment(instance).settings(deploy, chainFiles, reasons::get));
        }
        MergeRules rules = new MergeRules(instance);
        List<Setting> rest = rules.server(randSource, random);
        decisions.addAll(rest);
        boolean turnsOn = rest.stream().anyMatch(d -> d.name().equals("smtpd_tls_security_level") && d.applied());
        List<String> warnings = new ArrayList<>(usable.warnings());
        warnings.addAll(rules.warnings());
        List<String> done = pairs.isEmpty() ? ScriptMessages.settingsOnly(turnsOn)
                : turnsOn ? messages : newFileMessages(pairs, "deploy", names);
        return merged("enable-server", NewServerFiles.files(pairs), decisions, warnings, done, command)
                .withKeys(NewServerFiles.made(pairs));
    }

    /** new-server-key [-a algorithm] [-b bits] [hostname ...]. */
    public Plan newServerKey(KeySpec spec, List<String> hostNames) throws PftlsException {
        return newServerKey(List.of(spec), hostNames);
    }

    /** new-server-key [-a algorithms] [-b bits] [hostname ...]: one key and certificate per algorithm. */
    public Plan newServerKey(List<KeySpec> specs, List<String> hostNames) throws PftlsException {
        List<String> args = new ArrayList<>(keyArgs(specs));
        args.addAll(hostNames);
        List<String> names = HostNameChoice.resolve(hostNames, instance);
        List<NewServerFiles.Pair> pairs = new NewServerFiles(instance, newKeys).make(specs, Map.of(), names);
        return new Plan("new-server-key", NewServerFiles.files(pairs), Optional.empty(), List.of(),
                newFileMessages(pairs, null, names), command("new-server-key", args))
                .withKeys(NewServerFiles.made(pairs));
    }

    /** new-server-cert [-a algorithm] [-b bits] [hostname ...]: reuses the deployed key of that algorithm. */
    public Plan newServerCert(KeySpec spec, List<String> hostNames) throws PftlsException {
        return newServerCert(List.of(spec), hostNames);
    }

    /** new-server-cert [-a algorithms] [-b bits] [hostname ...]: reuses the deployed key of each algorithm. */
    public Plan newServerCert(List<KeySpec> specs, List<String> hostNames) throws PftlsException {
        List<String> args = new ArrayList<>(keyArgs(specs));
        args.addAll(hostNames);
        List<String> warnings = new ArrayList<>();
        Map<KeyAlgorithm, Path> reuse = new EnumMap<>(KeyAlgorithm.class);
        for (KeySpec spec : specs) {
            Path oldKey = keyFiles.deployedKey(spec.algorithm()).orElse(null);
            if (oldKey != null && !instance.ports().files().isRegularFile(oldKey)) {
                warnings.add("Key file: " + oldKey + " not found, creating new keys");
                oldKey = null;
            }
            if (oldKey != null) {
                reuse.put(spec.algorithm(), oldKey);
            }
        }
        List<String> names = HostNameChoice.resolve(hostNames, instance);
        List<NewServerFiles.Pair> pairs = new NewServerFiles(instance, newKeys).make(specs, reuse, names);
        return new Plan("new-server-cert", NewServerFiles.files(pairs), Optional.empty(), warnings,
                newFileMessages(pairs, null, names), command("new-server-cert", args))
                .withKeys(NewServerFiles.made(pairs));
    }

    /** deploy-server-cert certfile keyfile, without the DNS check. */
    public Plan deployServerCert(String certArgument, String keyArgument) throws PftlsException {
        return deployServerCert(certArgument, keyArgument, false, false, DaneDeployGuard.OFF);
    }

    /** deploy-server-cert [--force] certfile keyfile, without the DNS check. */
    public Plan deployServerCert(String certArgument, String keyArgument, boolean force) throws PftlsException {
        return deployServerCert(certArgument, keyArgument, false, force, DaneDeployGuard.OFF);
    }

    /** deploy-server-cert [--chain-files] certfile keyfile; {@code guard} checks the host's TLSA records first. */
    public Plan deployServerCert(String certArgument, String keyArgument, boolean chainFiles, DaneDeployGuard guard)
            throws PftlsException {
        return deployServerCert(certArgument, keyArgument, chainFiles, false, guard);
    }

    /**
     * deploy-server-cert [--chain-files] [--force] certfile keyfile: refused (nothing changed) when
     * the chain check finds a problem ({@code force} overrides only the validity refusals), or when
     * {@code guard} finds TLSA records none of which matches the new key; see {@link ServerCertDeploy}.
     */
    public Plan deployServerCert(String certArgument, String keyArgument, boolean chainFiles, boolean force,
                                 DaneDeployGuard guard) throws PftlsException {
        return new ServerCertDeploy(instance, plans).plan(certArgument, keyArgument, chainFiles, force, guard);
    }

    /**
     * A plan that sets {@code settings} (name, value) in main.cf, or changes nothing when there are
     * none: for operations whose decisions are made elsewhere (e.g. enable-client --dane).
     */
    public Plan parameterChange(String operation, List<String[]> settings, List<String> warnings,
                                List<String> messages, List<String> command) throws PftlsException {
        List<Setting> list = new ArrayList<>();
        for (String[] nv : settings) {
            list.add(set(nv[0], nv[1]));
        }
        Optional<MainCfChange> change = list.isEmpty() ? Optional.empty() : Optional.of(mainCfChange(list));
        return new Plan(operation, List.of(), change, warnings, messages, command);
    }

    /** output-server-csr [-k keyfile] [hostname ...]: the CSR in PEM. */
    public String serverCsr(String keyArgument, List<String> hostNames) throws PftlsException {
        return csr(keyArgument, hostNames).pem();
    }

    /** output-server-csr [-k keyfile] [hostname ...], as data: the key used, the names and the PEM. */
    public ServerCsr csr(String keyArgument, List<String> hostNames) throws PftlsException {
        return new ServerOutputs(instance).csr(keyArgument, hostNames);
    }

    /**
     * output-server-tlsa [-h hostname] [keyfile ...]: writes "; keyfile" and the TLSA record line
     * for each usable key to {@code out}, as it goes (as the script does).
     */
    public void serverTlsa(String hostName, List<String> keyArguments, Consumer<String> out) throws PftlsException {
        // Deliberate difference: every key is read before anything is printed, so a bad key
        // never leaves a partial RRset on stdout (the script prints the records before it).
        for (TlsaRecord r : serverTlsaRecords(hostName, keyArguments)) {
            out.accept("; " + r.keyFile());
            out.accept(r.line());
        }
    }

    /** The records of output-server-tlsa, as data: one per usable key, in the order of the arguments. */
    public List<TlsaRecord> serverTlsaRecords(String hostName, List<String> keyArguments) throws PftlsException {
        return new ServerOutputs(instance).tlsaRecords(hostName, keyArguments);
    }

    private String replaces(KeyAlgorithm algorithm) throws PftlsException {
        boolean deployed = keyFiles.deployedCertificate(algorithm).isPresent()
                || (ChainFiles.set(instance) && ChainFiles.read(instance).entry(algorithm).isPresent());
        return deployed ? "the new " + algorithm + " key and certificate replace the deployed ones; the old files"
                + " stay on disk, untouched" : "the new " + algorithm + " key and certificate; none was deployed";
    }

    private List<String> newFileMessages(List<NewServerFiles.Pair> pairs, String deploy, List<String> names) {
        boolean deployed = deploy != null;
        List<String[]> certAndKey = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (NewServerFiles.Pair p : pairs) {
            certAndKey.add(new String[] {p.cert().path().toString(), p.key().path().toString()});
            keys.add(p.key().path().toString());
        }
        List<String> messages = new ArrayList<>(deployed ? ScriptMessages.serverDeployedAll(deploy, pairs.size())
                : ScriptMessages.createdAll(certAndKey));
        messages.addAll(ScriptMessages.csrAll(certAndKey, deployed));
        messages.addAll(ScriptMessages.tlsaAll(keys, deployed));
        if (pairs.stream().anyMatch(p -> p.copiedFrom() == null)) {
            messages.addAll(ScriptMessages.daneDns(deployed));
        }
        if (!deployed && pairs.stream().anyMatch(p -> p.copiedFrom() == null)) {
            List<Map.Entry<Path, PublicKey>> made = new ArrayList<>();
            for (NewServerFiles.Pair p : pairs) {
                made.add(Map.entry(p.key().path(), p.keyPair().getPublic()));
            }
            messages.addAll(RolloverAdvice.lines(instance, deployedKeys(), made, names));
        }
        return messages;
    }

    /** The key file main.cf deploys per algorithm (for the rollover advice). */
    private Map<KeyAlgorithm, Path> deployedKeys() {
        Map<KeyAlgorithm, Path> keys = new java.util.EnumMap<>(KeyAlgorithm.class);
        for (KeyAlgorithm a : KeyAlgorithm.values()) {
            try {
                keyFiles.deployedKey(a).ifPresent(p -> keys.put(a, p));
            } catch (PftlsException e) {
                // a setting that cannot be expanded deploys no key we could advise about
            }
        }
        return keys;
    }

    /**
     * The plan without some of its main.cf settings (the ones the operator unticked in the
     * wizard): main.cf is edited again from what was read, with the remaining settings; the
     * unticked ones become "kept". Files are still created.
     */
    public Plan without(Plan plan, Set<String> names) throws PftlsException {
        return plans.without(plan, names);
    }

    private Plan merged(String operation, List<NewFile> newFiles, List<Setting> decisions, List<String> warnings,
                        List<String> doneMessages, List<String> command) throws PftlsException {
        return plans.merged(operation, newFiles, decisions, warnings, doneMessages, command);
    }

    private MainCfChange mainCfChange(List<Setting> settings) throws PftlsException {
        return plans.mainCfChange(settings);
    }

    private Setting set(String name, String value) {
        return new Setting(name, instance.parameters().explicit(name), value);
    }

    private static List<String> keyArgs(List<KeySpec> specs) {
        List<String> algorithms = new ArrayList<>();
        List<String> bits = new ArrayList<>();
        for (KeySpec spec : specs) {
            algorithms.add(spec.algorithm().postfixName());
            bits.add(spec.algorithm() == KeyAlgorithm.RSA ? Integer.toString(spec.rsaBits()) : spec.curve());
        }
        return List.of("-a", String.join(",", algorithms), "-b", String.join(",", bits));
    }

    private static List<String> flags(boolean merge, boolean chainFiles) {
        return CommandLines.flags(merge, chainFiles);
    }

    private List<String> command(String subcommand, List<String> args) {
        return CommandLines.command(instance, subcommand, args);
    }
}
