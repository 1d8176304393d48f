package org.pftls.ui.screen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.dane.DaneClient;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.ports.MessageSink;
import org.pftls.engine.ports.PostfixControl;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.ports.SmtpProbe;
import org.pftls.testing.Sandbox;
import org.pftls.testing.TestWizards;
import org.pftls.ui.flow.WizardEnvironment;
import org.pftls.ui.flow.WizardModel;

/**
 * A sandbox instance (fixed clock, seeded randomness, built-in Postfix 3.7 defaults) and the
 * wizard model on it, recording what the model logs and whether postfix reload was run.
 */
final class WizardFixture {
    final Sandbox sandbox;
    final List<String> logged = new ArrayList<>();
    final List<String> reloads = new ArrayList<>();
    final boolean postfixAvailable;
    private final Ports ports;

    WizardFixture(Sandbox sandbox, boolean postfixAvailable) {
        this.sandbox = sandbox;
        this.postfixAvailable = postfixAvailable;
        this.ports = sandbox.ports();
    }

    static WizardFixture of(Path dir, String sample) {
        return new WizardFixture(Sandbox.withSample(dir, sample), false);
    }

    Path dir() {
        return sandbox.dir();
    }

    WizardModel model(boolean demo) {
        Path dir = sandbox.dir();
        MessageSink sink = (level, text) -> logged.add(prefix(level) + text);
        PostfixControl postfix = new PostfixControl() {
            @Override
            public boolean available() {
                return postfixAvailable;
            }

            @Override
            public String reload() {
                reloads.add("reload " + dir);
                return "postfix/postfix-script: refreshing the Postfix mail system";
            }
        };
        return TestWizards.model(dir, ports, sink, postfix, demo);
    }

    WizardModel model() {
        return model(false);
    }

    /** The wizard with a resolver for the deploy guard and a probe for verify. */
    WizardModel model(Optional<DnsLookup> dns, Optional<SmtpProbe> probe) {
        return model(dns, probe, WizardEnvironment.NO_RESOLVERS);
    }

    /** The same, with the resolvers Enable client (DANE) checks. */
    WizardModel model(Optional<DnsLookup> dns, Optional<SmtpProbe> probe, DaneClient.Resolvers daneResolvers) {
        WizardModel plain = model(false);
        try {
            return new WizardModel(plain.environment().with(dns, probe).withDaneResolvers(daneResolvers));
        } catch (org.pftls.engine.PftlsException e) {
            throw new AssertionError(e);
        }
    }

    /** The same prefixes the command line puts before its messages on stderr. */
    static String prefix(MessageSink.Level level) {
        return switch (level) {
            case INFO -> "pftls: ";
            case WARNING -> "pftls: warning: ";
            case ERROR -> "pftls: error: ";
            case FATAL -> "pftls: fatal: ";
        };
    }
}
