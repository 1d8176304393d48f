package org.pftls.testing;

import java.nio.file.Path;
import java.util.List;
import org.pftls.engine.PftlsException;
import org.pftls.engine.crypto.KeyMaker;
import org.pftls.engine.ports.MessageSink;
import org.pftls.engine.ports.PostfixControl;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.tls.Instance;
import org.pftls.ui.flow.WizardEnvironment;
import org.pftls.ui.flow.WizardModel;

/**
 * The wizard on a sandbox, for the wizard tests: the sandbox's ports (fixed clock, seeded
 * randomness, so the wizard's files can be compared with the command line's byte for byte), keys
 * made in-process from the same randomness, certbot's directory inside the sandbox
 * ({@code .letsencrypt/live}, which exists only if a test makes it).
 */
public final class TestWizards {
    private TestWizards() {
    }

    /** Postfix that is not installed: nothing to reload. */
    public static final PostfixControl NO_POSTFIX = new PostfixControl() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String reload() {
            throw new AssertionError("there is no Postfix to reload");
        }
    };

    public static WizardEnvironment environment(Path dir, Ports ports, MessageSink log, PostfixControl postfix,
                                                boolean demo) {
        return new WizardEnvironment(dir, () -> Instance.read(dir, ports), log, postfix, demo, false,
                List.of("pftls", "-c", dir.toString()), System.getProperty("user.name", "root"),
                letsEncryptLive(dir), spec -> new KeyMaker(ports.random()).generate(spec));
    }

    /** Where the wizard on {@code dir} looks for certbot's certificates. */
    public static Path letsEncryptLive(Path dir) {
        return dir.resolve(".letsencrypt/live");
    }

    public static WizardModel model(Path dir, Ports ports, MessageSink log, PostfixControl postfix, boolean demo) {
        try {
            return new WizardModel(environment(dir, ports, log, postfix, demo));
        } catch (PftlsException e) {
            throw new AssertionError(e);
        }
    }
}
