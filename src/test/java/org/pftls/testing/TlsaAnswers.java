package org.pftls.testing;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.pftls.engine.dane.TlsaData;
import org.pftls.engine.ports.DnsLookup;

/**
 * A resolver for unit tests that answers every TLSA question with the answer the test set, and
 * records the names asked (the deploy guard and verify --dns against real DNS servers are tested
 * in DaneIT).
 */
public final class TlsaAnswers implements DnsLookup {
    public final List<String> asked = new ArrayList<>();
    /** The names asked with DNSSEC validation (verify --dns asks so; the deploy guard does not). */
    public final List<String> validated = new ArrayList<>();
    private TlsaAnswer answer;

    /** Answers with these records ("U S M HEX" each). */
    public static TlsaAnswers published(String... records) {
        TlsaAnswers a = new TlsaAnswers();
        a.answer = new TlsaAnswer(Status.ANSWER, records(records), Dnssec.UNCHECKED, false, "");
        return a;
    }

    /** Answers with these records, DNSSEC-validated (no records: a validated NODATA). */
    public static TlsaAnswers secure(String... records) {
        TlsaAnswers a = new TlsaAnswers();
        a.publishSecure(records);
        return a;
    }

    /** From now on answers with these records, DNSSEC-validated (e.g. once the test knows the keys). */
    public synchronized TlsaAnswers publishSecure(String... records) {
        answer = new TlsaAnswer(records.length == 0 ? Status.NODATA : Status.ANSWER, records(records), Dnssec.SECURE,
                true, "");
        return this;
    }

    private static List<TlsaData> records(String... records) {
        List<TlsaData> list = new ArrayList<>();
        for (String r : records) {
            String[] f = r.split(" ");
            list.add(new TlsaData(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    HexFormat.of().parseHex(f[3])));
        }
        return list;
    }

    /** Never answers (the resolver cannot be asked). */
    public static TlsaAnswers timeout() {
        TlsaAnswers a = new TlsaAnswers();
        a.answer = new TlsaAnswer(Status.TIMEOUT, List.of(), Dnssec.UNCHECKED, false, "no answer within 2.0 s");
        return a;
    }

    @Override
    public String resolver() {
        return "test resolver";
    }

    @Override
    public synchronized TlsaAnswer tlsa(String name, boolean validate) {
        if (validate) {
            validated.add(name);
        }
        asked.add(name);
        return answer;
    }

    @Override
    public Reply ask(String name, String type, boolean checkingDisabled) {
        throw new AssertionError("the deploy guard and verify ask only for TLSA records");
    }
}
