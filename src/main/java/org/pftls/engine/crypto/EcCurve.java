package org.pftls.engine.crypto;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three EC curves pftls makes and accepts: the ones the Postfix manual calls widely
 * interoperable. Names are OpenSSL's; aliases are what {@code openssl ecparam -name} also accepts.
 */
public enum EcCurve {
    /** NIST P-256, OpenSSL's prime256v1. The default. */
    SECP256R1("secp256r1", "1.2.840.10045.3.1.7", 256, List.of("prime256v1", "p-256")),
    /** NIST P-384. */
    SECP384R1("secp384r1", "1.3.132.0.34", 384, List.of("p-384")),
    /** NIST P-521. */
    SECP521R1("secp521r1", "1.3.132.0.35", 521, List.of("p-521"));

    private final String curveName;
    private final String oid;
    private final int orderBits;
    private final List<String> aliases;

    EcCurve(String curveName, String oid, int orderBits, List<String> aliases) {
        this.curveName = curveName;
        this.oid = oid;
        this.orderBits = orderBits;
        this.aliases = aliases;
    }

    /** The SEC name, e.g. {@code secp256r1}. */
    public String curveName() {
        return curveName;
    }

    /** The named-curve object identifier, dotted. */
    public String oid() {
        return oid;
    }

    /** Bit length of the group order: sets the width of the private key in SEC1 encoding. */
    public int orderBits() {
        return orderBits;
    }

    /** The curve for a name or alias, case-insensitively ({@code prime256v1} and {@code P-256} give secp256r1). */
    public static Optional<EcCurve> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (EcCurve curve : values()) {
            if (curve.curveName.equals(lower) || curve.aliases.contains(lower)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    /** The curve for a named-curve object identifier. */
    public static Optional<EcCurve> fromOid(String oid) {
        for (EcCurve curve : values()) {
            if (curve.oid.equals(oid)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }
}
