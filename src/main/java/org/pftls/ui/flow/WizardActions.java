package org.pftls.ui.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.check.ChainVerdict;
import org.pftls.engine.check.Finding;
import org.pftls.engine.crypto.CsrBuilder;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.dane.DaneClient;
import org.pftls.engine.dane.DaneDeployGuard;
import org.pftls.engine.dane.RolloverAdvice;
import org.pftls.engine.plan.ChangeService;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.plan.KeyCertificate;
import org.pftls.engine.plan.Plan;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.tls.DeployedPair;
import org.pftls.engine.tls.TlsEngine;
import org.pftls.ui.PlanReport;

/**
 * What the wizard does, through the same engine calls and the same change service as the
 * subcommands, so that both make the same files, main.cf edits and log lines.
 */
final class WizardActions {
    private final WizardModel model;
    private final KeyPregeneration keys;

    WizardActions(WizardModel model, KeyPregeneration keys) {
        this.model = model;
        this.keys = keys;
    }

    /** The Generate step: makes keys and certificates in memory and the plan. May take seconds (RSA 4096). */
    Prepared prepare(Task task, Answers a) throws PftlsException {
        TlsEngine engine = new TlsEngine(model.instance(), keys::take);
        boolean merge = model.merges(task);
        boolean chainFiles = a.chainFiles() && model.chainFilesOffer(task).map(ChainFilesOffer::offered).orElse(false);
        return switch (task) {
            case ENABLE_SERVER -> made(task, engine.enableServer(null, a.keySpecs(), a.hostNames(), merge, chainFiles),
                    merge, a);
            case ENABLE_CLIENT -> a.clientTls() == ClientTls.DANE ? dane(engine)
                    : made(task, engine.enableClient(null, merge), merge, a);
            case NEW_KEY -> made(task, engine.newServerKey(a.keySpecs(), a.hostNames()), false, a);
            case NEW_CERT -> made(task, engine.newServerCert(a.keySpecs(), a.hostNames()), false, a);
            case DEPLOY -> deploy(engine, a, chainFiles);
            case CSR -> csr(engine, a);
            case TLSA -> tlsa(engine, a);
        };
    }

    private Prepared made(Task task, Plan plan, boolean merge, Answers a) {
        return new Prepared(task, Optional.of(plan), Optional.empty(), List.of(), List.of(), command(plan.command()),
                Optional.empty(), task == Task.ENABLE_SERVER ? overrides() : List.of(), rollover(plan, a), merge);
    }

    /**
     * Enable client (DANE): exactly enable-client --dane: the check that the system's resolvers
     * validate DNSSEC (with its default probe and bogus names; a resolver that does not validate
     * fails with the command line's words, and nothing is changed), then its plan.
     */
    private Prepared dane(TlsEngine engine) throws PftlsException {
        var parameters = model.instance().parameters();
        List<String> notes = DaneClient.checkResolvers(parameters, null, null, model.environment().daneResolvers());
        Plan plan = DaneClient.plan(engine, null, notes, List.of("pftls", "-c", model.configDirectory().toString(),
                "enable-client", "--dane"));
        List<String> check = new ArrayList<>(notes);
        DaneClient.keptLevel(parameters).ifPresent(check::add);
        return new Prepared(Task.ENABLE_CLIENT, Optional.of(plan), Optional.empty(), List.of(), List.of(),
                command(plan.command()), Optional.empty(), List.of(), List.of(), false, check);
    }

    /**
     * Deploy: the chain check of the files as deploy-server-cert words it, and the same plan, after
     * the same DNS check of the host's TLSA records (which refuses a key no published record
     * matches: the Generate step then shows why, and nothing is changed).
     */
    private Prepared deploy(TlsEngine engine, Answers a, boolean chainFiles) throws PftlsException {
        String cert = a.certFile().trim();
        String key = a.keyFile().trim();
        ChainVerdict verdict = model.deployCheck(cert, key);
        DaneDeployGuard guard = model.environment().dns().map(d -> new DaneDeployGuard(d, false, false))
                .orElse(DaneDeployGuard.OFF);
        Plan plan = engine.deployServerCert(cert, key, chainFiles, false, guard);
        return new Prepared(Task.DEPLOY, Optional.of(plan), Optional.empty(), List.of(), existing(plan),
                command(plan.command()), Optional.of(verdict), overrides(), List.of(), false);
    }

    /** master.cf's -o options that shadow what main.cf deploys, as findings (status lists them as problems). */
    private List<Finding> overrides() {
        return model.detection().server().overrides().stream()
                .map(o -> Finding.problem("master-cf-override", o.problem())).toList();
    }

    /**
     * The TLSA records of the deployed keys and of the new ones side by side ("current + next"),
     * when the plan makes a new key while keys are deployed: the record lines of RolloverAdvice.
     */
    private List<String> rollover(Plan plan, Answers a) {
        List<Map.Entry<Path, PublicKey>> made = new ArrayList<>();
        for (KeyCertificate k : plan.keys()) {
            if (k.origin() == KeyCertificate.Origin.NEW_KEY) {
                made.add(Map.entry(k.keyFile(), k.keyPair().getPublic()));
            }
        }
        Map<KeyAlgorithm, Path> deployed = new EnumMap<>(KeyAlgorithm.class);
        for (DeployedPair p : model.detection().deployed()) {
            p.keyFile().ifPresent(f -> deployed.put(p.algorithm(), f));
        }
        if (made.isEmpty() || deployed.isEmpty()) {
            return List.of();
        }
        List<String> names = a.hostNames().isEmpty() ? List.of(model.detection().myhostname()) : a.hostNames();
        return RolloverAdvice.lines(model.instance(), deployed, made, names).stream()
                .filter(l -> l.startsWith("  ")).map(String::strip).toList();
    }

