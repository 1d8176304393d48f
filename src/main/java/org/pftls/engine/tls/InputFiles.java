package org.pftls.engine.tls;

import java.io.IOException;
import java.nio.file.Path;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.ports.FileStore;

/**
 * Reads the key and certificate files a command is given or main.cf names: regular files only
 * (a FIFO, device or directory is refused before it is opened, so nothing hangs or reads forever),
 * at most {@link #PEM_LIMIT} bytes (a key is a few KB, a certificate chain some tens of KB; a
 * whole CA bundle about 200 KB), each failure one line with the fix.
 */
final class InputFiles {
    /** The most pftls reads from a key or certificate file. */
    static final long PEM_LIMIT = FileStore.PEM_LIMIT;

    private InputFiles() {
    }

    /** @param problem what failed, e.g. "no private key found in file: /x/key.pem" */
    static byte[] read(FileStore files, Path file, String problem) throws PftlsException {
        try {
            return files.read(file, PEM_LIMIT);
        } catch (IOException e) {
            throw new PftlsException(Kind.CRYPTO, problem + " (" + IoMessages.reason(e) + "); " + IoMessages.inputFix(e), e);
        }
    }
}
