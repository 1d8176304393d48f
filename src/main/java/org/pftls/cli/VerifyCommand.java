package org.pftls.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pftls.adapters.JdkStarttlsProbe;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.UntrustedText;
import org.pftls.engine.crypto.HostNames;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.tls.Instance;
import org.pftls.engine.verify.Verifier;
import org.pftls.engine.verify.VerifyHistory;
import org.pftls.engine.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** verify: what the running server serves, compared with what is deployed (pftls addition). */
@Command(name = "verify", description = {"Connect to the running SMTP server (default: 127.0.0.1 and the port of"
        + " master.cf's smtp service), send EHLO and STARTTLS, and make one TLS handshake per deployed algorithm"
        + " (offering only RSA or only ECDSA signatures). Report whether the served key, certificate and chain are"
        + " the deployed ones, the protocol and cipher, and whether the TLSA 3 1 1 records of the deployed keys"
        + " match; with --dns, also the TLSA records DNS publishes and whether they are DNSSEC-validated. The result"
        + " is recorded in pftls-history.log (main.cf is not changed; --no-record writes nothing). Exit status 0 when everything matches,"
        + " 1 otherwise."})
final class VerifyCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls verify [--host H] [--port P] [--timeout S] [--dns [--resolver ADDR[:PORT]]"
            + " [--trust-anchor FILE] [--tlsa-host NAME]] [--json] [--no-record]";
    private static final double MAX_TIMEOUT = 300;

    @Option(names = "--host", paramLabel = "H", description = "Connect to this host (default: 127.0.0.1, or the"
            + " address master.cf's smtp service listens on).")
    String host;

    @Option(names = "--port", paramLabel = "P", description = "Connect to this port (default: the port of master.cf's"
            + " smtp service, else 25).")
    Integer port;

    @Option(names = "--timeout", paramLabel = "S", description = "Give each step at most S seconds (default 10).")
    String timeout = "10";

    @Option(names = "--dns", description = "Also look up the TLSA records of _25._tcp.HOST and validate them (DNSSEC).")
    boolean dns;

    @Mixin
    ResolverOption resolver;

    @Option(names = "--trust-anchor", paramLabel = "FILE", description = "DNSSEC trust anchor: DS or DNSKEY records in"
            + " zone-file format (default: /usr/share/dns/root.key, else the root's built into pftls).")
    String trustAnchor;

    @Option(names = "--tlsa-host", paramLabel = "NAME", description = "Host name of the TLSA records (default: myhostname).")
    String tlsaHost;

    @Option(names = "--json", description = "Print the result as one JSON object (see README).")
    boolean json;

    @Option(names = "--no-record", description = "Do not record the result in pftls-history.log: write nothing at"
            + " all (read-only audits, e.g. the Ansible module tls_info).")
    boolean noRecord;

    private final CommandContext ctx;

    VerifyCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Duration bound = timeout(timeout);
        if (port != null && (port < 1 || port > 65535)) {
            throw new PftlsException(Kind.USAGE, "bad --port " + port + "; give a port from 1 to 65535");
        }
        if (host != null && (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == 0x7f))) {
            throw new PftlsException(Kind.USAGE, "bad --host \"" + UntrustedText.escape(host) + "\"; give a host name"
                    + " or an IP address, e.g. --host 127.0.0.1 (or leave --host out for the local server)");
        }
        if (tlsaHost != null && tlsaHost.isBlank()) {
            throw new PftlsException(Kind.USAGE, "bad --tlsa-host \"" + UntrustedText.escape(tlsaHost) + "\"; give a host"
                    + " name, e.g. --tlsa-host mail.example.org"
                    + " (or leave it out for myhostname)");
        }
        if (tlsaHost != null) {
            HostNames.validate(tlsaHost); // as output-server-tlsa -h checks it
        }
        if (!dns && (resolver.given() || trustAnchor != null)) {
            throw new PftlsException(Kind.USAGE, "--resolver and --trust-anchor only go with --dns; use them with --dns");
        }
        Path anchor = trustAnchor == null ? null : Path.of(trustAnchor).toAbsolutePath();
        if (anchor != null && !ctx.ports().files().isReadable(anchor)) {
            throw new PftlsException(Kind.INPUT, "cannot read the trust anchor file " + anchor
                    + "; give a readable file of DS or DNSKEY records with --trust-anchor");
        }
        Optional<DnsLookup> lookup = dns ? Optional.of(resolver.lookup(bound, anchor)) : Optional.empty();
        Instance instance = ctx.engine().instance();
        VerifyReport report = new Verifier(instance, new JdkStarttlsProbe()).verify(new Verifier.Request(
                Optional.ofNullable(host), Optional.ofNullable(port), bound, Optional.ofNullable(tlsaHost), lookup));
        String notRecorded = noRecord ? "not asked to (--no-record)" : record(instance, report).orElse(null);
        if (json) {
            org.pftls.cli.json.VerifyJson.write(report, notRecorded, ctx.out());
        } else {
            ctx.printLines(VerifyText.lines(report));
        }
        if (notRecorded != null && !noRecord) {
            ctx.err().println("pftls: warning: the result was not recorded in the history: " + notRecorded);
        }
        return report.ok() ? 0 : 1;
    }

    private Optional<String> record(Instance instance, VerifyReport report) {
        byte[] mainCf;
        try {
            mainCf = ctx.ports().files().read(instance.mainCfPath());
        } catch (IOException e) {
            return Optional.of("cannot read " + instance.mainCfPath() + ": " + IoMessages.reason(e));
        }
        return VerifyHistory.record(ctx.ports().files(), instance.configDirectory(),
                VerifyHistory.entry(report, mainCf, command(instance)));
    }

    private List<String> command(Instance instance) {
        List<String> c = new ArrayList<>(List.of("pftls", "-c", instance.configDirectory().toString(), "verify"));
        if (host != null) {
            c.addAll(List.of("--host", host));
        }
        if (port != null) {
            c.addAll(List.of("--port", port.toString()));
        }
        if (dns) {
            c.add("--dns");
        }
        if (resolver.given()) {
            c.addAll(List.of("--resolver", resolver.resolver));
        }
        if (tlsaHost != null) {
            c.addAll(List.of("--tlsa-host", tlsaHost));
        }
        return c;
    }

    static Duration timeout(String text) throws PftlsException {
        double seconds = text.matches("[0-9]{1,6}(\\.[0-9]{1,3})?") ? Double.parseDouble(text) : -1;
        if (!(seconds > 0 && seconds <= MAX_TIMEOUT)) {
            throw new PftlsException(Kind.USAGE, "bad --timeout " + text + "; give seconds, more than 0 and at most "
                    + (int) MAX_TIMEOUT + " (e.g. 10 or 0.5)");
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }
}
