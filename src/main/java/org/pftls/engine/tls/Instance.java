package org.pftls.engine.tls;

import java.io.IOException;
import java.nio.file.Path;
import org.pftls.engine.PftlsException;
import org.pftls.engine.PftlsException.Kind;
import org.pftls.engine.config.MailProgramHostNames;
import org.pftls.engine.config.MainCf;
import org.pftls.engine.config.Parameters;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.ports.Ports;
import org.pftls.engine.version.VersionSyntax;

/** One Postfix instance as it is on disk now: its configuration directory and main.cf. */
public final class Instance {
    private final Path configDirectory;
    private final Path mainCfPath;
    private final FileStore.Stamp stamp;
    private final Parameters parameters;
    private final Ports ports;

    private Instance(Path configDirectory, Path mainCfPath, FileStore.Stamp stamp, Parameters parameters,
                     Ports ports) {
        this.configDirectory = configDirectory;
        this.mainCfPath = mainCfPath;
        this.stamp = stamp;
        this.parameters = parameters;
        this.ports = ports;
    }

    /**
     * Reads the instance in {@code configDirectory}; fails with a clear message if it is not one,
     * or if Postfix itself would refuse its main.cf (syntax, or an invalid myhostname or mydomain).
     */
    public static Instance read(Path configDirectory, Ports ports) throws PftlsException {
        FileStore files = ports.files();
        if (!files.isDirectory(configDirectory)) {
            throw missingDirectory(configDirectory);
        }
        Path mainCf = configDirectory.resolve("main.cf");
        byte[] bytes;
        FileStore.Stamp stamp;
        try {
            stamp = files.stamp(mainCf);
            bytes = files.read(mainCf);
        } catch (IOException e) {
            throw new PftlsException(Kind.CONFIG, "cannot read " + mainCf + ": " + IoMessages.reason(e)
                    + "; give the Postfix configuration directory with -c DIR, or run pftls as root", e);
        }
        MainCf parsed = MainCf.parse(bytes, mainCf.toString());
        // Like every Postfix program (postfix tls included), refuse a myhostname or mydomain
        // that is not a valid host name.
        MailProgramHostNames.check(parsed, ports.hostNames());
        VersionSyntax.check(parsed, ports.postfix()); // syntax newer than the installed Postfix
        Parameters parameters = new Parameters(parsed, ports.postfix(), configDirectory, ports.hostNames(),
                files.nameCharset());
        return new Instance(configDirectory, mainCf, stamp, parameters, ports);
    }

    /** The error for a configuration directory that is not there (the script's text, plus the fix). */
    public static PftlsException missingDirectory(Path configDirectory) {
        return new PftlsException(Kind.CONFIG, "no Postfix configuration directory " + configDirectory
                + "!; give the right one with -c DIR (it holds main.cf)");
    }

    public Path configDirectory() {
        return configDirectory;
    }

    public Path mainCfPath() {
        return mainCfPath;
    }

    public FileStore.Stamp stamp() {
        return stamp;
    }

    public MainCf mainCf() {
        return parameters.mainCf();
    }

    public Parameters parameters() {
        return parameters;
    }

    public Ports ports() {
        return ports;
    }
}
