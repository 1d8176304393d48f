package org.pftls.ui.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.check.ChainVerdict;
import org.pftls.engine.check.Finding;
import org.pftls.engine.crypto.CertificateFiles;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.HostNames;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.crypto.KeySpec;
import org.pftls.engine.crypto.LoadedKey;
import org.pftls.engine.crypto.Tlsa;
import org.pftls.engine.plan.Applier;
import org.pftls.engine.plan.InstanceLock;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.plan.NewFile;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.ports.MessageSink;
import org.pftls.engine.ports.PostfixControl;
import org.pftls.engine.tls.DeployCheck;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.Detection;
import org.pftls.engine.tls.Detector;
import org.pftls.engine.tls.Instance;
import org.pftls.engine.tls.TlsEngine;
import org.pftls.engine.tls.TlsSettings;
import org.pftls.ui.PlanReport;

/**
 * The wizard, declared once: which steps a task has, the choices and defaults of every question,
 * the validators, and the actions (prepare, apply). The full-screen and the line-mode front ends
 * render this model and nothing else; every action goes through the same engine calls as the
 * equivalent subcommand, so both produce the same files, main.cf edits and log lines.
 */
public final class WizardModel {
    /** The man page's advice, shown beside the key choices. */
    public static final String KEY_ADVICE = "Curves other than secp256r1, secp384r1 or secp521r1 are unlikely to be"
            + " widely interoperable. Not all clients support ECDSA: deploy both RSA and ECDSA certificates to use"
            + " ECDSA with compatible clients and RSA with the rest.";

    private final Path configDirectory;
    private final InstanceReader reader;
    private final MessageSink log;
    private final PostfixControl postfix;
    private final boolean demo;
    private TlsEngine engine;
    private Detection detection;

    /** Reads the instance afresh (after a change, or to start). */
    @FunctionalInterface
    public interface InstanceReader {
        Instance read() throws PftlsException;
    }

    public WizardModel(Path configDirectory, InstanceReader reader, MessageSink log, PostfixControl postfix,
                       boolean demo) throws PftlsException {
        this.configDirectory = configDirectory;
        this.reader = reader;
        this.log = log;
        this.postfix = postfix;
        this.demo = demo;
        refresh();
    }

    /** Re-reads main.cf and the deployed files. */
    public void refresh() throws PftlsException {
        this.engine = new TlsEngine(reader.read());
        this.detection = new Detector(engine.instance()).detect();
    }

    public Detection detection() {
        return detection;
    }

    public boolean demo() {
        return demo;
    }

    public Path configDirectory() {
        return configDirectory;
    }

    /** The steps of a task, in order; before a task is chosen: Detect and Task. */
    public List<StepKind> steps(Task task) {
        if (task == null) {
            return List.of(StepKind.DETECT, StepKind.TASK);
        }
        return switch (task) {
            case ENABLE_SERVER, NEW_KEY, NEW_CERT -> List.of(StepKind.DETECT, StepKind.TASK, StepKind.KEY,
                    StepKind.HOST_NAMES, StepKind.GENERATE, StepKind.REVIEW, StepKind.CONFIRM, StepKind.DONE);
            case ENABLE_CLIENT -> List.of(StepKind.DETECT, StepKind.TASK, StepKind.GENERATE, StepKind.REVIEW,
                    StepKind.CONFIRM, StepKind.DONE);
            case DEPLOY -> List.of(StepKind.DETECT, StepKind.TASK, StepKind.FILES, StepKind.GENERATE,
                    StepKind.REVIEW, StepKind.CONFIRM, StepKind.DONE);
            case CSR -> List.of(StepKind.DETECT, StepKind.TASK, StepKind.CSR_KEY, StepKind.HOST_NAMES,
                    StepKind.GENERATE, StepKind.REVIEW, StepKind.DONE);
            case TLSA -> List.of(StepKind.DETECT, StepKind.TASK, StepKind.TLSA_HOST, StepKind.GENERATE,
                    StepKind.REVIEW, StepKind.DONE);
        };
    }

