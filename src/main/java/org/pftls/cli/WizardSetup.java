package org.pftls.cli;

import java.nio.file.Path;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.engine.ports.Ports;
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
        return new WizardModel(new WizardEnvironment(dir, () -> Instance.read(dir, ports), ctx.mailLogOnly(),
                wiring.postfix(ports, dir), ctx.demo(), wiring.postfixOnHost(), command,
                System.getProperty("user.name", "root"), wiring.letsEncryptLive(), wiring.wizardKeys(ports)));
    }
}
