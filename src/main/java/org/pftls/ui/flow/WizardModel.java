package org.pftls.ui.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.ChainVerdict;
import org.pftls.engine.check.Finding;
import org.pftls.engine.crypto.HostNames;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.dane.DaneClient;
import org.pftls.engine.tls.DeployCheck;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.Detection;
import org.pftls.engine.tls.Detector;
import org.pftls.engine.tls.Instance;
import org.pftls.engine.tls.LetsEncrypt;
import org.pftls.engine.version.PostfixVersion;
import org.pftls.ui.DetectionReport;

/**
 * The wizard's questions on one instance, declared once: what is configured now, the choices of
 * every question with their defaults and the reasons a choice does not apply here, and the
 * checks of typed answers. Both front ends ask exactly these; {@link WizardFlow} decides which
 * question comes when, {@link WizardActions} does the work.
 */
public final class WizardModel {
    /** The man page's advice, shown beside the key choices. */
    public static final String KEY_ADVICE = "Curves other than secp256r1, secp384r1 or secp521r1 are unlikely to be"
            + " widely interoperable. Not all clients support ECDSA: deploy both RSA and ECDSA certificates to use"
            + " ECDSA with compatible clients and RSA with the rest.";

    private final WizardEnvironment environment;
    private Instance instance;
    private Detection detection;

    public WizardModel(WizardEnvironment environment) throws PftlsException {
        this.environment = environment;
        refresh();
    }

    /** Re-reads main.cf and the deployed files. */
    public void refresh() throws PftlsException {
        this.instance = environment.reader().read();
        this.detection = new Detector(instance).detect();
    }

    public WizardEnvironment environment() {
        return environment;
    }

    Instance instance() {
        return instance;
    }

    public Detection detection() {
        return detection;
    }

    public boolean demo() {
        return environment.demo();
    }

    public Path configDirectory() {
        return environment.configDirectory();
    }

    /** The Detect step: the same report as {@code pftls status}, and for the demo, what stands in for Postfix. */
    public List<String> detectLines() {
        List<String> lines = new ArrayList<>(DetectionReport.lines(detection));
        if (demo()) {
            lines.add("");
            lines.add(environment.postfixOnHost()
                    ? "Demo sandbox: Postfix is installed on this host, but the sandbox uses pftls's built-in"
                    + " Postfix 3.7 defaults and never runs or reloads it."
                    : "Demo sandbox: Postfix is not installed on this host; the sandbox uses pftls's built-in"
                    + " Postfix 3.7 defaults.");
        }
        return lines;
    }

    /**
     * Every task, with why it does not apply here when it does not. Enable server and Enable
     * client apply on every instance: where the settings are not all default they merge (as
     * {@code --merge} does), and say so.
     */
    public List<Option<Task>> taskOptions() {
        List<Option<Task>> options = new ArrayList<>();
        boolean anyKey = detection.deployed().stream().anyMatch(p -> p.keyFile().isPresent());
        for (Task t : Task.values()) {
            Optional<String> why = switch (t) {
                case NEW_CERT -> anyKey ? Optional.empty()
                        : Optional.of("no server key is deployed, so there is no current key to keep; choose"
                        + " \"New key and certificate\" or \"Enable TLS in the SMTP server\" instead");
                case CSR, TLSA -> anyKey ? Optional.empty()
                        : Optional.of("no server key is deployed yet; enable server TLS or deploy a key first");
                default -> Optional.empty();
            };
            String note = switch (t) {
                case ENABLE_SERVER -> merges(t) ? "Server TLS is configured already (" + String.join(", ",
                        detection.serverNonDefault()) + "): new key(s) and certificate(s) replace the deployed ones"
                        + " (the old files stay), and only what is missing is added, as enable-server --merge does;"
                        + " the Review lists every change with a check box." : t.description();
                case ENABLE_CLIENT -> merges(t) ? "Client TLS is configured already (" + String.join(", ",
                        detection.clientNonDefault()) + "): only what is missing is added or fixed, as enable-client"
                        + " --merge does; the Review lists every change with a check box." : t.description();
                default -> t.description();
            };
            options.add(new Option<>(t, t.label(), note, why));
        }
        return options;
    }

