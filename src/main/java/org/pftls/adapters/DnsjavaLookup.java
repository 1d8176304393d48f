package org.pftls.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pftls.engine.dane.TlsaData;
import org.pftls.engine.ports.DnsLookup;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * {@link DnsLookup} on dnsjava: plain recursive queries with the DNSSEC OK bit (as Postfix's
 * resolver asks, so the AD bit means what it means to Postfix), and dnsjava's
 * {@link ValidatingResolver}, which checks the DNSSEC chain itself from a trust anchor (the
 * root's, or the one given with {@code --trust-anchor}), trusting nothing the resolver says about
 * it. Every query is bounded by the timeout, the validation's follow-up queries included.
 */
public final class DnsjavaLookup implements DnsLookup {
    /** Where Debian's dns-root-data package keeps the root trust anchor. */
    public static final Path SYSTEM_ROOT_ANCHOR = Path.of("/usr/share/dns/root.key");
    private static final String BUILTIN_ROOT_ANCHOR = "/org/pftls/adapters/root-anchor.txt";

    private final List<InetSocketAddress> servers;
    private final String description;
    private final Duration timeout;
    private final Path trustAnchor;

    private DnsjavaLookup(List<InetSocketAddress> servers, String description, Duration timeout, Path trustAnchor) {
        this.servers = List.copyOf(servers);
        this.description = description;
        this.timeout = timeout;
        this.trustAnchor = trustAnchor;
    }

    /**
     * The resolver at {@code address} ({@code ADDR}, {@code ADDR:PORT} or {@code [V6ADDR]:PORT}; an
     * IP address), or the system's (from /etc/resolv.conf) when null.
     *
     * @param trustAnchor DS or DNSKEY records in zone-file format, or null for the root's
     */
    public static DnsjavaLookup of(String address, Duration timeout, Path trustAnchor) {
        if (address != null) {
            InetSocketAddress server = parseAddress(address);
            return new DnsjavaLookup(List.of(server), address, timeout, trustAnchor);
        }
        return system(timeout, trustAnchor).get(0);
    }

    /** The system resolver: every name server of /etc/resolv.conf, asked as one (as the C library does). */
    public static List<DnsjavaLookup> system(Duration timeout, Path trustAnchor) {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        String names = String.join(", ", servers.stream().map(DnsjavaLookup::show).toList());
        return List.of(new DnsjavaLookup(servers, names + " (from /etc/resolv.conf)", timeout, trustAnchor));
    }

    /** Each name server of /etc/resolv.conf on its own: Postfix may ask any of them. */
    public static List<DnsjavaLookup> systemEach(Duration timeout, Path trustAnchor) {
        List<DnsjavaLookup> each = new ArrayList<>();
        for (InetSocketAddress s : ResolverConfig.getCurrentConfig().servers()) {
            each.add(new DnsjavaLookup(List.of(s), show(s) + " (from /etc/resolv.conf)", timeout, trustAnchor));
        }
        return each;
    }

    /** {@code ADDR}, {@code ADDR:PORT}, {@code [V6]:PORT} or a bare IPv6 address; IP addresses only. */
    public static InetSocketAddress parseAddress(String address) {
        String host = address;
        int port = SimpleResolver.DEFAULT_PORT;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ] in " + address);
            }
            host = address.substring(1, close);
            String rest = address.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("expected :PORT after ] in " + address);
                }
                port = port(rest.substring(1), address);
            }
        } else if (address.indexOf(':') == address.lastIndexOf(':') && address.indexOf(':') >= 0) {
            host = address.substring(0, address.indexOf(':'));
            port = port(address.substring(address.indexOf(':') + 1), address);
        }
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("not an IP address: " + host);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port); // a literal: no look-up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + host, e);
        }
    }

    private static int port(String text, String address) {
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) == 0 || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException("bad port in " + address);
        }
        return Integer.parseInt(text);
    }

    private static String show(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        String h = host.contains(":") ? "[" + host + "]" : host;
        return a.getPort() == SimpleResolver.DEFAULT_PORT ? host : h + ":" + a.getPort();
    }

    @Override
    public String resolver() {
        return description;
    }

    @Override
    public TlsaAnswer tlsa(String name, boolean validate) {
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.TLSA, DClass.IN));
        } catch (TextParseException e) {
            return new TlsaAnswer(Status.REFUSED, List.of(), Dnssec.UNCHECKED, false, "not a DNS name: " + name);
        }
        Answer plain = send(plainResolver(), query);
        Dnssec dnssec = Dnssec.UNCHECKED;
        String detail = plain.detail;
        List<TlsaData> records = plain.message == null ? List.of() : tlsaRecords(plain.message);
        if (validate) {
            Answer checked;
            try {
                checked = send(validatingResolver(), query.clone());
            } catch (IOException e) {
                return new TlsaAnswer(plain.status, records, Dnssec.UNCHECKED, plain.ad(),
                        "cannot read the trust anchor: " + e.getMessage());
            }
            if (checked.message != null && checked.message.getHeader().getFlag(Flags.AD)) {
                dnssec = Dnssec.SECURE;
            } else if (checked.status == Status.SERVFAIL && checked.message != null) {
                dnssec = Dnssec.BOGUS;
                detail = reason(checked.message);
            } else if (checked.status.answered()) {
                dnssec = Dnssec.INSECURE;
            } else {
                detail = checked.detail;
            }
            if (plain.status == Status.SERVFAIL && dnssec == Dnssec.BOGUS) {
                Message cd = query.clone();
                cd.getHeader().setFlag(Flags.CD);
                Answer unchecked = send(plainResolver(), cd);
                if (unchecked.message != null) {
                    records = tlsaRecords(unchecked.message);
                }
            }
        }
        return new TlsaAnswer(plain.status, records, dnssec, plain.ad(), detail);
    }

    @Override
    public Reply ask(String name, String type, boolean checkingDisabled) {
        Message query;
        try {
            int t = Type.value(type);
            if (t < 0) {
                return new Reply(Status.REFUSED, false, "unknown record type " + type);
            }
            query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), t, DClass.IN));
        } catch (TextParseException e) {
            return new Reply(Status.REFUSED, false, "not a DNS name: " + name);
        }
        if (checkingDisabled) {
            query.getHeader().setFlag(Flags.CD);
        }
        Answer a = send(plainResolver(), query);
        return new Reply(a.status, a.ad(), a.detail);
    }

    private Resolver plainResolver() {
        Resolver r = servers.size() == 1 ? new SimpleResolver(servers.get(0)) : extended();
        r.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
        r.setTimeout(timeout);
        return r;
    }

    private Resolver extended() {
        List<Resolver> each = new ArrayList<>();
        for (InetSocketAddress s : servers) {
            each.add(new SimpleResolver(s));
        }
        ExtendedResolver r = new ExtendedResolver(each);
        r.setRetries(1);
        return r;
    }

    private ValidatingResolver validatingResolver() throws IOException {
        Resolver head = servers.size() == 1 ? new SimpleResolver(servers.get(0)) : extended();
        head.setTimeout(timeout);
        ValidatingResolver v = new ValidatingResolver(head);
        v.setTimeout(timeout);
        v.setAddReasonToAdditional(true);
        try (InputStream in = anchorStream()) {
            v.loadTrustAnchors(in);
        }
        return v;
    }

    private InputStream anchorStream() throws IOException {
        if (trustAnchor != null) {
            return Files.newInputStream(trustAnchor);
        }
        if (Files.isReadable(SYSTEM_ROOT_ANCHOR)) {
            return Files.newInputStream(SYSTEM_ROOT_ANCHOR);
        }
        InputStream builtin = DnsjavaLookup.class.getResourceAsStream(BUILTIN_ROOT_ANCHOR);
        if (builtin == null) {
            throw new IOException("the built-in root trust anchor is missing from pftls.jar");
        }
        return builtin;
    }

    /** A query's result: the message (null when there was none) and how it ended. */
    private record Answer(Status status, Message message, String detail) {
        boolean ad() {
            return message != null && message.getHeader().getFlag(Flags.AD);
        }
    }

    private Answer send(Resolver resolver, Message query) {
        try {
            Message m = resolver.sendAsync(query).toCompletableFuture()
                    .get(timeout.toMillis() + 100, TimeUnit.MILLISECONDS);
            int rcode = m.getRcode();
            Status s;
            if (rcode == Rcode.NOERROR) {
                boolean any = m.getSection(Section.ANSWER).stream()
                        .anyMatch(r -> r.getType() == query.getQuestion().getType());
                s = any ? Status.ANSWER : Status.NODATA;
            } else if (rcode == Rcode.NXDOMAIN) {
                s = Status.NXDOMAIN;
            } else if (rcode == Rcode.SERVFAIL) {
                s = Status.SERVFAIL;
            } else {
                s = Status.REFUSED;
            }
            return new Answer(s, m, s.answered() ? "" : Rcode.string(rcode));
        } catch (TimeoutException e) {
            return new Answer(Status.TIMEOUT, null, "no answer within " + timeout.toMillis() / 1000.0 + " s");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            boolean timedOut = c instanceof java.net.SocketTimeoutException || c instanceof TimeoutException
                    || String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timed out");
            return new Answer(timedOut ? Status.TIMEOUT : Status.UNREACHABLE, null,
                    c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Status.TIMEOUT, null, "interrupted");
        }
    }

    private static List<TlsaData> tlsaRecords(Message m) {
        List<TlsaData> out = new ArrayList<>();
        for (Record r : m.getSection(Section.ANSWER)) {
            if (r instanceof TLSARecord t) {
                out.add(new TlsaData(t.getCertificateUsage(), t.getSelector(), t.getMatchingType(),
                        t.getCertificateAssociationData()));
            }
        }
        return out;
    }

    /** The validator's reason for a bogus answer (a TXT record it adds), or a generic one. */
    private static String reason(Message m) {
        for (Record r : m.getSection(Section.ADDITIONAL)) {
            if (r instanceof TXTRecord txt && r.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS) {
                return String.join(" ", txt.getStrings());
            }
        }
        return "the DNSSEC signatures do not validate";
    }
}
