package org.pftls.engine.dane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.crypto.LoadedKey;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.tls.Instance;

/**
 * The DNS check before {@code deploy-server-cert} puts a new key into service: when
 * {@code _25._tcp.$myhostname} has TLSA records that DANE clients use (usage 2 or 3) and none of
 * them matches the certificate chain about to go live, DANE clients would stop delivering mail, so
 * the deploy is refused (unless forced) naming the record to publish first. A deploy that keeps the
 * deployed key (a renewed certificate) asks nothing: its TLSA 3 1 1 record stays valid. When DNS
 * cannot be asked the deploy goes on with one warning. Names that cannot be in the public DNS
 * (e.g. {@code host.localdomain}) are only looked up with an explicitly given resolver.
 */
public final class DaneDeployGuard {
    /** No look-up at all (the wizards' deploy, until they offer the check). */
    public static final DaneDeployGuard OFF = new DaneDeployGuard(null, false, false);

    private final DnsLookup dns;
    private final boolean force;
    private final boolean explicitResolver;

    /**
     * @param dns              the resolver to ask (its timeout bounds the look-up)
     * @param force            deploy even when no record matches (a warning instead of a refusal)
     * @param explicitResolver whether the resolver was named ({@code --resolver}): then special-use
     *                         names are looked up too
     */
    public DaneDeployGuard(DnsLookup dns, boolean force, boolean explicitResolver) {
        this.dns = dns;
        this.force = force;
        this.explicitResolver = explicitResolver;
    }

    /**
     * Checks the chain about to be deployed; returns warnings to show, or fails when no TLSA record
     * matches and the deploy is not forced.
     *
     * @param instance   the instance (for myhostname)
     * @param currentKey the key file main.cf deploys now for the same algorithm, if any
     * @param newKey     the key to deploy
     * @param keyPath    its file, for messages
     * @param chain      the certificate chain to deploy, leaf first
     */
    public List<String> check(Instance instance, Optional<Path> currentKey, LoadedKey newKey, Path keyPath,
                              List<X509Certificate> chain) throws PftlsException {
        if (dns == null || sameKey(instance, currentKey, newKey.keyPair().getPublic())) {
            return List.of();
        }
        String host;
        try {
            host = myhostname(instance);
        } catch (PftlsException | IOException e) {
            return List.of("cannot check the TLSA records of the new key: " + e.getMessage());
        }
        if (!explicitResolver && !TlsaNames.publicName(host)) {
            return List.of();
        }
        String name = TlsaNames.smtp(host);
        String record = name + ". IN TLSA " + TlsaData.of(newKey.keyPair().getPublic()).presentation();
        DnsLookup.TlsaAnswer answer = dns.tlsa(name, false);
        if (!answer.status().answered()) {
            return List.of("cannot look up the TLSA records of " + name + " at " + dns.resolver() + " ("
                    + describe(answer) + "); if " + host + " has TLSA records, make sure one matches the new key"
                    + " before you reload Postfix: " + record);
        }
        List<TlsaData> usable = answer.records().stream().filter(TlsaData::usableForSmtp).toList();
        if (usable.isEmpty() || usable.stream().anyMatch(r -> r.matchesChain(chain))) {
            return List.of();
        }
        String problem = "none of the " + usable.size() + " TLSA record(s) of " + name + " matches the key in "
                + keyPath + ": DANE clients would stop delivering mail to " + host;
        if (force) {
            List<String> w = new ArrayList<>();
            w.add(problem + "; deploying anyway (--force): publish " + record + " now");
            return w;
        }
        throw new PftlsException(Kind.CONFLICT, problem + "; publish " + record + " first, wait until the old"
                + " records' TTL has passed, then deploy (or deploy anyway with --force); nothing was changed");
    }

    private static boolean sameKey(Instance instance, Optional<Path> currentKey, PublicKey newKey) {
        if (currentKey.isEmpty()) {
            return false;
        }
        try {
            LoadedKey current = KeyFiles.readPrivateKey(instance.ports().files().read(currentKey.get()),
                    currentKey.get().toString());
            return current.keyPair().getPublic().equals(newKey)
                    || TlsaData.of(current.keyPair().getPublic()).equals(TlsaData.of(newKey));
        } catch (IOException | PftlsException e) {
            return false; // the current key cannot be read: check DNS for the new one
        }
    }

    /** myhostname as Postfix computes it (a value starting with / names a file holding it). */
    static String myhostname(Instance instance) throws PftlsException, IOException {
        String value = instance.parameters().expanded("myhostname");
        if (value.startsWith("/")) {
            value = new String(instance.ports().files().read(Path.of(value)), StandardCharsets.UTF_8).strip();
        }
        return value;
    }

    private static String describe(DnsLookup.TlsaAnswer answer) {
        String s = switch (answer.status()) {
            case TIMEOUT -> "no answer";
            case UNREACHABLE -> "unreachable";
            case SERVFAIL -> "SERVFAIL";
            default -> answer.status().name();
        };
        return answer.detail().isEmpty() ? s : s + ": " + answer.detail();
    }
}
