package org.pftls.engine.check;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.pftls.engine.crypto.PublicKeys;

/**
 * How the certificates of a chain file are linked: each must be issued by the next one (same issuer
 * name, and a signature that verifies with the next one's public key). Tells a chain in the wrong
 * order (a reorder of the same certificates would fix it) from a foreign certificate.
 */
final class ChainLinks {
    /** The links, and at most one finding about them (the first broken link). */
    record Result(List<ChainLink> links, List<Finding> findings) {
    }

    private ChainLinks() {
    }

    static Result of(List<X509Certificate> chain, String path) {
        List<ChainLink> links = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            ChainLink.Link link;
            String text;
            if (i + 1 == chain.size()) {
                if (selfIssued(c)) {
                    link = ChainLink.Link.SELF_SIGNED;
                    text = "self-signed" + (i > 0 ? " (a root: clients use their own copy)" : "");
                } else {
                    link = ChainLink.Link.ISSUER_NOT_IN_FILE;
                    text = "issued by " + issuer(c) + ", which is not in the file (clients must have it)";
                }
            } else {
                X509Certificate next = chain.get(i + 1);
                int n = i + 2;
                if (!sameName(c.getIssuerX500Principal(), next.getSubjectX500Principal())) {
                    link = ChainLink.Link.NOT_ISSUED_BY_NEXT;
                    text = "NOT issued by certificate " + n + " (" + subject(next) + ")";
                    if (findings.isEmpty()) {
                        findings.add(notIssued(chain, i, path));
                    }
                } else {
                    try {
                        c.verify(next.getPublicKey());
                        link = ChainLink.Link.SIGNED_BY_NEXT;
                        text = "signed by certificate " + n + " (signature verified)";
                    } catch (SignatureException | InvalidKeyException e) {
                        link = ChainLink.Link.NOT_SIGNED_BY_NEXT;
                        text = "NOT signed by certificate " + n + ", although it names it as issuer";
                        if (findings.isEmpty()) {
                            findings.add(new Finding(Severity.PROBLEM, "chain-bad-signature", "certificate " + (i + 1)
                                    + " in " + path + " (" + subject(c) + ") is not signed by certificate " + n + " ("
                                    + subject(next) + "), although it names it as its issuer (the signature does not"
                                    + " verify); get the right intermediate certificate from your CA"));
                        }
                    } catch (GeneralSecurityException | RuntimeException e) {
                        link = ChainLink.Link.SIGNATURE_UNCHECKED;
                        text = "names certificate " + n + " as issuer; signature not checked (" + c.getSigAlgName()
                                + " is not supported here)";
                        findings.add(new Finding(Severity.WARNING, "signature-unchecked", "the signature of"
                                + " certificate " + (i + 1) + " in " + path + " (" + c.getSigAlgName()
                                + ") cannot be checked here; check the chain with: openssl verify -untrusted "
                                + path + " " + path));
                    }
                }
            }
            ChainLink.Role role = i == 0 ? ChainLink.Role.SERVER
                    : selfIssued(c) ? ChainLink.Role.ROOT : ChainLink.Role.INTERMEDIATE;
            links.add(new ChainLink(i + 1, role, subject(c), issuer(c), c.getNotBefore().toInstant(),
                    c.getNotAfter().toInstant(), PublicKeys.describe(c.getPublicKey()), link, text));
        }
        if (findings.stream().noneMatch(f -> f.severity() == Severity.PROBLEM) && chain.size() > 1
                && chain.get(0).getBasicConstraints() >= 0) {
            findings.add(new Finding(Severity.PROBLEM, "cert-is-ca", "certificate 1 in " + path + " ("
                    + subject(chain.get(0)) + ") is a CA certificate, not a server certificate; the server"
                    + " certificate must come first, then its issuers"));
        }
        return new Result(List.copyOf(links), List.copyOf(findings));
    }

    /** Certificate {@code i + 2} did not issue certificate {@code i + 1}: wrong order, or a foreign certificate. */
    private static Finding notIssued(List<X509Certificate> chain, int i, String path) {
        X509Certificate c = chain.get(i);
        X509Certificate next = chain.get(i + 1);
        if (reorderable(chain, i)) {
            return new Finding(Severity.PROBLEM, "chain-wrong-order", "certificates in " + path
                    + " are in the wrong order: certificate " + (i + 2) + " (" + subject(next)
                    + ") did not issue certificate " + (i + 1) + " (" + subject(c)
                    + "); the server certificate must come first, then its issuers");
        }
        return new Finding(Severity.PROBLEM, "chain-broken", "certificate " + (i + 2) + " in " + path + " ("
                + subject(next) + ") did not issue certificate " + (i + 1) + " (" + subject(c) + ", issued by "
                + issuer(c) + "); give the chain your CA sent: the server certificate, then the CA certificate"
                + " that issued it, then that one's issuer");
    }

    /** Whether another certificate in the file is the issuer of certificate i, or was issued by it. */
    private static boolean reorderable(List<X509Certificate> chain, int i) {
        X509Certificate c = chain.get(i);
        for (int j = 0; j < chain.size(); j++) {
            X509Certificate other = chain.get(j);
            if (j == i) {
                continue;
            }
            if (j > i + 1 && sameName(other.getSubjectX500Principal(), c.getIssuerX500Principal())) {
                return true;
            }
            if (j > i && sameName(other.getIssuerX500Principal(), c.getSubjectX500Principal()) && !selfIssued(other)) {
                return true;
            }
        }
        return false;
    }

    static boolean selfIssued(X509Certificate c) {
        return sameName(c.getIssuerX500Principal(), c.getSubjectX500Principal());
    }

    /**
     * RFC 5280 name matching. CAs copy the issuer name byte for byte, so the DER comparison answers
     * almost always. Names whose texts differ beyond case and spaces (as OpenSSL compares them) are
     * different; only the rest are compared canonically by the JDK, whose Unicode normalisation
     * tables cost milliseconds to load at every start.
     */
    static boolean sameName(X500Principal a, X500Principal b) {
        if (Arrays.equals(a.getEncoded(), b.getEncoded())) {
            return true;
        }
        return simplified(a).equals(simplified(b)) && a.equals(b);
    }

    private static String simplified(X500Principal name) {
        return name.getName().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    static String issuer(X509Certificate c) {
        return c.getIssuerX500Principal().getName();
    }
}
