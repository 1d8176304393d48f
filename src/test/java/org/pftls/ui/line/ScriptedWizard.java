package org.pftls.ui.line;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pftls.engine.dane.DaneClient;
import org.pftls.engine.ports.DnsLookup;
import org.pftls.engine.ports.SmtpProbe;
import org.pftls.engine.PftlsException;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.ports.PostfixControl;
import org.pftls.testing.Sandbox;
import org.pftls.testing.TestWizards;
import org.pftls.ui.flow.WizardEnvironment;
import org.pftls.ui.flow.WizardModel;

/**
 * Runs the line-mode wizard in-process on a sandbox with scripted answers (one line each, fed
 * through the same JLine dumb terminal that piped input uses) and keeps what it printed and
 * logged. Optional hooks run just before a given answer is read, to change the world between
 * two questions.
 */
public final class ScriptedWizard {
    /** What one run produced. */
    public record Result(int status, String output, List<String> logged, List<String> reloads) { }

    /** Records reloads instead of running Postfix; available or not as the test says. */
    static final class RecordingPostfix implements PostfixControl {
        private final boolean available;
        final List<String> reloads = new ArrayList<>();

        RecordingPostfix(boolean available) {
            this.available = available;
        }

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public String reload() {
            reloads.add("reload");
            return "postfix/postfix-script: refreshing the Postfix mail system";
        }
    }

    private final Sandbox sandbox;
    private boolean demo;
    private boolean postfixAvailable;
    private final Map<Integer, Runnable> hooks = new HashMap<>();
    private Optional<DnsLookup> dns = Optional.empty();
    private Optional<SmtpProbe> probe = Optional.empty();
    private DaneClient.Resolvers daneResolvers = WizardEnvironment.NO_RESOLVERS;

    public ScriptedWizard(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public ScriptedWizard demo() {
        this.demo = true;
        return this;
    }

    public ScriptedWizard withPostfix() {
        this.postfixAvailable = true;
        return this;
    }

    /** Deploy asks this resolver for the host's TLSA records. */
    public ScriptedWizard withDns(DnsLookup lookup) {
        this.dns = Optional.of(lookup);
        return this;
    }

    /** Enable client (DANE) checks these resolvers. */
    public ScriptedWizard withDaneResolvers(DaneClient.Resolvers resolvers) {
        this.daneResolvers = resolvers;
        return this;
    }

    /** "Reload Postfix and verify" probes with this. */
    public ScriptedWizard withProbe(SmtpProbe smtp) {
        this.probe = Optional.of(smtp);
        return this;
    }

    /** Runs {@code hook} just before answer number {@code answerIndex} (from 0) is read. */
    ScriptedWizard before(int answerIndex, Runnable hook) {
        hooks.put(answerIndex, hook);
        return this;
    }

    public Result run(String... answers) throws PftlsException {
        Path dir = sandbox.dir();
        Ports ports = sandbox.ports();
        List<String> logged = new ArrayList<>();
        RecordingPostfix postfix = new RecordingPostfix(postfixAvailable);
        WizardModel model = new WizardModel(TestWizards.environment(dir, ports, (level, text) -> logged.add(level + " "
                + text), postfix, demo).with(dns, probe).withDaneResolvers(daneResolvers));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LineWizard.run(model, new LineByLineInput(answers, hooks),
                new PrintStream(out, true, StandardCharsets.UTF_8), false);
        String text = out.toString(StandardCharsets.UTF_8);
        LineWizardTest.assertPlainText(text);
        return new Result(status, text, logged, postfix.reloads);
    }

    /**
     * Serves the answers as lines, at most one line per read, and runs a hook when the first byte
     * of its line is asked for (JLine asks only when the previous answer has been handled).
     */
    static final class LineByLineInput extends InputStream {
        private final List<byte[]> lines = new ArrayList<>();
        private final Map<Integer, Runnable> hooks;
        private int line;
        private int pos;

        LineByLineInput(String[] answers, Map<Integer, Runnable> hooks) {
            for (String a : answers) {
                lines.add((a + "\n").getBytes(StandardCharsets.UTF_8));
            }
            this.hooks = hooks;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (line >= lines.size()) {
                return -1;
            }
            if (pos == 0 && hooks.containsKey(line)) {
                hooks.remove(line).run();
            }
            byte[] current = lines.get(line);
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            if (pos == current.length) {
                line++;
                pos = 0;
            }
            return n;
        }
    }
}
