package org.pftls.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * pftls's own bookkeeping files in a configuration directory: main.cf backups
 * ({@code main.cf.pftls-STAMP}) and the history journal ({@code pftls-history.log}). Two runs of
 * the same change in two directories write them with the directory's name (and hashes of files
 * that contain it) inside, and the journal records the command as typed; {@link #normalised}
 * makes them comparable.
 */
public final class Bookkeeping {
    public static final String HISTORY = "pftls-history.log";

    private Bookkeeping() {
    }

    /** True for the files pftls writes for itself (not keys, certificates or main.cf). */
    public static boolean isBookkeeping(String fileName) {
        return fileName.equals(HISTORY) || fileName.startsWith("main.cf.pftls-");
    }

    /** The file's content with the directory name replaced and content hashes dropped. */
    public static String normalised(String fileName, byte[] content, Path dir) {
        String text = new String(content, StandardCharsets.ISO_8859_1).replace(dir.toString(), "DIR");
        if (fileName.equals(HISTORY)) {
            text = text.replace(URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8), "DIR")
                    .replaceAll("\t(before|after)=[0-9a-f]{64}", "")
                    // the command as typed: the wizard names default host names explicitly
                    .replaceAll("\targ=[^\t\n]*", "");
        }
        return text;
    }
}
