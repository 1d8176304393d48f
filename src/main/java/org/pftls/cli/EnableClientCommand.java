package org.pftls.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pftls.adapters.DnsjavaLookup;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.dane.DaneClient;
import org.pftls.engine.dane.ResolverValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** enable-client [-r randsource] [--dane ...]. */
@Command(name = "enable-client", description = {"Enable opportunistic TLS in the Postfix SMTP client, if all SMTP"
        + " client TLS settings are at their default values. Otherwise, suggest parameter settings without making"
        + " any changes.", "With --dane: first check that the resolver Postfix uses validates DNSSEC (the AD bit on a"
        + " signed name, a deliberately broken name refused), then set smtp_tls_security_level = dane (keeping a"
        + " stricter level) and smtp_dns_support_level = dnssec; if it does not validate, change nothing."})
final class EnableClientCommand implements Callable<Integer> {
    static final String SYNOPSIS = "pftls enable-client [-r randsource] [--merge] [--dane [--resolver ADDR[:PORT]]"
            + " [--dnssec-probe TYPE:NAME] [--dnssec-bogus NAME]]";
    /** Each DNS question of the resolver check may take this long (the wizards' check too). */
    static final Duration DNS_TIMEOUT = Duration.ofSeconds(5);

    @Option(names = "-r", paramLabel = "randsource", description = "Set tls_random_source, e.g. dev:/dev/urandom.")
    String randSource;

    @Mixin
    DryRunOption dryRun;

    @Option(names = "--merge", description = "On an instance whose client TLS settings are not all default:"
            + " change only what is missing (the security level only when TLS is off; may, dane, encrypt,"
            + " verify, secure are kept; a working session cache is kept), printing each parameter kept,"
            + " changed or added with the reason. Without it, such an instance is left alone.")
    boolean merge;

    @Option(names = "--dane", description = "Enable DANE (after checking that the resolver validates DNSSEC).")
    boolean dane;

    @Mixin
    ResolverOption dns;

    @Option(names = "--dnssec-probe", paramLabel = "TYPE:NAME", description = "A signed name whose answer must carry"
            + " the AD bit (default: main.cf's dnssec_probe, else ns:.).")
    String dnssecProbe;

    @Option(names = "--dnssec-bogus", paramLabel = "NAME", description = "A name with deliberately broken signatures"
            + " that a validating resolver refuses (default: " + ResolverValidation.DEFAULT_BOGUS + ").")
    String dnssecBogus;

    @Mixin
    JsonOption json;

    private final CommandContext ctx;

    EnableClientCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (!dane) {
            if (dns.given() || dnssecProbe != null || dnssecBogus != null) {
                throw new PftlsException(Kind.USAGE, "--resolver, --dnssec-probe and --dnssec-bogus only go with"
                        + " --dane; use them with --dane");
            }
            ctx.prefetchPostfixDefaults(); // both read the deployed key/cache settings, defaults included
            return new ChangeRunner(ctx).run(dryRun.dryRun, json.json, engine -> engine.enableClient(randSource, merge));
        }
        List<String> notes = DaneClient.checkResolvers(ctx.engine().instance().parameters(), dnssecProbe, dnssecBogus,
                () -> dns.given() ? List.of(dns.lookup(DNS_TIMEOUT, null))
                        : new ArrayList<>(DnsjavaLookup.systemEach(DNS_TIMEOUT, null)));
        List<String> command = new ArrayList<>(List.of("pftls", "-c", ctx.configDirectory().toString(),
                "enable-client", "--dane"));
        if (randSource != null && !randSource.isEmpty()) {
            command.addAll(List.of("-r", randSource));
        }
        if (dns.given()) {
            command.addAll(List.of("--resolver", dns.resolver));
        }
        return new ChangeRunner(ctx).run(dryRun.dryRun, json.json,
                engine -> DaneClient.plan(engine, randSource, notes, command));
    }
}