    /** Whether the task merges into settings that are not all default (enable-server/-client --merge). */
    public boolean merges(Task task) {
        return task == Task.ENABLE_SERVER && !detection.serverAllDefault()
                || task == Task.ENABLE_CLIENT && !detection.clientAllDefault();
    }

    /**
     * The default of the Task question: the first available task that needs no merge (Enable
     * server on a fresh instance; New key where server and client TLS are configured).
     */
    public Task defaultTask() {
        return taskOptions().stream().filter(Option::available).map(Option::value).filter(t -> !merges(t))
                .findFirst().orElse(Task.ENABLE_SERVER);
    }

    /**
     * The Enable client task's choices: opportunistic TLS (as enable-client, or enable-client
     * --merge, does) or DANE (as enable-client --dane does: the resolver check, then the settings),
     * which does not apply where the SMTP client does not use DNS.
     */
    public List<Option<ClientTls>> clientTlsOptions() {
        Optional<String> noDns;
        try {
            noDns = DaneClient.noDns(instance.parameters());
        } catch (PftlsException e) {
            noDns = Optional.empty(); // the plan says what is wrong with main.cf
        }
        return List.of(new Option<>(ClientTls.OPPORTUNISTIC, ClientTls.OPPORTUNISTIC.label(), "TLS with every server"
                        + " that offers it, without checking its certificate: smtp_tls_security_level = may (as "
                        + (merges(Task.ENABLE_CLIENT) ? "enable-client --merge" : "enable-client") + " does).",
                        Optional.empty()),
                new Option<>(ClientTls.DANE, ClientTls.DANE.label(), "Servers whose TLSA records are published in"
                        + " DNSSEC-signed zones are authenticated by them, the others get opportunistic TLS:"
                        + " smtp_tls_security_level = dane (a stricter level is kept) and smtp_dns_support_level ="
                        + " dnssec, as enable-client --dane does. Postfix trusts its resolver's DNSSEC validation, so"
                        + " pftls first checks that the resolver validates; if it does not, nothing is changed (go"
                        + " Back and choose opportunistic TLS, or install a validating resolver).", noDns));
    }

    /**
     * The Key step's choices: both keys, RSA sizes and ECDSA curves; for a new certificate, which
     * deployed keys are reused.
     */
    public List<Option<KeyChoice>> keyOptions(Task task) {
        return KeyOptions.of(task, a -> reusesDeployedKey(task, a));
    }

    /** The Key step's preselected choice: RSA and ECDSA for Enable server and New key (the man page's advice). */
    public KeyChoice defaultKeyChoice(Task task) {
        return KeyOptions.defaultFor(task);
    }

    /** Whether the task keeps the deployed key of the algorithm instead of making a new one. */
    boolean reusesDeployedKey(Task task, KeyAlgorithm algorithm) {
        return task == Task.NEW_CERT && detection.pair(algorithm).keyFile().isPresent();
    }

    /** The keys the task makes (and so starts making as soon as the Key step is answered). */
    List<KeySpec> keysToMake(Task task, KeyChoice choice) {
        if (choice == null || task != Task.ENABLE_SERVER && task != Task.NEW_KEY && task != Task.NEW_CERT) {
            return List.of();
        }
        return choice.specs().stream().filter(s -> !reusesDeployedKey(task, s.algorithm())).toList();
    }

    /**
     * What the Key step (Enable server) or the Files step (Deploy) says about smtpd_tls_chain_files:
     * offered on Postfix 3.4 and later, a remark when it is in force, nothing otherwise.
     */
    public Optional<ChainFilesOffer> chainFilesOffer(Task task) {
        if (task != Task.ENABLE_SERVER && task != Task.DEPLOY) {
            return Optional.empty();
        }
        if (detection.server().mechanism().equals("smtpd_tls_chain_files")) {
            return Optional.of(ChainFilesOffer.already());
        }
        PostfixVersion version = PostfixVersion.of(detection.postfixVersion());
        return version.atLeast(PostfixVersion.CHAIN_FILES) ? Optional.of(ChainFilesOffer.ask()) : Optional.empty();
    }

