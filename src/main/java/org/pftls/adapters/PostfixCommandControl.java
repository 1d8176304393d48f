package org.pftls.adapters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pftls.engine.PftlsException;
import org.pftls.engine.ports.PostfixControl;

/** {@link PostfixControl} through the installed {@code postfix} command. */
public final class PostfixCommandControl implements PostfixControl {
    private final Path postfix;
    private final Path configDirectory;

    public PostfixCommandControl(Path postfix, Path configDirectory) {
        this.postfix = postfix;
        this.configDirectory = configDirectory;
    }

    @Override
    public boolean available() {
        return Files.isExecutable(postfix);
    }

    @Override
    public String reload() throws PftlsException {
        try {
            Process p = new ProcessBuilder(List.of(postfix.toString(), "-c", configDirectory.toString(), "reload"))
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new PftlsException(PftlsException.Kind.IO, "postfix reload did not finish in 60 s;"
                        + " run it yourself: postfix -c " + configDirectory + " reload");
            }
            if (p.exitValue() != 0) {
                throw new PftlsException(PftlsException.Kind.IO, "postfix reload failed: " + output.replace('\n', ' ')
                        + "; is Postfix running? (postfix -c " + configDirectory + " start)");
            }
            return output;
        } catch (IOException e) {
            throw new PftlsException(PftlsException.Kind.IO, "cannot run " + postfix + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PftlsException(PftlsException.Kind.CANCELLED, "postfix reload interrupted", e);
        }
    }
}
