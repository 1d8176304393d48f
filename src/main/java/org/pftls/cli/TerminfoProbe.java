package org.pftls.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Looks at the real terminal without a terminal library: the type is TERM, the terminfo database
 * says whether it is described and can address the cursor ({@link TerminfoEntry}), and
 * {@code stty size} on the terminal gives its size (what Lanterna itself asks, moments later).
 * Called only when stdin and stdout are a terminal.
 */
final class TerminfoProbe implements FrontEndChooser.TerminalProbe {
    private final Map<String, String> env;

    TerminfoProbe(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public FrontEndChooser.TerminalFacts probe() {
        String type = env.getOrDefault("TERM", "").trim();
        Optional<TerminfoEntry> entry = TerminfoEntry.find(type, env);
        int[] size = sttySize();
        return new FrontEndChooser.TerminalFacts(type, entry.isPresent(),
                entry.isPresent() && entry.get().hasString(TerminfoEntry.CURSOR_ADDRESS), size[1], size[0]);
    }

    /** {rows, columns} of the terminal on stdin, or {0, 0} when stty cannot tell. */
    private static int[] sttySize() {
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out;
            try (InputStream in = stty.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            if (!stty.waitFor(5, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                stty.destroyForcibly();
                return new int[] {0, 0};
            }
            String[] parts = out.split(" ");
            return parts.length == 2 ? new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])}
                    : new int[] {0, 0};
        } catch (IOException | NumberFormatException e) {
            return new int[] {0, 0};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new int[] {0, 0};
        }
    }
}