    /** Every task, with why it does not apply here when it does not. */
    public List<Option<Task>> taskOptions() {
        List<Option<Task>> options = new ArrayList<>();
        boolean anyKey = detection.deployed().stream().anyMatch(p -> p.keyFile().isPresent());
        for (Task t : Task.values()) {
            Optional<String> why = switch (t) {
                case ENABLE_SERVER -> detection.serverAllDefault() ? Optional.empty()
                        : Optional.of("server TLS is already configured (" + String.join(", ",
                        detection.serverNonDefault()) + "); use a new key or certificate instead");
                case ENABLE_CLIENT -> detection.clientAllDefault() ? Optional.empty()
                        : Optional.of("client TLS is already configured (" + String.join(", ",
                        detection.clientNonDefault()) + ")");
                case CSR, TLSA -> anyKey ? Optional.empty()
                        : Optional.of("no server key is deployed yet; enable server TLS or deploy a key first");
                default -> Optional.empty();
            };
            options.add(new Option<>(t, t.label(), t.description(), why));
        }
        return options;
    }

    /** The first available task: the default of the Task question. */
    public Task defaultTask() {
        return taskOptions().stream().filter(Option::available).map(Option::value).findFirst().orElse(Task.NEW_KEY);
    }

    /** RSA 2048/3072/4096 and ECDSA on the three interoperable curves; RSA 2048 first (the default). */
    public List<Option<KeySpec>> keyOptions(Task task) {
        List<Option<KeySpec>> options = new ArrayList<>();
        for (int bits : new int[] {2048, 3072, 4096}) {
            options.add(Option.of(new KeySpec(KeyAlgorithm.RSA, bits, null), "RSA " + bits + " bits",
                    bits == 2048 ? "default; every client supports it" : "slower handshakes, no real gain for SMTP"));
        }
        options.add(Option.of(new KeySpec(KeyAlgorithm.ECDSA, 0, "secp256r1"), "ECDSA secp256r1",
                "default curve (prime256v1); widely supported"));
        options.add(Option.of(new KeySpec(KeyAlgorithm.ECDSA, 0, "secp384r1"), "ECDSA secp384r1", "interoperable"));
        options.add(Option.of(new KeySpec(KeyAlgorithm.ECDSA, 0, "secp521r1"), "ECDSA secp521r1", "interoperable"));
        if (task == Task.NEW_CERT) {
            List<Option<KeySpec>> noted = new ArrayList<>();
            for (Option<KeySpec> o : options) {
                DeployedPair p = detection.pair(o.value().algorithm());
                String note = p.keyFile().isPresent()
                        ? "the deployed " + o.value().algorithm().postfixName() + " key is reused: size ignored"
                        : o.note();
                noted.add(new Option<>(o.value(), o.label(), note, o.unavailable()));
            }
            return noted;
        }
        return options;
    }

    public KeySpec defaultKeySpec() {
        return KeySpec.defaultFor(KeyAlgorithm.RSA);
    }

