package org.pftls.engine.plan;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns Java I/O exceptions into the short reasons a Unix user expects (as strerror says them). */
public final class IoMessages {
    private IoMessages() {
    }

    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** What to do when a key or certificate file given to pftls (or named in main.cf) cannot be read. */
    public static String inputFix(IOException e) {
        if (e instanceof org.pftls.engine.ports.FileStore.TooLargeException) {
            return "give the PEM file itself: a key or certificate file is a few KB";
        }
        if (e instanceof org.pftls.engine.ports.FileStore.NotRegularFileException) {
            return "give a regular file";
        }
        return reason(e).equals("Permission denied") ? "run pftls as root (or as the file's owner)" : "check the path";
    }
}
