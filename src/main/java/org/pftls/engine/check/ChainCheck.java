package org.pftls.engine.check;

import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.CertificateFiles;
import org.pftls.engine.crypto.CertificateSummary;
import org.pftls.engine.crypto.KeyAlgorithm;
import org.pftls.engine.crypto.KeyFiles;
import org.pftls.engine.crypto.LoadedKey;
import org.pftls.engine.crypto.PublicKeys;
import org.pftls.engine.crypto.Tlsa;

/**
 * The one check of a certificate chain file and its private key, used by {@code deploy-server-cert},
 * both wizards and {@code status}: a pure function of the files as read ({@link ChainFiles}), the
 * time and myhostname, returning findings as data (the same one-line messages everywhere).
 *
 * <p>Problems (a deploy refuses them): an unreadable or unusable file; a first certificate that is
 * not the key's ("wrong order" when a later one is); a certificate not issued by the next one, or
 * whose signature does not verify with the next one's key; a CA certificate first; an RSA key under
 * 2048 bits or a curve other than P-256, P-384, P-521; a key file others may read (Debian's
 * {@code ssl-cert} 0640 excepted); an expired or not yet valid server or intermediate certificate
 * (these two {@code --force} overrides). Warnings: a CA-issued certificate with no intermediate after
 * it, DNS names that do not cover myhostname, an end of validity within 30 days, an expired root.
 */
public final class ChainCheck {
    /** The smallest RSA key accepted. */
    public static final int MIN_RSA_BITS = 2048;

    private ChainCheck() {
    }

    /**
     * What the check needs besides the files.
     *
     * @param now            the time to check validity at
     * @param myhostname     Postfix's myhostname, when it is known (no name check otherwise)
     * @param deploying      true for a deploy (refusals that --force overrides say so)
     * @param certbotLineage the certbot certificate name when the certificate file is in certbot's
     *                       {@code live/NAME/} (renewal advice names it)
     */
    public record Context(Instant now, Optional<String> myhostname, boolean deploying,
                          Optional<String> certbotLineage) {
    }

    public static ChainVerdict check(ChainFiles files, Context context) {
        List<Finding> findings = new ArrayList<>();
        LoadedKey key = null;
        Path keyPath = files.key().map(ChainFiles.FileRead::path).orElse(null);
        if (files.key().isPresent()) {
            key = readKey(files.key().get(), findings);
        }
        List<X509Certificate> chain = null;
        String certPath = files.certificate().map(f -> f.path().toString()).orElse("");
        if (files.certificate().isPresent()) {
            chain = readChain(files.certificate().get(), findings);
        }
        List<ChainLink> links = List.of();
        Optional<CertificateSummary> summary = Optional.empty();
        Optional<Boolean> matches = Optional.empty();
        if (chain != null) {
            X509Certificate leaf = chain.get(0);
            summary = Optional.of(CertificateSummary.of(leaf));
            if (key != null) {
                matches = Optional.of(PublicKeys.sameKey(leaf.getPublicKey(), key.keyPair().getPublic()));
            }
            // One wording per problem, whether the key is known or not (the wizard checks the
            // certificate field alone): the links name a wrong order first; the key only when they cannot.
            ChainLinks.Result linked = ChainLinks.of(chain, certPath);
            links = linked.links();
            boolean linksShowOrder = linked.findings().stream().anyMatch(f -> f.code().equals("chain-wrong-order"));
            if (matches.equals(Optional.of(false))) {
                Finding notTheKey = notTheKey(chain, key, certPath, keyPath.toString());
                if (!(linksShowOrder && notTheKey.code().equals("chain-wrong-order"))) {
                    findings.add(notTheKey);
                }
            }
            for (Finding f : linked.findings()) {
                if (findings.stream().noneMatch(g -> g.code().equals(f.code()))) {
                    findings.add(f);
                }
            }
            // When the first certificate is not the server's, findings about "its" key and names would mislead.
            boolean firstIsServer = findings.stream().noneMatch(f -> f.code().equals("chain-wrong-order")
                    || f.code().equals("cert-is-ca"));
            if (firstIsServer) {
                strength(leaf.getPublicKey(), "the certificate in " + certPath + " has", findings);
            } else if (key != null) {
                strength(key.keyPair().getPublic(), "the private key " + keyPath + " is", findings);
            }
            String force = context.deploying() ? ", or deploy it anyway with --force" : "";
            findings.addAll(ValidityCheck.of(links, certPath, context.now(), renewal(leaf, context), force));
            if (chain.size() == 1 && !ChainLinks.selfIssued(leaf)) {
                findings.add(new Finding(Severity.WARNING, "intermediate-missing", "the certificate in " + certPath
                        + " was issued by " + ChainLinks.issuer(leaf) + ", but no intermediate certificate follows"
                        + " it, so clients that do not have that CA certificate cannot verify it; deploy the full"
                        + " chain (certbot: fullchain.pem, not cert.pem)"));
            }
            if (context.myhostname().isPresent() && firstIsServer) {
                NameCheck.of(summary.get().dnsNames(), context.myhostname().get(), certPath)
                        .ifPresent(findings::add);
            }
        }
        if (key != null && chain == null) {
            strength(key.keyPair().getPublic(), "the private key " + keyPath + " is", findings);
        }
        if (files.key().isPresent() && files.key().get().bytes().isPresent()) {
            files.key().get().info().flatMap(info -> KeyFileCheck.check(keyPath, info)).ifPresent(findings::add);
        }
        findings.sort(Comparator.comparing(Finding::severity)
                .thenComparing(f -> ChainVerdict.FORCIBLE.contains(f.code())));
        Optional<PublicKey> publicKey = key != null ? Optional.of(key.keyPair().getPublic())
                : chain != null ? Optional.of(chain.get(0).getPublicKey()) : Optional.empty();
        return new ChainVerdict(findings, links, publicKey.map(k -> new ChainVerdict.KeyInfo(PublicKeys.algorithmOf(k),
                PublicKeys.describe(k), PublicKeys.bits(k), Tlsa.spkiSha256Hex(k))), summary, matches);
    }