    /**
     * The prepared change without the parameter changes the operator unticked on the Review (a
     * merge's check boxes): what Confirm applies, Done reports and the command shows.
     */
    Prepared effective(Prepared prepared, Set<String> unticked) {
        if (prepared == null || !prepared.merge() || unticked.isEmpty() || prepared.plan().isEmpty()) {
            return prepared;
        }
        try {
            return prepared.withPlan(new TlsEngine(model.instance()).without(prepared.plan().get(), unticked));
        } catch (PftlsException e) {
            throw new IllegalStateException("cannot leave out the unticked changes: " + e.getMessage(), e);
        }
    }

    /** For Deploy: the chosen files as they are: mode, owner, path and what they are. */
    private List<String> existing(Plan plan) {
        List<String> rows = new ArrayList<>();
        FileStore files = model.instance().ports().files();
        for (KeyCertificate k : plan.keys()) {
            for (Path p : List.of(k.certificateFile(), k.keyFile())) {
                try {
                    FileStore.Info info = files.info(p);
                    rows.add(info.mode() + "  " + info.owner() + "  " + p
                            + (p.equals(k.keyFile()) ? "  (private key)" : "  (certificate)"));
                } catch (IOException e) {
                    rows.add("?     ?  " + p + "  (" + IoMessages.reason(e) + ")");
                }
            }
        }
        return rows;
    }

    private Prepared csr(TlsEngine engine, Answers a) throws PftlsException {
        String pem = engine.serverCsr(a.csrKey(), a.hostNames());
        List<String> cmd = new ArrayList<>(List.of("output-server-csr", "-k", a.csrKey()));
        cmd.addAll(a.hostNames());
        return new Prepared(Task.CSR, Optional.empty(), Optional.of(pem), List.of(), List.of(), pftls(cmd));
    }

    private Prepared tlsa(TlsEngine engine, Answers a) throws PftlsException {
        List<String> lines = new ArrayList<>();
        engine.serverTlsa(a.tlsaHost(), List.of(), lines::add);
        List<String> cmd = new ArrayList<>(List.of("output-server-tlsa"));
        if (!a.tlsaHost().isEmpty()) {
            cmd.addAll(List.of("-h", a.tlsaHost()));
        }
        return new Prepared(Task.TLSA, Optional.empty(), Optional.empty(), lines, List.of(), pftls(cmd));
    }

    /** The equivalent command, spelt out in full as the engine spells the changing ones: {@code pftls -c DIR ...}. */
    private String pftls(List<String> arguments) {
        List<String> cmd = new ArrayList<>(List.of("pftls", "-c", model.configDirectory().toString()));
        cmd.addAll(arguments);
        return command(cmd);
    }

    private static String command(List<String> words) {
        return String.join(" ", words.stream().map(PlanReport::quote).toList());
    }

    /**
     * The Confirm step's action: lock, apply the plan exactly as the subcommand would, log the same
     * lines; then read the instance again.
     */
    Outcome apply(Prepared prepared) throws PftlsException {
        Plan plan = prepared.plan().orElseThrow(() -> new PftlsException(Kind.INPUT,
                prepared.task().label() + " changes nothing; there is nothing to apply"));
        ChangeService.Applied applied = changes().apply(plan);
        List<String> changed = new ArrayList<>();
        applied.created().forEach(p -> changed.add("created " + p));
        plan.mainCf().ifPresent(c -> changed.add("updated " + c.path() + " (" + c.settings().size() + " parameters)"));
        Outcome outcome = new Outcome(changed, plan.messages(), plan.mainCf().isPresent());
        model.refresh();
        return outcome;
    }

    /** Quitting after Generate: the new key and certificate are written as files, not deployed. */
    Outcome keepFilesOnly(Prepared prepared) throws PftlsException {
        ChangeService.Applied applied = changes().apply(prepared.plan().orElseThrow().filesOnly());
        List<String> changed = new ArrayList<>();
        applied.created().forEach(p -> changed.add("created " + p + " (not deployed)"));
        return new Outcome(changed, List.of(), false);
    }

    private ChangeService changes() {
        return new ChangeService(model.configDirectory(), model.instance().ports(), model.environment().log());
    }

    /** A CSR for the new key of a prepared plan, still in memory: what output-server-csr prints once it is written. */
    Optional<String> csrForNewKey(Prepared prepared, List<String> hostNames) throws PftlsException {
        for (KeyCertificate k : prepared.keys()) {
            if (k.origin() != KeyCertificate.Origin.EXISTING) {
                return Optional.of(new CsrBuilder(model.instance().ports().random()).csrPem(k.keyPair(), hostNames));
            }
        }
        return Optional.empty();
    }

    /** Saves a CSR to a new file (never overwriting), mode 0644. */
    Path saveCsr(String csr, String fileName) throws PftlsException {
        Path target = model.configDirectory().resolve(fileName.trim());
        try {
            model.instance().ports().files().createNew(target, csr.getBytes(StandardCharsets.US_ASCII), 0644);
            return target;
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot save the CSR to " + target + ": " + IoMessages.reason(e)
                    + "; choose another file name", e);
        }
    }

    /** Deletes a CSR saved earlier (its key was discarded). */
    void deleteCsr(Path saved) throws PftlsException {
        try {
            model.instance().ports().files().delete(saved);
        } catch (IOException e) {
            throw new PftlsException(Kind.IO, "cannot delete " + saved + ": " + IoMessages.reason(e)
                    + "; delete it by hand", e);
        }
    }
}
