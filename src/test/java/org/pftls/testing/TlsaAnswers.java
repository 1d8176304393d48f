package org.pftls.testing;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.pftls.engine.dane.TlsaData;
import org.pftls.engine.ports.DnsLookup;

/**
 * A resolver for unit tests that answers every TLSA question with the answer the test set, and
 * records the names asked (the deploy guard against real DNS servers is tested in DaneIT).
 */
public final class TlsaAnswers implements DnsLookup {
    public final List<String> asked = new ArrayList<>();
    private TlsaAnswer answer;

    /** Answers with these records ("U S M HEX" each). */
    public static TlsaAnswers published(String... records) {
        List<TlsaData> list = new ArrayList<>();
        for (String r : records) {
            String[] f = r.split(" ");
            list.add(new TlsaData(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    HexFormat.of().parseHex(f[3])));
        }
        TlsaAnswers a = new TlsaAnswers();
        a.answer = new TlsaAnswer(Status.ANSWER, list, Dnssec.UNCHECKED, false, "");
        return a;
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
        asked.add(name);
        return answer;
    }

    @Override
    public Reply ask(String name, String type, boolean checkingDisabled) {
        throw new AssertionError("the deploy guard asks only for TLSA records");
    }
}