    private static LoadedKey readKey(ChainFiles.FileRead file, List<Finding> findings) {
        if (file.unreadable().isPresent()) {
            findings.add(new Finding(Severity.PROBLEM, "key-unreadable", file.unreadable().get()));
            return null;
        }
        try {
            return KeyFiles.readPrivateKey(file.bytes().orElseThrow(), file.path().toString());
        } catch (PftlsException e) {
            findings.add(new Finding(Severity.PROBLEM, "key-unusable", e.getMessage()));
            return null;
        }
    }

    private static List<X509Certificate> readChain(ChainFiles.FileRead file, List<Finding> findings) {
        if (file.unreadable().isPresent()) {
            findings.add(new Finding(Severity.PROBLEM, "cert-unreadable", file.unreadable().get()));
            return null;
        }
        try {
            return CertificateFiles.readCertificates(file.bytes().orElseThrow(), file.path().toString());
        } catch (PftlsException e) {
            findings.add(new Finding(Severity.PROBLEM, "cert-unusable", e.getMessage()));
            return null;
        }
    }

    /** The first certificate is not the key's: a later one is ("wrong order"), or none is. */
    private static Finding notTheKey(List<X509Certificate> chain, LoadedKey key, String certPath, String keyPath) {
        PublicKey mine = key.keyPair().getPublic();
        for (int i = 1; i < chain.size(); i++) {
            if (PublicKeys.sameKey(chain.get(i).getPublicKey(), mine)) {
                return new Finding(Severity.PROBLEM, "chain-wrong-order", "certificates in " + certPath
                        + " are in the wrong order: certificate " + (i + 1) + " (" + ChainLinks.subject(chain.get(i))
                        + ") is the one for the key in " + keyPath + "; the server certificate must come first,"
                        + " then its issuers (certbot's fullchain.pem is in this order)");
            }
        }
        PublicKey theirs = chain.get(0).getPublicKey();
        return new Finding(Severity.PROBLEM, "key-mismatch", "Certificate in " + certPath + " does not match key in "
                + keyPath + ": give the key the certificate was made for, or a certificate issued for this key"
                + " (SHA-256 of the certificate's public key: " + Tlsa.spkiSha256Hex(theirs) + ", "
                + PublicKeys.describe(theirs) + "; of the private key's: " + Tlsa.spkiSha256Hex(mine) + ", "
                + PublicKeys.describe(mine) + ")");
    }

    /** An RSA key under 2048 bits, or an EC key on a curve other than P-256, P-384, P-521. */
    private static void strength(PublicKey key, String what, List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.code().equals("key-too-weak"))) {
            return;
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            findings.add(new Finding(Severity.PROBLEM, "key-too-weak", what + " an RSA key of only "
                    + rsa.getModulus().bitLength() + " bits; make a key of " + MIN_RSA_BITS + " bits or more"
                    + " (pftls new-server-key) and get a certificate for it"));
        } else if (key instanceof ECPublicKey ec && PublicKeys.curveOf(ec).isEmpty()) {
            findings.add(new Finding(Severity.PROBLEM, "key-too-weak", what + " an EC key on "
                    + PublicKeys.describe(ec).substring("ECDSA ".length()) + "; use P-256, P-384 or P-521"
                    + " (pftls new-server-key -a ecdsa) and get a certificate for it"));
        } else if (PublicKeys.algorithmOf(key).isEmpty()) {
            findings.add(new Finding(Severity.PROBLEM, "key-too-weak", what + " a " + key.getAlgorithm()
                    + " key, which postfix tls does not manage; use an RSA or ECDSA key (pftls new-server-key)"));
        }
    }

    /** How to renew the server certificate: certbot's lineage, a new self-signed one, or the CA. */
    private static String renewal(X509Certificate leaf, Context context) {
        if (context.certbotLineage().isPresent()) {
            return "renew it with: certbot renew --cert-name " + context.certbotLineage().get();
        }
        if (ChainLinks.selfIssued(leaf)) {
            String algorithm = PublicKeys.algorithmOf(leaf.getPublicKey()).map(KeyAlgorithm::postfixName).orElse("rsa");
            return "make a new one with: pftls new-server-cert -a " + algorithm;
        }
        return "renew it with your CA and deploy the renewed certificate";
    }
}
