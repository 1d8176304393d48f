package org.pftls.ui.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pftls.engine.crypto.KeySpec;

/**
 * The operator's answers so far. Kept across Back: going back and forward again shows them as
 * they were. Front ends write them; {@link WizardModel} reads them.
 */
public final class Answers {
    private Task task;
    private KeyChoice keys;
    private boolean chainFiles;
    private ClientTls clientTls = ClientTls.OPPORTUNISTIC;
    private final List<String> hostNames = new ArrayList<>();
    private String certFile = "";
    private String keyFile = "";
    private String csrKey = "";
    private String tlsaHost = "";
    private final Map<String, Set<String>> unticked = new HashMap<>();

    /** A copy, for work that runs while the operator goes on answering. */
    public Answers copy() {
        Answers a = new Answers();
        a.task = task;
        a.keys = keys;
        a.chainFiles = chainFiles;
        a.clientTls = clientTls;
        a.hostNames.addAll(hostNames);
        a.certFile = certFile;
        a.keyFile = keyFile;
        a.csrKey = csrKey;
        a.tlsaHost = tlsaHost;
        unticked.forEach((k, v) -> a.unticked.put(k, new HashSet<>(v)));
        return a;
    }

    /**
     * The entries of a Review checklist that the operator unticked (mutable: front ends add and
     * remove entry ids), by the checklist's key.
     */
    public Set<String> unticked(String checklist) {
        return unticked.computeIfAbsent(checklist, k -> new HashSet<>());
    }

    public Task task() {
        return task;
    }

    public void task(Task value) {
        this.task = value;
    }

    /** The Key step's answer, or null before it is answered. */
    public KeyChoice keyChoice() {
        return keys;
    }

    public void keyChoice(KeyChoice value) {
        this.keys = value;
    }

    /** One key: the same as {@code keyChoice(KeyChoice.of(spec))}. */
    public void keySpec(KeySpec spec) {
        this.keys = KeyChoice.of(spec);
    }

    /** The keys chosen (empty before the Key step is answered). */
    public List<KeySpec> keySpecs() {
        return keys == null ? List.of() : keys.specs();
    }

    /** Whether to deploy through smtpd_tls_chain_files (offered on Postfix 3.4 and later). */
    public boolean chainFiles() {
        return chainFiles;
    }

    public void chainFiles(boolean value) {
        this.chainFiles = value;
    }

    /** Enable client: opportunistic TLS (the default) or DANE. */
    public ClientTls clientTls() {
        return clientTls;
    }

    public void clientTls(ClientTls value) {
        this.clientTls = value;
    }

    /** Mutable: front ends add, edit and remove names in place. */
    public List<String> hostNames() {
        return hostNames;
    }

    public void hostNames(List<String> names) {
        hostNames.clear();
        hostNames.addAll(names);
    }

    public String certFile() {
        return certFile;
    }

    public void certFile(String value) {
        this.certFile = value;
    }

    public String keyFile() {
        return keyFile;
    }

    public void keyFile(String value) {
        this.keyFile = value;
    }

    /** "rsa", "ecdsa" (the deployed key) or a key file path. */
    public String csrKey() {
        return csrKey;
    }

    public void csrKey(String value) {
        this.csrKey = value;
    }

    public String tlsaHost() {
        return tlsaHost;
    }

    public void tlsaHost(String value) {
        this.tlsaHost = value;
    }
}
