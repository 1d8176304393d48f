package org.pftls.engine.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.pftls.engine.plan.IoMessages;
import org.pftls.engine.ports.FileStore;

/**
 * What {@link ChainCheck} looks at: the certificate (chain) file and the private key file, as read
 * from disk. Either may be absent (the wizard checks each field on its own; {@code status} may find
 * only one of them configured). Reading is the only I/O of the check: {@link ChainCheck#check} is a
 * pure function of these files, the clock and myhostname.
 *
 * @param certificate the certificate file, if one is checked
 * @param key         the private key file, if one is checked (it may be the same file)
 */
public record ChainFiles(Optional<FileRead> certificate, Optional<FileRead> key) {

    /**
     * One file as read.
     *
     * @param path       the path as given (never resolved through symbolic links: certbot's
     *                   {@code live/} names must stay what main.cf says)
     * @param bytes      the content, empty when the file could not be read
     * @param unreadable why it could not be read, with the fix (one line), when it could not
     * @param info       mode, owner and group (of the file a symbolic link points to), when known
     *                   (read for the key file only)
     */
    public record FileRead(Path path, Optional<byte[]> bytes, Optional<String> unreadable,
                           Optional<FileStore.Info> info) {
    }

    /** Reads the files that are given; never fails (an unreadable file is recorded as such). */
    public static ChainFiles read(FileStore files, Optional<Path> certificate, Optional<Path> key) {
        return new ChainFiles(certificate.map(p -> read(files, p, "cannot read certificate file " + p, false)),
                key.map(p -> read(files, p, "no private key found in file: " + p, true)));
    }

    /** @param withInfo whether to read mode, owner and group too (only the key file's matter) */
    private static FileRead read(FileStore files, Path path, String problem, boolean withInfo) {
        byte[] bytes;
        try {
            bytes = files.read(path, FileStore.PEM_LIMIT);
        } catch (IOException e) {
            return new FileRead(path, Optional.empty(), Optional.of(problem + " (" + IoMessages.reason(e) + "); "
                    + IoMessages.inputFix(e)), Optional.empty());
        }
        Optional<FileStore.Info> info = Optional.empty();
        try {
            info = withInfo ? Optional.of(files.info(path)) : Optional.empty();
        } catch (IOException e) {
            // mode unknown: the key file check is skipped, the rest still runs
        }
        return new FileRead(path, Optional.of(bytes), Optional.empty(), info);
    }
}
