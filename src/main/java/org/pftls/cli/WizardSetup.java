package org.pftls.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.adapters.DnsjavaLookup;
import org.pftls.adapters.JdkStarttlsProbe;
import org.pftls.engine.PftlsException;
import org.pftls.engine.dane.DaneClient;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.ports.SmtpProbe;
import org.pftls.engine.tls.Instance;
import org.pftls.ui.flow.WizardEnvironment;
import org.pftls.ui.flow.WizardModel;

/** The wizard on the chosen instance, with what the command line knows: the adapters, the demo, the mail log. */
final class WizardSetup {
    private WizardSetup() {
    }

    static WizardModel model(CommandContext ctx) throws PftlsException {
        Path dir = ctx.configDirectory();
        Ports ports = ctx.ports();
        Wiring wiring = ctx.wiring();
        List<String> command = ctx.defaultInstance() ? List.of("pftls") : List.of("pftls", "-c", dir.toString());
        // The deploy guard asks the system's resolver as deploy-server-cert does (dnsjava is loaded
        // only when a deploy asks), and so does Done's verify for the TLSA records (as verify --dns);
        // the demo sandbox asks nothing and has no Postfix to verify.
        Optional<DnsLookup> dns = ctx.demo() ? Optional.empty() : Optional.of(new LazyDnsLookup(
                () -> DnsjavaLookup.of(null, DeployServerCertCommand.DNS_TIMEOUT, null)));
        Optional<SmtpProbe> probe = ctx.demo() ? Optional.empty()
                : Optional.of((host, port, algorithm, timeout) -> new JdkStarttlsProbe().probe(host, port, algorithm,
                timeout));
        // Enable client (DANE) checks the system's resolvers as enable-client --dane does (also in the
        // demo: it only asks, and says whether DANE can work here).
        DaneClient.Resolvers daneResolvers = () -> new ArrayList<>(DnsjavaLookup.systemEach(
                EnableClientCommand.DNS_TIMEOUT, null));
        return new WizardModel(new WizardEnvironment(dir, () -> Instance.read(dir, ports), ctx.mailLogOnly(),
                wiring.postfix(ports, dir), ctx.demo(), wiring.postfixOnHost(), command,
                System.getProperty("user.name", "root"), wiring.letsEncryptLive(), wiring.wizardKeys(ports), dns,
                daneResolvers, probe, CertbotHookCommand.pftlsCommand()));
    }
}