    /** myhostname, when it is a valid name; else nothing (the operator must type one). */
    public List<String> defaultHostNames() {
        try {
            return List.of(HostNames.validate(detection.myhostname()));
        } catch (PftlsException e) {
            return List.of();
        }
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

    /**
     * Validation of a certificate (key == false) or key file for the Files step; empty when usable.
     * The same check as deploy-server-cert's ({@link DeployCheck}), on the one file.
     */
    public Optional<String> fileProblem(String path, boolean key) {
        if (path == null || path.isBlank()) {
            return Optional.of("choose a " + (key ? "key" : "certificate") + " file");
        }
        DeployCheck check = new DeployCheck(engine.instance());
        ChainVerdict verdict = key ? check.checkKey(path.trim()) : check.checkCertificate(path.trim());
        return verdict.firstProblem().map(Finding::text);
    }

    /**
     * The verdict on deploying these two files, exactly as deploy-server-cert checks them: problems,
     * warnings, notes and the chain (each certificate and the check linking it to the next).
     */
    public ChainVerdict deployCheck(String certPath, String keyPath) {
        return new DeployCheck(engine.instance()).check(certPath.trim(), keyPath.trim());
    }

    /** Files in a directory, for the file picker (rooted at the configuration directory). */
    public List<Path> listFiles(Path directory) {
        try {
            return engine.instance().ports().files().list(directory);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether a path is a directory, for the file picker. */
    public boolean isDirectory(Path path) {
        return engine.instance().ports().files().isDirectory(path);
    }

    /**
     * The leaf certificate of a certificate file (relative to the configuration directory), for
     * showing what Deploy would deploy; empty when the file cannot be read as a certificate.
     */
    public Optional<CertificateSummary> certificateIn(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        Path p = configDirectory.resolve(path.trim());
        try {
            byte[] content = engine.instance().ports().files().read(p);
            return Optional.of(CertificateSummary.of(CertificateFiles.readCertificates(content, p.toString()).get(0)));
        } catch (IOException | PftlsException e) {
            return Optional.empty();
        }
    }

    /**
     * An existing file (relative to the configuration directory) as the Review step lists files:
     * mode, owner and path, e.g. {@code 0600  root  /etc/postfix/key.pem}; empty when it cannot be read.
     */
    public Optional<String> describeFile(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        Path p = configDirectory.resolve(path.trim());
        try {
            var info = engine.instance().ports().files().info(p);
            return Optional.of(info.mode() + "  " + info.owner() + "  " + p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A CSR for the key that a prepared plan creates (or copies), still in memory: what
     * {@code output-server-csr -k KEYFILE NAMES} prints once the key is written. Empty when the plan
     * makes no key.
     */
    public Optional<String> newKeyCsr(Prepared prepared, List<String> hostNames) throws PftlsException {
        if (prepared.plan().isEmpty()) {
            return Optional.empty();
        }
        for (NewFile f : prepared.plan().get().files()) {
            if (f.role() == NewFile.Role.PRIVATE_KEY) {
                LoadedKey key = KeyFiles.readPrivateKey(f.content(), f.path().toString());
                return Optional.of(new org.pftls.engine.crypto.CsrBuilder(engine.instance().ports().random())
                        .csrPem(key.keyPair(), hostNames));
            }
        }
        return Optional.empty();
    }

    /**
     * The certificate the Review step shows: the new one, or for Deploy the first certificate in
     * the chosen file (the plan creates no certificate then). Empty when there is none.
     */
    public Optional<CertificateSummary> reviewCertificate(Prepared prepared, Answers a) {
        if (prepared.certificate().isPresent() || prepared.task() != Task.DEPLOY) {
            return prepared.certificate();
        }
        return certificateIn(a.certFile());
    }

    /**
     * The TLSA records the Review step shows: those of the new key, or for Deploy those of the
     * chosen key file, for the certificate's first DNS name (else myhostname), each after its
     * "; keyfile" line. Empty when there is none.
     */
    public List<String> reviewTlsa(Prepared prepared, Answers a) {
        if (!prepared.tlsa().isEmpty() || prepared.task() != Task.DEPLOY) {
            return prepared.tlsa();
        }
        String host = reviewCertificate(prepared, a).filter(c -> !c.dnsNames().isEmpty())
                .map(c -> c.dnsNames().get(0)).filter(h -> hostNameProblem(h).isEmpty()).orElse("");
        List<String> lines = new ArrayList<>();
        try {
            engine.serverTlsa(host, List.of(configDirectory.resolve(a.keyFile().trim()).toString()), lines::add);
            return lines;
        } catch (PftlsException | RuntimeException e) {
            return List.of();
        }
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

    /** The Generate step: makes keys and certificates in memory and the plan. May take seconds (RSA 4096). */
    public Prepared prepare(Task task, Answers a) throws PftlsException {
        return switch (task) {
            case ENABLE_SERVER -> fromPlan(task, engine.enableServer(null, a.keySpec(), a.hostNames()));
            case ENABLE_CLIENT -> fromPlan(task, engine.enableClient(null));
            case NEW_KEY -> fromPlan(task, engine.newServerKey(a.keySpec(), a.hostNames()));
            case NEW_CERT -> fromPlan(task, engine.newServerCert(a.keySpec(), a.hostNames()));
            case DEPLOY -> fromPlan(task, engine.deployServerCert(a.certFile().trim(), a.keyFile().trim()));
            case CSR -> csr(a);
            case TLSA -> tlsa(a);
        };
    }

    private Prepared fromPlan(Task task, Plan plan) throws PftlsException {
        Optional<CertificateSummary> cert = Optional.empty();
        List<String> tlsa = new ArrayList<>();
        String host = detection.myhostname();
        List<String> files = new ArrayList<>();
        String owner = System.getProperty("user.name", "root");
        for (NewFile f : plan.files()) {
            files.add(f.modeText() + "  " + owner + "  " + f.role().label() + "  " + f.path());
            if (f.role() == NewFile.Role.CERTIFICATE) {
                X509Certificate c = CertificateFiles.readCertificates(f.content(), f.path().toString()).get(0);
                cert = Optional.of(CertificateSummary.of(c));
                host = cert.get().dnsNames().isEmpty() ? host : cert.get().dnsNames().get(0);
            }
        }
        for (NewFile f : plan.files()) {
            if (f.role() == NewFile.Role.PRIVATE_KEY) {
                LoadedKey k = KeyFiles.readPrivateKey(f.content(), f.path().toString());
                tlsa.add("; " + f.path());
                tlsa.add(Tlsa.record(host, k.keyPair().getPublic()));
            }
        }
        List<String> notes = new ArrayList<>(plan.warnings());
        if (task == Task.DEPLOY && plan.mainCf().isPresent()) {
            notes.addAll(deployDetails(plan));
        }
        if (plan.changesNothing()) {
            notes.addAll(plan.messages());
        }
        String command = String.join(" ", plan.command().stream().map(PlanReport::quote).toList());
        return new Prepared(task, Optional.of(plan), cert, tlsa, Optional.empty(), files,
                PlanReport.mainCfDiff(plan), command, notes);
    }

    private List<String> deployDetails(Plan plan) {
        List<String> notes = new ArrayList<>();
        plan.mainCf().get().settings().forEach(s -> notes.add(s.name() + " = " + s.newValue()
                + s.oldValue().map(o -> " (was " + o + ")").orElse(" (new)")));
        return notes;
    }

    private Prepared csr(Answers a) throws PftlsException {
        String pem = engine.serverCsr(a.csrKey(), a.hostNames());
        List<String> cmd = new ArrayList<>(List.of("pftls", "-c", configDirectory.toString(), "output-server-csr",
                "-k", a.csrKey()));
        cmd.addAll(a.hostNames());
        return new Prepared(Task.CSR, Optional.empty(), Optional.empty(), List.of(), Optional.of(pem), List.of(),
                List.of(), String.join(" ", cmd.stream().map(PlanReport::quote).toList()), List.of());
    }

    private Prepared tlsa(Answers a) throws PftlsException {
        List<String> lines = new ArrayList<>();
        engine.serverTlsa(a.tlsaHost(), List.of(), lines::add);
        List<String> cmd = new ArrayList<>(List.of("pftls", "-c", configDirectory.toString(), "output-server-tlsa"));
        if (!a.tlsaHost().isEmpty()) {
            cmd.addAll(List.of("-h", a.tlsaHost()));
        }
        return new Prepared(Task.TLSA, Optional.empty(), Optional.empty(), lines, Optional.empty(), List.of(),
                List.of(), String.join(" ", cmd.stream().map(PlanReport::quote).toList()), List.of());
    }

    /** The Confirm step's action: apply the plan exactly as the subcommand would, and log the same lines. */
    public Outcome apply(Prepared prepared) throws PftlsException {
        Plan plan = prepared.plan().orElseThrow(() -> new PftlsException(Kind.INPUT,
                prepared.task().label() + " changes nothing; there is nothing to apply"));
        try (InstanceLock lock = InstanceLock.acquire(configDirectory)) {
            plan.warnings().forEach(log::warning);
            List<Path> created = new Applier(engine.instance().ports()).apply(plan);
            plan.mainCf().ifPresent(c -> c.warnings().forEach(log::warning));
            plan.messages().forEach(log::info);
            List<String> changed = new ArrayList<>();
            for (Path p : created) {
                changed.add("created " + p);
            }
            plan.mainCf().ifPresent(c -> changed.add("updated " + c.path() + " (" + c.settings().size()
                    + " parameters)"));
            Outcome outcome = new Outcome(changed, plan.messages(), nextSteps(prepared), reloadPossible(plan));
            refresh();
            return outcome;
        }
    }

    /** Cancel after Generate: keep the new key and certificate files without deploying them. */
    public Outcome keepFilesOnly(Prepared prepared) throws PftlsException {
        Plan plan = prepared.plan().orElseThrow();
        Plan filesOnly = new Plan(plan.operation(), plan.files(), Optional.empty(), List.of(), List.of(),
                plan.command());
        List<Path> created = new Applier(engine.instance().ports()).apply(filesOnly);
        List<String> changed = new ArrayList<>();
        created.forEach(p -> changed.add("created " + p + " (not deployed)"));
        return new Outcome(changed, List.of(), List.of("deploy them later with: pftls -c " + configDirectory
                + " deploy-server-cert CERT KEY"), false);
    }

    /** Whether the generated files exist only in memory (so cancelling loses them unless kept). */
    public boolean hasUnwrittenFiles(Prepared prepared) {
        return prepared != null && prepared.plan().isPresent() && !prepared.plan().get().files().isEmpty();
    }

    /** Saves the CSR to a new file (never overwriting). */
    public Path saveCsr(Prepared prepared, String fileName) throws PftlsException {
        Path target = configDirectory.resolve(fileName.trim());
        try {
            engine.instance().ports().files().createNew(target,
                    prepared.csr().orElseThrow().getBytes(StandardCharsets.US_ASCII), 0644);
            return target;
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot save the CSR to " + target + ": " + IoMessages.reason(e)
                    + "; choose another file name", e);
        }
    }

    /** Runs postfix reload, when chosen on the Done step. */
    public String reload() throws PftlsException {
        if (!postfix.available() || demo) {
            throw new PftlsException(Kind.CONFIG, "Postfix is not installed here (or this is the demo sandbox);"
                    + " nothing to reload");
        }
        return postfix.reload();
    }

    private boolean reloadPossible(Plan plan) {
        return plan.mainCf().isPresent() && postfix.available() && !demo;
    }

    private List<String> nextSteps(Prepared p) {
        List<String> next = new ArrayList<>();
        Plan plan = p.plan().orElseThrow();
        if (plan.mainCf().isPresent()) {
            next.add("run \"postfix reload\" (pftls can do it now) for the new settings to take effect");
        }
        boolean newKey = plan.files().stream().anyMatch(f -> f.role() == NewFile.Role.PRIVATE_KEY);
        if (newKey && p.task() != Task.NEW_CERT) {
            next.add("if you publish DANE TLSA records: publish the new record(s) shown on the Review screen"
                    + (plan.mainCf().isPresent() ? " as soon as possible"
                    : ", wait for the old ones to expire from DNS caches, then deploy"));
        }
        if (!plan.files().isEmpty()) {
            next.add("for a CA-signed certificate: pftls output-server-csr -k " + plan.files().get(0).path());
        }
        if (p.task() == Task.ENABLE_SERVER || p.task() == Task.DEPLOY) {
            next.add("check it: openssl s_client -starttls smtp -connect localhost:25 -brief");
        }
        return next;
    }

    /** The task's client/server setting list, for explanations. */
    public static String sideOf(Task task) {
        return task == Task.ENABLE_CLIENT ? TlsSettings.CLIENT.side() : TlsSettings.SERVER.side();
    }

    /** A key spec as a short label: "RSA 2048" or "ECDSA secp384r1". */
    public static String label(KeySpec spec) {
        return spec.algorithm() == KeyAlgorithm.RSA ? "RSA " + spec.rsaBits()
                : "ECDSA " + spec.curve().toLowerCase(Locale.ROOT);
    }
}