    /** myhostname, when it is a valid name; else nothing (the operator must type one). */
    public List<String> defaultHostNames() {
        try {
            return List.of(HostNames.validate(detection.myhostname()));
        } catch (PftlsException e) {
            return List.of();
        }
    }

    /** What the host names are for: the certificate's names, or the CSR's. */
    public String hostNamesPurpose(Task task) {
        return task == Task.CSR
                ? "The names the CSR asks for: the first is the subject's CommonName, all go into its subjectAltName."
                : "The names the certificate is for: the first is its CommonName, all go into its subjectAltName.";
    }

    /** Inline validation of one host name as it is typed; empty when it is fine. */
    public Optional<String> hostNameProblem(String name) {
        try {
            HostNames.validate(name);
            return Optional.empty();
        } catch (PftlsException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Validation of the whole list before Next. */
    public Optional<String> hostNamesProblem(List<String> names) {
        if (names.isEmpty()) {
            return Optional.of("add at least one host name (the first is the certificate's CommonName)");
        }
        try {
            HostNames.validateAll(names);
            return Optional.empty();
        } catch (PftlsException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The host name the TLSA records are for when none is typed. */
    public String defaultTlsaHost() {
        return detection.myhostname();
    }

    /**
     * Validation of a certificate (key == false) or key file for the Files step; empty when usable.
     * The same check as deploy-server-cert's ({@link DeployCheck}), on the one file.
     */
    public Optional<String> fileProblem(String path, boolean key) {
        if (path == null || path.isBlank()) {
            return Optional.of("choose a " + (key ? "key" : "certificate") + " file");
        }
        Path p = files().resolve(path);
        if (instance.ports().files().isDirectory(p)) {
            return Optional.of(p + " is a directory: choose a file in it (Browse... or Tab)");
        }
        DeployCheck check = deployCheck();
        ChainVerdict verdict = key ? check.checkKey(p.toString()) : check.checkCertificate(p.toString());
        return verdict.firstProblem().map(Finding::text);
    }

    /**
     * The verdict on deploying these two files, exactly as deploy-server-cert checks them: problems,
     * warnings, notes and the chain (each certificate and the check linking it to the next).
     */
    public ChainVerdict deployCheck(String certPath, String keyPath) {
        return deployCheck().check(files().resolve(certPath).toString(), files().resolve(keyPath).toString());
    }

    /**
     * What the Files step shows under the two fields once each is usable on its own: the check of
     * the pair as deploy-server-cert words it (problems, which keep the operator on the step, then
     * warnings and notes); empty while a field has a problem of its own.
     */
    public List<ReviewBlock.Item> filesCheck(String certPath, String keyPath) {
        if (fileProblem(certPath, false).isPresent() || fileProblem(keyPath, true).isPresent()) {
            return List.of();
        }
        return FindingItems.of(deployCheck(certPath, keyPath).findings());
    }

    private DeployCheck deployCheck() {
        return new DeployCheck(instance, letsEncrypt());
    }

    /** certbot's layout, where the environment says it is ({@code /etc/letsencrypt}). */
    public LetsEncrypt letsEncrypt() {
        Path live = environment.letsEncryptLive();
        return live.getParent() == null ? LetsEncrypt.DEFAULT : new LetsEncrypt(live.getParent());
    }

    /** Files and directories, for the file picker and Tab completion. */
    public FileBrowser files() {
        return new FileBrowser(configDirectory(), instance.ports().files(), environment.letsEncryptLive());
    }

    /** The deployed keys a CSR can be made for. */
    public List<Option<String>> csrKeyOptions() {
        List<Option<String>> options = new ArrayList<>();
        for (DeployedPair p : detection.deployed()) {
            String name = p.algorithm().postfixName();
            options.add(new Option<>(name, p.algorithm() + " key",
                    p.keyFile().map(Path::toString).orElse("none deployed"),
                    p.keyFile().isPresent() ? Optional.empty() : Optional.of("no " + name + " key is deployed")));
        }
        return options;
    }

    /** A key spec as a short label: "RSA 2048" or "ECDSA secp384r1". */
    public static String label(KeySpec spec) {
        return spec.algorithm() == KeyAlgorithm.RSA ? "RSA " + spec.rsaBits()
                : "ECDSA " + spec.curve().toLowerCase(Locale.ROOT);
    }
}
