package org.pftls.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyAlgorithm;

/**
 * What {@link ChainCheck} found: the findings (problems first, in the order they matter) and the
 * chain as data for a review screen.
 *
 * @param findings       every problem, warning and note, each one line with its fix
 * @param chain          the certificates of the certificate file, each with the check linking it to
 *                       the next (empty when there is no readable certificate file)
 * @param key            the private key (else the server certificate's public key), when one was read
 * @param certificate    the server certificate (the file's first), when the file could be read
 * @param keyMatches     whether the key belongs to the first certificate, when both could be read
 */
public record ChainVerdict(List<Finding> findings, List<ChainLink> chain, Optional<KeyInfo> key,
                           Optional<CertificateSummary> certificate, Optional<Boolean> keyMatches) {
    /**
     * The refusals that {@code --force} overrides: validity dates (and, by code, any other check
     * that declares itself overridable here). Never a mismatch, a broken chain, a weak or readable key.
     */
    public static final Set<String> FORCIBLE = Set.of("cert-expired", "cert-not-yet-valid");

    /**
     * The key a deploy would set, as a status report shows it.
     *
     * @param algorithm   rsa or ecdsa, empty for a key type postfix tls does not manage
     * @param description {@code RSA 2048 bits}, {@code ECDSA secp256r1}
     * @param bits        RSA modulus or EC field size
     * @param spkiSha256  lowercase hex SHA-256 of the public key (SubjectPublicKeyInfo; TLSA 3 1 1 data)
     */
    public record KeyInfo(Optional<KeyAlgorithm> algorithm, String description, int bits, String spkiSha256) {
    }

    public ChainVerdict {
        findings = List.copyOf(findings);
        chain = List.copyOf(chain);
    }

    public List<Finding> problems() {
        return of(Severity.PROBLEM);
    }

    public List<Finding> warnings() {
        return of(Severity.WARNING);
    }

    public List<Finding> notes() {
        return of(Severity.INFO);
    }

    /** True when nothing refuses it (there may be warnings). */
    public boolean usable() {
        return problems().isEmpty();
    }

    /** The problem a refusal names: the first one (forcible ones come last). */
    public Optional<Finding> firstProblem() {
        return problems().stream().findFirst();
    }

    /** This verdict with one more finding, placed after those of its severity. */
    public ChainVerdict with(Finding extra) {
        List<Finding> all = new ArrayList<>(findings);
        int at = 0;
        while (at < all.size() && all.get(at).severity().compareTo(extra.severity()) <= 0) {
            at++;
        }
        all.add(at, extra);
        return new ChainVerdict(all, chain, key, certificate, keyMatches);
    }

    /**
     * The deploy rule: refuses (CRYPTO, exit 1, with the first problem's line) unless every problem
     * is one {@code --force} overrides and {@code force} is given. Returns the warning lines to
     * print: what --force overrode first (saying so), then the warnings.
     */
    public List<String> enforce(boolean force) throws PftlsException {
        List<String> lines = new ArrayList<>();
        for (Finding p : problems()) {
            if (!force || !FORCIBLE.contains(p.code())) {
                throw new PftlsException(Kind.CRYPTO, p.text());
            }
            lines.add("--force: deploying despite: " + p.text());
        }
        warnings().forEach(w -> lines.add(w.text()));
        return lines;
    }

    private List<Finding> of(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }
}
