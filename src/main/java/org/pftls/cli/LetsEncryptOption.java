package org.pftls.cli;

import java.nio.file.Path;
import org.pftls.engine.tls.LetsEncrypt;
import picocli.CommandLine.Option;

/** {@code --letsencrypt-dir DIR}: certbot's configuration directory, when it is not /etc/letsencrypt. */
public final class LetsEncryptOption {
    @Option(names = "--letsencrypt-dir", paramLabel = "DIR", description = "certbot's configuration directory"
            + " (certbot --config-dir), if not /etc/letsencrypt.")
    Path directory;

    LetsEncrypt letsEncrypt() {
        return directory == null ? LetsEncrypt.DEFAULT : new LetsEncrypt(directory.toAbsolutePath().normalize());
    }
}
