package org.pftls.engine.ports;

import java.util.List;
import java.util.Objects;
import org.pftls.engine.dane.TlsaData;

/**
 * DNS look-ups through one resolver (the system's, or one given with {@code --resolver}), each
 * bounded by the adapter's timeout; never throws for what the network or the resolver does.
 */
public interface DnsLookup {

    /** How a query ended. */
    enum Status {
        /** NOERROR with records of the type asked for. */
        ANSWER,
        /** NOERROR without such records. */
        NODATA,
        NXDOMAIN,
        /** SERVFAIL: among other things, what a validating resolver answers for bogus data. */
        SERVFAIL,
        /** REFUSED or another error code. */
        REFUSED,
        /** No answer within the timeout. */
        TIMEOUT,
        /** The resolver could not be asked at all (network error). */
        UNREACHABLE;

        /** Whether the resolver gave a usable answer (records or their absence). */
        public boolean answered() {
            return this == ANSWER || this == NODATA || this == NXDOMAIN;
        }
    }

    /** What pftls's own DNSSEC validation (from its trust anchor) made of an answer. */
    enum Dnssec {
        /** Validated from the trust anchor. */
        SECURE,
        /** Provably unsigned (or outside the trust anchor). */
        INSECURE,
        /** Signed, but the signatures do not validate. */
        BOGUS,
        /** Not checked (or the validation could not finish). */
        UNCHECKED
    }

    /**
     * The TLSA records at a name.
     *
     * @param status     how the (non-validating) query ended
     * @param records    the TLSA records (also those of a bogus answer, fetched with checking disabled)
     * @param dnssec     pftls's own validation, when asked for
     * @param resolverAd whether the resolver set the AD bit (it validated, or claims to)
     * @param detail     the error or the validator's reason, for people (may be empty)
     */
    record TlsaAnswer(Status status, List<TlsaData> records, Dnssec dnssec, boolean resolverAd, String detail) {
        public TlsaAnswer {
            Objects.requireNonNull(status, "status");
            records = List.copyOf(records);
            Objects.requireNonNull(dnssec, "dnssec");
            detail = detail == null ? "" : detail;
        }
    }

    /**
     * The reply to one query.
     *
     * @param status        how it ended
     * @param authenticated whether the AD bit was set
     * @param detail        the error, for people (may be empty)
     */
    record Reply(Status status, boolean authenticated, String detail) {
        public Reply {
            Objects.requireNonNull(status, "status");
            detail = detail == null ? "" : detail;
        }
    }

    /** The resolver, for messages: e.g. {@code 127.0.0.1:53} or {@code 10.0.0.1 (from /etc/resolv.conf)}. */
    String resolver();

    /** The TLSA records of {@code name}; validated from the trust anchor when {@code validate}. */
    TlsaAnswer tlsa(String name, boolean validate);

    /**
     * One recursive query with the DNSSEC OK bit, as Postfix's resolver asks (type e.g. {@code NS},
     * {@code A}); with the CD bit when {@code checkingDisabled}.
     */
    Reply ask(String name, String type, boolean checkingDisabled);
}
