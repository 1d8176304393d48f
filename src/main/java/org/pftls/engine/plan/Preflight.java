package org.pftls.engine.plan;

import java.io.IOException;
import java.nio.file.Path;
import org.pftls.engine.PftlsException;
import org.pftls.engine.check.ConfigurationTrust;
import org.pftls.engine.ports.FileStore;
import org.pftls.engine.ports.Ports;

/**
 * What a dry run checks, without writing anything, so that it exits as the real run would: no user
 * other than root may be able to change the configuration ({@link ConfigurationTrust}), main.cf
 * must be writable (the real run locks it for writing) and the configuration directory must be
 * writable when the plan creates files or replaces main.cf. The failures carry the same messages
 * as the real run's. Not foreseeable: a full disk, and another pftls holding the lock.
 */
public final class Preflight {
    private Preflight() {
    }

    public static void check(Path configDirectory, Plan plan, Ports ports) throws PftlsException {
        FileStore files = ports.files();
        Path mainCf = configDirectory.resolve("main.cf");
        if (files.exists(mainCf)) {
            try {
                files.checkWritable(mainCf);
            } catch (IOException e) {
                throw InstanceLock.cannotOpen(mainCf, e);
            }
        }
        if (plan.changesNothing()) {
            return;
        }
        ConfigurationTrust.require(configDirectory, files); // as the Applier does first
        try {
            files.checkWritable(configDirectory);
        } catch (IOException e) {
            if (!plan.files().isEmpty()) {
                throw Applier.cannotCreate(plan.files().get(0), e);
            }
            throw Applier.cannotBackUp(mainCf, Backups.nextName(files, configDirectory, ports.clock().instant()), e);
        }
    }
}
